"""An operator imports pages: nothing goes public that nobody chose to publish, an oversized
file is refused before it is read, and a long run says how far it is."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from iomcms.core.publishing import Status
from newsroom.models import Contact, NewsRelease, Statement
from projects.models import Project

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
RECORDS = (NewsRelease, Project, Statement, Contact)


def run(*args, **options):
    out = StringIO()
    try:
        call_command("import_sources", *map(str, args), stdout=out, **options)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def statuses(model):
    return set(model.objects.values_list("status", flat=True))


def test_imported_records_are_drafts_until_someone_publishes_them():
    _, error = run(SOURCES)

    assert error is None
    for model in RECORDS:
        assert model.objects.exists() and statuses(model) == {Status.DRAFT}, model
    # Published later, a dated page keeps its day; an undated one goes live when published.
    assert all(s.go_live_at.date() == s.date for s in Statement.objects.all())
    assert not NewsRelease.objects.filter(published_on=None, go_live_at__isnull=False).exists()


def test_publish_makes_the_new_records_public():
    _, error = run(SOURCES, "--publish")

    assert error is None
    for model in RECORDS:
        assert statuses(model) == {Status.PUBLISHED}, model
    assert NewsRelease.objects.published().count() == 3


def test_reimporting_never_changes_whether_a_record_is_published(tmp_path):
    run(SOURCES)
    published = NewsRelease.objects.get(title__startswith="New Life")
    published.status = Status.PUBLISHED
    published.save()
    changed = tmp_path / "sources"
    changed.mkdir()
    for source in SOURCES.glob("*.txt"):
        text = source.read_text(encoding="utf-8").replace("IOM", "The IOM", 1)
        (changed / source.name).write_text(text, encoding="utf-8")

    run(changed, "--publish")
    run(changed)

    assert NewsRelease.objects.published().get() == published
    assert NewsRelease.objects.drafts().count() == 2
    assert statuses(Project) == statuses(Statement) == {Status.DRAFT}


@override_settings(SOURCE_IMPORT_MAX_BYTES=10 * 1024)
def test_a_file_over_the_size_limit_is_refused_and_the_others_still_import(tmp_path):
    small = next(SOURCES.glob("001_*.txt"))
    (tmp_path / small.name).write_bytes(small.read_bytes())
    huge = tmp_path / "huge.txt"
    huge.write_text(small.read_text(encoding="utf-8") + "word " * 5_000)
    size = huge.stat().st_size

    out, error = run(tmp_path)

    assert error is not None and "1 of 2 files failed" in str(error)
    assert f"huge.txt: {size // 1024} kB ({size:,} bytes)" in out
    assert "over the limit of 10 kB for one source text" in out
    assert "SOURCE_IMPORT_MAX_BYTES" in out
    assert NewsRelease.objects.count() == 1


def test_each_file_is_reported_as_it_is_done_unless_asked_to_be_quiet():
    out, _ = run(SOURCES)
    assert [line[:5] for line in out.splitlines() if line.startswith("[")] == [
        "[1/5]",
        "[2/5]",
        "[3/5]",
        "[4/5]",
        "[5/5]",
    ]

    quiet, _ = run(SOURCES, verbosity=0)
    assert "[1/5]" not in quiet and "5 files:" in quiet
