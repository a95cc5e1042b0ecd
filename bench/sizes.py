"""Milliseconds a request of each kind of public page, in one process, on two databases
(10,000 and 100,000 releases, say): whether a page slows down as the archive grows.

wrk's figures on a shared two-core machine move by 20% from one run to the next, more
than the difference looked for; one process serving one request after another, through
Django's test client and the production settings (page cache off), moves much less. The
two databases take turns, each measurement in a fresh process, and each page keeps the
best of `--rounds`:

    .venv/bin/python bench/sizes.py postgres://postgres@127.0.0.1:5432/bench10k \\
        postgres://postgres@127.0.0.1:5432/bench100k --requests 300 --rounds 3

Static files must have been collected (`make serve` does it), as production settings
serve them by their hashed names.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

PATHS = [
    "/news/",
    "/news/?page=250",
    "/news/?country=argentina&year=2015",
    "/projects/?status=active&region=latin-america-and-the-caribbean",
    "/search/?q=migrant+children",
]
ROOT = Path(__file__).resolve().parent.parent


def measure(path, requests):
    """Best milliseconds a request of `path` over three batches, in this process."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomcms.settings.production")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    from django.test import Client

    logging.disable(logging.WARNING)
    client = Client()
    for _ in range(30):  # builds the facet indexes, warms the database's caches
        response = client.get(path, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    batch = max(requests // 3, 1)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(batch):
            client.get(path, secure=True)
        best = min(best, (time.perf_counter() - started) / batch)
    return best * 1000


def timed(database, path, requests):
    output = subprocess.run(
        [sys.executable, __file__, "--measure", path, "--requests", str(requests)],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database},
        cwd=ROOT,
    )
    if output.returncode:
        raise SystemExit(f"{path} on {database}: {output.stderr.strip().splitlines()[-1]}")
    return float(output.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("databases", nargs="*", help="Two DATABASE_URL values: small, large.")
    parser.add_argument("--path", action="append", help="A path instead of the usual kinds.")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(f"{measure(args.measure, args.requests):.3f}")
        return
    if len(args.databases) != 2:
        parser.error("give two DATABASE_URL values, the small archive first")
    small, large = args.databases
    print("| path | small, ms | large, ms | large / small |")
    print("|---|---:|---:|---:|")
    for path in args.path or PATHS:
        times = {small: [], large: []}
        for _ in range(args.rounds):
            for database in (small, large):
                times[database].append(timed(database, path, args.requests))
        best_small, best_large = min(times[small]), min(times[large])
        print(f"| {path} | {best_small:.2f} | {best_large:.2f} | {best_large / best_small:.2f} |")


if __name__ == "__main__":
    main()
