"""Milliseconds a request of each kind of page, the code of two checkouts taking turns on
one database: whether a change made pages slower.

On a shared machine the load moves from one minute to the next; two checkouts timed
alternately, each measurement in a fresh process (`bench/sizes.py --measure`, production
settings, page cache off, best of three batches), see the same load. Each page keeps the
best of `--rounds`:

    .venv/bin/python bench/compare.py ../before . sqlite:///bench10k.sqlite3 --rounds 3

Each checkout runs with its own `.venv`; static files must have been collected in both
(`make serve` does it).
"""

import argparse
import os
import subprocess
from pathlib import Path

from sizes import PATHS


def timed(checkout, database, path, requests):
    python = checkout / ".venv" / "bin" / "python"
    output = subprocess.run(
        [python, "bench/sizes.py", "--measure", path, "--requests", str(requests)],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database},
        cwd=checkout,
    )
    if output.returncode:
        raise SystemExit(f"{path} in {checkout}: {output.stderr.strip().splitlines()[-1]}")
    return float(output.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="The checkout of the earlier code.")
    parser.add_argument("after", type=Path, help="The checkout of the code to compare.")
    parser.add_argument("database", help="The DATABASE_URL both use.")
    parser.add_argument("--path", action="append", help="A path instead of the usual kinds.")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checkouts = (args.before.resolve(), args.after.resolve())
    print("| path | before, ms | after, ms | after / before |")
    print("|---|---:|---:|---:|")
    for path in args.path or PATHS:
        times = {checkout: [] for checkout in checkouts}
        for _ in range(args.rounds):
            for checkout in checkouts:
                times[checkout].append(timed(checkout, args.database, path, args.requests))
        before, after = (min(times[checkout]) for checkout in checkouts)
        print(f"| {path} | {before:.2f} | {after:.2f} | {after / before:.2f} |", flush=True)


if __name__ == "__main__":
    main()
