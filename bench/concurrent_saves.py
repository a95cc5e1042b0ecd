"""Editors saving at the same moment while visitors read, on an SQLite file: how many
saves fail with "database is locked", with the database options SQLite had before
(rollback journal, transactions that take the write lock only when they first write, a
5 s wait) and with the site's (write-ahead log, BEGIN IMMEDIATE, a 20 s wait).

4 editor threads save their own release 15 times each (read it, change it, save it, in
one transaction with a version, as the admin does) while 2 visitor threads render the
news list and a search page, uncached, until the editors are done. Each thread has its
own connection, as each request of a threaded server has.

    .venv/bin/python bench/concurrent_saves.py [--editors 4] [--saves 15] [--readers 2]
"""

import argparse
import io
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
WORK = Path(tempfile.mkdtemp(prefix="concurrent-saves-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="iomcms.settings.dev",
    DATABASE_URL=f"sqlite:///{WORK / 'template.sqlite3'}",
    DEBUG="false",
    ALLOWED_HOSTS="testserver",
    PAGE_CACHE_SECONDS="0",
)

import django  # noqa: E402

django.setup()

import reversion  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from newsroom.models import NewsRelease  # noqa: E402

BEFORE = {"init_command": "PRAGMA cache_size = -32000"}


def build_template(releases):
    call_command("migrate", verbosity=0)
    call_command("load_site_fixtures", verbosity=0)
    call_command(
        "generate_demo_data",
        news=releases,
        projects=50,
        seed=1,
        verbosity=0,
        stdout=io.StringIO(),
    )
    connections.close_all()


def copy_of_template(name, journal_mode):
    path = WORK / f"{name}.sqlite3"
    with sqlite3.connect(WORK / "template.sqlite3") as source, sqlite3.connect(path) as copy:
        source.backup(copy)
        copy.execute(f"PRAGMA journal_mode = {journal_mode}")
    return path


def run(path, options, editors, saves, readers):
    """(failed saves, their errors, seconds, pages read)"""
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": options}
    database_class = type(connections["default"])
    pks = list(NewsRelease.objects.using("default").values_list("pk", flat=True)[:editors])
    failures, pages = [], []
    done = threading.Event()

    def own_connection(job):
        def thread():
            connections["default"] = database_class(settings_dict, "default")
            try:
                job()
            finally:
                connections["default"].close()

        return threading.Thread(target=thread)

    def edit(pk):
        for number in range(saves):
            try:
                with transaction.atomic(), reversion.create_revision():
                    release = NewsRelease.objects.get(pk=pk)
                    release.summary = f"Changed {number + 1} times."
                    release.save()
            except Exception as error:
                failures.append(f"{type(error).__name__}: {error}")

    def read():
        client = Client()
        urls = [reverse("newsroom:list"), reverse("site:search") + "?q=migration"]
        while not done.is_set():
            for url in urls:
                pages.append(client.get(url).status_code)

    visitors = [own_connection(read) for _ in range(readers)]
    writers = [own_connection(lambda pk=pk: edit(pk)) for pk in pks]
    for thread in visitors:
        thread.start()
    started = time.perf_counter()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    seconds = time.perf_counter() - started
    done.set()
    for thread in visitors:
        thread.join()
    return failures, seconds, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editors", type=int, default=4)
    parser.add_argument("--saves", type=int, default=15)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--releases", type=int, default=1000)
    args = parser.parse_args()
    build_template(args.releases)
    site_options = connections["default"].settings_dict["OPTIONS"]
    print(f"{args.editors} editors x {args.saves} saves, {args.readers} readers")
    for name, options, journal_mode in (
        ("before", BEFORE, "DELETE"),
        ("after", site_options, "WAL"),
    ):
        path = copy_of_template(name, journal_mode)
        failures, seconds, pages = run(path, options, args.editors, args.saves, args.readers)
        errors = sorted(set(failures))
        print(
            f"{name:6}  {len(failures)} of {args.editors * args.saves} saves failed"
            f"  {seconds:.1f} s  {len(pages)} pages read"
            f" ({sum(status != 200 for status in pages)} not 200)  {errors[:2]}"
        )


if __name__ == "__main__":
    main()
