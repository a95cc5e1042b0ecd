"""Editors saving at the same moment while visitors read: every save waits its turn and
lands; none fails with "database is locked"."""

import sqlite3
import threading

import pytest
from django.db import connection, connections, transaction

from newsroom.models import NewsRelease
from tests import factories

EDITORS = 4
SAVES = 15
READERS = 2


@pytest.fixture
def thread_database(transactional_db, tmp_path):
    """What each thread's connection opens, as the test's data stands when called: the
    test database. An in-memory SQLite test database is shared-cache, which locks whole
    tables and never waits, unlike the file a site runs on: on SQLite the threads use a
    file copy of it, opened with the site's database options."""

    def settings_dict():
        if connection.vendor != "sqlite":
            return None
        path = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        settings_dict = {**connection.settings_dict, "NAME": str(path)}
        # The site has opened its database before: that first connection set it up.
        first = type(connections["default"])(settings_dict, "default")
        first.ensure_connection()
        first.close()
        return settings_dict

    return settings_dict


def in_threads(work, settings_dict):
    """Run each of `work` in a thread of its own, with its own database connection (to
    the database `settings_dict` describes, when given); the errors they raised."""
    errors = []

    def run(job):
        if settings_dict is not None:
            connections["default"] = type(connections["default"])(settings_dict, "default")
        try:
            job()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_editors_saving_together_during_public_reads_all_succeed(thread_database):
    releases = [factories.release(f"Release {number}") for number in range(EDITORS)]
    for number in range(60):
        factories.release(f"Background release {number}")
    shared_database = thread_database()
    done = threading.Event()
    errors = []

    def edit(pk):
        def job():
            for save in range(SAVES):
                # What an admin save does: read the record, then write it back, in one
                # transaction.
                with transaction.atomic():
                    release = NewsRelease.objects.get(pk=pk)
                    release.title = f"Release {pk}, save {save}"
                    release.summary = f"Changed {save} times."
                    release.save()

        return job

    def editors():
        try:
            errors.extend(in_threads([edit(release.pk) for release in releases], shared_database))
        finally:
            done.set()

    def read():
        while not done.is_set():
            list(NewsRelease.objects.published().values_list("title", "body"))

    errors += in_threads([editors] + [read] * READERS, shared_database)

    assert [f"{type(error).__name__}: {error}" for error in errors] == []
    titles = []
    in_threads(
        [lambda: titles.extend(NewsRelease.objects.values_list("title", flat=True))],
        shared_database,
    )
    assert {f"Release {release.pk}, save {SAVES - 1}" for release in releases} <= set(titles)
