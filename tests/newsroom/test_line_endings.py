"""The same words are the same text whichever way they were saved: a browser posts CRLF, a
spreadsheet cell or a restored version may end lines in spaces. Stored text has LF line
ends and no trailing whitespace, so nobody mistakes a line ending for an edit."""

import importlib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.core import serializers
from django.core.management import call_command
from django.db import connection

from newsroom.models import NewsRelease
from projects.models import Project
from projects.resources import ProjectResource
from tests import factories
from tests.projects.test_resources import dataset_of
from tests.site.test_editing import release_form
from tests.site.test_revisions import admin_url, edit_token

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
SEED = next(SOURCES.glob("000_*.txt"))
MIGRATIONS = [
    "newsroom.migrations.0012_normalised_text",
    "projects.migrations.0011_country_other_names_normalised_text",
]


def run(*args):
    out = StringIO()
    call_command("import_sources", *map(str, args), stdout=out)
    return out.getvalue()


def corrected_seed(tmp_path):
    """The seed page as the office saved it again, with one sentence corrected."""
    corrected = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    corrected.write_text(
        text.replace("has\nbeen given new life.", "has\nbeen renewed."), encoding="utf-8"
    )
    return corrected


def as_a_browser_posts_it(text):
    return text.replace("\n", "\r\n") + "  \r\n"


def test_an_admin_save_in_between_does_not_stop_the_sources_correction(editor_client, tmp_path):
    run(SEED)
    release = NewsRelease.objects.get()
    data = release_form(
        [],
        title=release.title,
        slug=release.slug,
        location=release.location,
        published_on="",
        body=as_a_browser_posts_it(release.body),
        countries=[country.pk for country in release.countries.all()],
        edit_token=edit_token(editor_client, release),
    )
    links = release.contact_links.all()
    data["contact_links-TOTAL_FORMS"] = data["contact_links-INITIAL_FORMS"] = len(links)
    for index, link in enumerate(links):
        for name, value in [("id", link.pk), ("contact", link.contact_id), ("position", index)]:
            data[f"contact_links-{index}-{name}"] = value
    assert editor_client.post(admin_url(release, "change"), data).status_code == 302

    out = run(corrected_seed(tmp_path))

    assert "1 updated" in out and "0 conflicts" in out
    assert "has been renewed." in NewsRelease.objects.get().body


def test_every_write_path_stores_lf_without_trailing_spaces():
    messy = "First line.  \r\nSecond line.\t\r\n\r\nThird paragraph.\rLast. \n\n"
    clean = "First line.\nSecond line.\n\nThird paragraph.\nLast."

    release = factories.release(body=messy, summary=messy)
    assert (release.body, release.summary) == (clean, clean)  # what the object holds, too
    release.refresh_from_db()
    assert (release.body, release.summary) == (clean, clean)

    NewsRelease.objects.filter(pk=release.pk).update(body=messy)
    assert NewsRelease.objects.get(pk=release.pk).body == clean

    project = factories.project()
    project.description = messy
    Project.objects.bulk_update([project], ["description"])
    assert Project.objects.get(pk=project.pk).description == clean


def test_the_migrations_clean_text_stored_before_without_marking_it_edited():
    release = factories.release(body="x")
    factories.statement(body="y")
    factories.project(description="z")
    with connection.cursor() as cursor:  # as an older version of the site stored it
        cursor.execute(
            "UPDATE newsroom_newsrelease SET body = %s, summary = %s", ["a \r\nb\r\n", " c\t"]
        )
        cursor.execute("UPDATE newsroom_statement SET body = %s", ["d\r\n\r\ne  "])
        cursor.execute("UPDATE projects_project SET description = %s", ["f\rg\n"])

    for module in MIGRATIONS:
        importlib.import_module(module).clean_stored_text(apps, None)

    with connection.cursor() as cursor:
        cursor.execute("SELECT body, summary FROM newsroom_newsrelease")
        assert cursor.fetchone() == ("a\nb", " c")
        cursor.execute("SELECT body FROM newsroom_statement")
        assert cursor.fetchone() == ("d\n\ne",)
        cursor.execute("SELECT description FROM projects_project")
        assert cursor.fetchone() == ("f\ng",)
    assert NewsRelease.objects.get().updated_at == release.updated_at


def test_a_remembered_import_that_differs_only_in_line_ends_is_no_editors_change(tmp_path):
    run(SEED)
    release = NewsRelease.objects.get()
    remembered = {**release.source_values, "body": as_a_browser_posts_it(release.body)}
    NewsRelease.objects.filter(pk=release.pk).update(source_values=remembered)

    out = run(corrected_seed(tmp_path))

    assert "1 updated" in out and "0 conflicts" in out
    assert "has been renewed." in NewsRelease.objects.get().body


def test_a_spreadsheet_imported_twice_is_stored_clean_and_unchanged_the_second_time():
    rows = [{"Projects ID": "PO.0001", "Title": "Borders", "Description": "One. \r\n\r\nTwo.\t"}]

    ProjectResource().import_data(dataset_of(rows))
    again = ProjectResource().import_data(dataset_of(rows))

    assert Project.objects.get().description == "One.\n\nTwo."
    assert (again.totals["update"], again.totals["skip"]) == (0, 1)


def test_a_version_saved_with_crlf_restores_clean():
    release = factories.release(body="Kept.")
    stored = serializers.serialize("json", [release]).replace("Kept.", "Restored.  \\r\\nText.")

    [old] = serializers.deserialize("json", stored)  # what reverting a version does
    old.save()

    assert NewsRelease.objects.get(pk=release.pk).body == "Restored.\nText."


def test_saving_a_release_without_touching_it_records_no_change(editor_client):
    release = factories.release(
        body="First paragraph.\n\nSecond paragraph.", summary="One line.\nAnother line."
    )
    data = release_form(
        [],
        title=release.title,
        slug=release.slug,
        location=release.location,
        published_on="",
        body=as_a_browser_posts_it(release.body),
        summary=as_a_browser_posts_it(release.summary),
        edit_token=edit_token(editor_client, release),
    )

    assert editor_client.post(admin_url(release, "change"), data).status_code == 302

    logged = LogEntry.objects.get(object_id=str(release.pk))
    assert logged.get_change_message() == "No fields changed."
