"""Requests per second and latency of each kind of public page, measured with wrk.

Run against `make serve` (gunicorn, production settings) on loopback, page cache off:

    PAGE_CACHE_SECONDS=0 GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG= make serve PORT=8014 &
    .venv/bin/python bench/load.py http://127.0.0.1:8014 --seconds 10 --connections 8

Needs `wrk` (Debian package). Prints one Markdown table row per URL kind, best of --runs.
URLs of a release and a project are looked up from the site's own sitemap.

`--mix` instead runs one load test of --seconds with --connections: 60% filtered lists,
30% detail pages, 10% searches, drawn at random, and prints its totals.
"""

import argparse
import os
import random
import re
import subprocess
import tempfile
import urllib.request
from pathlib import Path

KINDS = {
    "news list, page 1": "/news/",
    "news list, deepest page": "/news/?page={deep}",
    "news by country and year": "/news/?country=argentina&year=2015",
    "release": "{release}",
    "projects by status and region": (
        "/projects/?status=active&region=latin-america-and-the-caribbean"
    ),
    "project": "{project}",
    "search “migrant children”": "/search/?q=migrant+children",
}


def discover(base):
    sitemap = urllib.request.urlopen(f"{base}/sitemap.xml?p=1").read().decode()
    locations = re.findall(r"<loc>[^<]*?(/(?:news|projects)/[^<]+/)</loc>", sitemap)
    release = next(
        path for path in locations if path.startswith("/news/") and path.count("/") == 3
    )
    project = next(path for path in locations if path.startswith("/projects/"))
    page = urllib.request.urlopen(f"{base}/news/").read().decode()
    pages = int(re.search(r"Page 1 of (\d+)", page)[1])
    # The deepest page the list offers (lists stop at BoundedPaginator.MAX_PAGES).
    return {"release": release, "project": project, "deep": pages}


def wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    p50 = re.search(r"50%\s+([\d.]+\w+)", output)[1]
    p99 = re.search(r"99%\s+([\d.]+\w+)", output)[1]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors[1]) if errors else 0


def mix_paths(base, count=1000):
    """Paths in the proportions of the mixed load: lists 60%, details 30%, search 10%."""
    sitemap = urllib.request.urlopen(f"{base}/sitemap.xml?p=1").read().decode()
    details = re.findall(r"<loc>[^<]*?(/(?:news|projects|statements)/[^<?]+/)</loc>", sitemap)
    details = [path for path in details if path.count("/") == 3]
    countries = ["argentina", "chile", "peru", "colombia", "mexico", "el-salvador", "brazil"]
    generator = random.Random(7)
    paths = []
    for _ in range(count):
        roll = generator.random()
        country, year = generator.choice(countries), generator.randint(2000, 2026)
        if roll < 0.6:
            paths.append(
                generator.choice(
                    [
                        f"/news/?country={country}",
                        f"/news/?country={country}&year={year}",
                        f"/news/?page={generator.randint(1, 50)}",
                        "/projects/?status=active",
                        f"/projects/?country={country}",
                    ]
                )
            )
        elif roll < 0.9:
            paths.append(generator.choice(details))
        else:
            paths.append(
                generator.choice(
                    [
                        "/search/?q=migrant+children",
                        "/search/?q=border",
                        "/search/?q=labour+migration",
                    ]
                )
            )
    return paths


def run_mix(base, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(mix_paths(base)) + "\n")
    script = Path(__file__).with_name("mix.lua")
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "WRK_PATHS": handle.name},
    ).stdout
    print(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--mix", action="store_true", help="One mixed load test instead.")
    parser.add_argument(
        "--path",
        action="append",
        help="Measure this path instead of the URL kinds (repeatable), e.g. a cached page "
        "or bench/hello.py's constant string.",
    )
    args = parser.parse_args()
    if args.mix:
        run_mix(args.base, args.seconds, args.connections)
        return
    kinds = {path: path for path in args.path} if args.path else KINDS
    found = {} if args.path else discover(args.base)
    print("| URL kind | requests/s | p50 | p99 | errors |")
    print("|---|---:|---:|---:|---:|")
    for kind, path in kinds.items():
        url = args.base + path.format(**found)
        best = max(
            (wrk(url, args.seconds, args.connections) for _ in range(args.runs)),
            key=lambda result: result[0],
        )
        print(f"| {kind} | {best[0]:.0f} | {best[1]} | {best[2]} | {best[3]} |", flush=True)


if __name__ == "__main__":
    main()
