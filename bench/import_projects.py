"""Import 20,000 project rows from a CSV file, as a dry run and for real.

Run by hand, never by the test suite:

    .venv/bin/python bench/import_projects.py            # SQLite scratch database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/iomcms_bench \\
        .venv/bin/python bench/import_projects.py        # an empty PostgreSQL database

Each phase runs in a fresh process on a freshly migrated database, so its peak memory
(maximum resident set size) is its own. Writes a line per phase to stdout.
"""

import csv
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = 20_000
COUNTRIES = ["AR", "Chile", "PE", "BO", "Colombia", "EC", "MX", "GT", "HN", "SV"]


def write_file(path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Projects ID",
                "Title",
                "Description",
                "Start",
                "End",
                "Project status",
                "Project type",
                "Budget (USD)",
                "Coverage",
                "Funding year",
                "IDF region",
                "Prima ID",
                "Benefiting member states",
                "Language",
                "Status",
            ]
        )
        for number in range(ROWS):
            writer.writerow(
                [
                    f"PO.{number:05d}",
                    f"Project {number}: local migration governance",
                    "A paragraph of description. " * 20,
                    2015 + number % 8,
                    2024,
                    "active",
                    "Migration Policy Activities",
                    f"{100000 + number}.50",
                    "National",
                    2014 + number % 8,
                    "Latin America and the Caribbean",
                    f"XX10P{number:05d}",
                    "|".join(COUNTRIES[number % 7 : number % 7 + 3]),
                    "en",
                    "published",
                ]
            )


def run_phase(phase, path):
    """In a child process: migrate a scratch database, import the file, report."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomcms.settings.dev")
    os.environ["DEBUG"] = "false"  # as in production: no query log kept in memory
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    out = io.StringIO()
    args = ["import_spreadsheet", "projects", path, "--verbosity", "0"]
    call_command(*args, *(["--dry-run"] if phase == "dry-run" else []), stdout=out)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{phase}: {seconds:.2f} s, peak memory {peak_mb:.0f} MB ({out.getvalue().strip()})")


def main():
    if len(sys.argv) == 3:
        run_phase(sys.argv[1], sys.argv[2])
        return
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "projects.csv")
        write_file(path)
        print(f"{ROWS:,} rows, {os.path.getsize(path) / 1e6:.1f} MB")
        for phase in ("dry-run", "commit"):
            env = dict(os.environ)
            if "DATABASE_URL" not in env:
                env["DATABASE_URL"] = f"sqlite:///{folder}/{phase}.sqlite3"
            else:
                reset_database(env["DATABASE_URL"])
            subprocess.run([sys.executable, __file__, phase, path], env=env, check=True)


def reset_database(url):
    """Empty the PostgreSQL database the URL names, so each phase starts from nothing."""
    name = url.rsplit("/", 1)[1]
    base = url.rsplit("/", 1)[0]
    subprocess.run(["dropdb", "--if-exists", *_pg_args(base), name], check=True)
    subprocess.run(["createdb", *_pg_args(base), name], check=True)


def _pg_args(base):
    # postgres://user@host:port
    user_host = base.split("://", 1)[1]
    user, host_port = user_host.split("@")
    host, port = host_port.split(":")
    return ["-h", host, "-p", port, "-U", user]


if __name__ == "__main__":
    main()
