"""Import saved page texts with `import_sources`: pages per second, parsing alone and in full.

Run by hand, never by the test suite:

    .venv/bin/python bench/import_pages.py                # 1,000 pages, SQLite scratch files
    .venv/bin/python bench/import_pages.py --pages 5000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/iomcms_bench \\
        .venv/bin/python bench/import_pages.py            # an empty PostgreSQL database

The pages are copies of the five saved pages in fixtures/sources/, made distinct the way
the importer tells records apart: each file has its own name (its source key), its own
title (so its own slug), a project its own Projects ID and Prima ID, a statement its own
dates (its slug is made from its date; distinct up to about 3,000 pages). Their media
contacts and offices are the same on every copy, as on the office's real pages.

Phases, each in a fresh process: `parse` runs the parser alone over every file (no
database); `dry-run` and `import` run the command on a freshly migrated database;
`re-import` runs it again, with the same files, on the database `import` filled (every
record unchanged). Writes a line per phase to stdout: seconds (the command's wall time,
migrating excluded), pages per second and peak memory.
"""

import argparse
import io
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from import_projects import reset_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "sources"
PHASES = ("parse", "dry-run", "import", "re-import")
STATEMENT_DATE = re.compile(r"(Date:\s+)(\d{1,2})/(\d{1,2})/(\d{4})")


def write_pages(folder, count):
    """`count` distinct page files in `folder`, made from the seeds in turn."""
    sys.path.insert(0, str(ROOT))
    from newsroom.sourcetext import parse_text

    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        seeds.append((path.stem, text, parse_text(text).to_dict()))
    for number in range(count):
        stem, text, page = seeds[number % len(seeds)]
        copy = number // len(seeds)
        name = f"{number:05d}_{stem}.txt"
        (Path(folder) / name).write_text(variant(text, page, copy), encoding="utf-8")


def variant(text, page, copy):
    """The text of copy number `copy` of a page; copy 0 is the page itself."""
    if copy == 0:
        return text
    text = text.replace(page["title"], f"{page['title']} ({copy})", 1)
    if page["kind"] == "project":
        fields = page["project"]
        text = text.replace(fields["project_code"], f"{fields['project_code']}.{copy}")
        text = text.replace(fields["prima_id"], f"{fields['prima_id']}-{copy}")
    if page["kind"] == "statements":

        def later(match):
            day = date(int(match[4]), int(match[2]), int(match[3])) + timedelta(days=copy)
            return f"{match[1]}{day.month}/{day.day}/{day.year}"

        text = STATEMENT_DATE.sub(later, text)
    return text


def run_phase(phase, folder):
    """In a child process: parse, or migrate a scratch database and import; report."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomcms.settings.dev")
    os.environ["DEBUG"] = "false"  # as in production: no query log kept in memory
    files = sorted(Path(folder).glob("*.txt"))
    if phase == "parse":
        from newsroom.sourcetext import parse_text

        started = time.perf_counter()
        pages = [
            parse_text(path.read_text(encoding="utf-8-sig"), source=path.name) for path in files
        ]
        seconds = time.perf_counter() - started
        kinds = {}
        for page in pages:
            kinds[page.kind] = kinds.get(page.kind, 0) + 1
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    else:
        import django
        from django.conf import settings

        pages = settings.CACHES["pages"]
        if pages["BACKEND"].endswith("FileBasedCache"):
            # Every record saved bumps the content version in the page cache: a cache of
            # its own, so the run neither pays for nor empties var/cache/pages.
            pages["LOCATION"] = os.path.join(folder, os.pardir, f"cache-{phase}")
        django.setup()
        from django.core.management import call_command

        if phase != "re-import":
            call_command("migrate", verbosity=0)
        out = io.StringIO()
        dry_run = ["--dry-run"] if phase == "dry-run" else []
        started = time.perf_counter()
        call_command("import_sources", folder, *dry_run, verbosity=0, stdout=out)
        seconds = time.perf_counter() - started
        summary = out.getvalue().strip().splitlines()[-1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{phase}: {seconds:.2f} s, {len(files) / seconds:,.0f} pages/s, "
        f"peak memory {peak_mb:.0f} MB ({summary})"
    )


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--phase":
        run_phase(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="How many pages (1,000).")
    count = parser.parse_args().pages
    with tempfile.TemporaryDirectory() as scratch:
        folder = os.path.join(scratch, "pages")
        os.mkdir(folder)
        write_pages(folder, count)
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
        print(f"{count:,} pages, {size / 1e6:.1f} MB")
        for phase in PHASES:
            env = dict(os.environ)
            if "DATABASE_URL" not in env:
                database = "import" if phase == "re-import" else phase
                env["DATABASE_URL"] = f"sqlite:///{scratch}/{database}.sqlite3"
            elif phase in ("dry-run", "import"):
                reset_database(env["DATABASE_URL"])
            command = [sys.executable, __file__, "--phase", phase, folder]
            subprocess.run(command, env=env, check=True)


if __name__ == "__main__":
    main()
