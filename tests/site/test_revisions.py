"""Every save keeps a version; editors read the history, compare versions and restore one."""

import html
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from iomcms.core.publishing import Status
from iomcms.editorial.revisions import record_versions, side_by_side, versions_of
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories
from tests.site.test_editing import release_form

pytestmark = pytest.mark.django_db


def admin_url(record, name, *args):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[record.pk, *args])


def edit_token(client, record):
    """The edit token the change page puts in its form, as a browser would send it."""
    page = client.get(admin_url(record, "change")).content.decode()
    return html.unescape(re.search(r'name="edit_token" value="([^"]*)"', page).group(1))


def test_an_admin_save_keeps_a_version_with_who_and_what(editor_client, editor):
    release = factories.release(title="Before", status=Status.DRAFT)
    data = release_form([], title="After", slug=release.slug)
    data["edit_token"] = edit_token(editor_client, release)

    response = editor_client.post(admin_url(release, "change"), data)

    assert response.status_code == 302
    version = versions_of(release).first()
    assert version.revision.user == editor
    assert version.field_dict["title"] == "After"
    history = editor_client.get(admin_url(release, "history")).content.decode()
    assert editor.username in history
    assert "Changed Title" in history


def test_restoring_an_old_version_brings_back_every_field_and_relation(
    publisher_client, publisher
):
    argentina, chile = factories.country("AR"), factories.country("CL")
    first, second = factories.contact("Ana"), factories.contact("Bruno")
    release = factories.release(
        title="Original title",
        body="Original body.",
        countries=[argentina],
        contacts=[first, second],
    )
    record_versions([release], publisher, "first")
    original = versions_of(release).get()

    release.title, release.body, release.location = "New title", "New body.", "Lima"
    release.save()
    release.countries.set([chile])
    release.contact_links.all().delete()
    release.contact_links.create(contact=second, position=0)
    record_versions([release], publisher, "second")

    page = publisher_client.get(admin_url(release, "restore", original.pk))
    assert page.status_code == 200
    assert "New title" in page.content.decode()  # what the restore will undo
    response = publisher_client.post(admin_url(release, "restore", original.pk))

    assert response.status_code == 302
    release.refresh_from_db()
    assert (release.title, release.body, release.location) == (
        "Original title",
        "Original body.",
        "",
    )
    assert list(release.countries.all()) == [argentina]
    assert release.ordered_contacts() == [first, second]
    assert versions_of(release).count() == 3  # the restore is a version too
    assert "Restored" in versions_of(release).first().revision.comment


def test_restoring_a_project_brings_back_its_benefiting_states(publisher_client, publisher):
    peru, bolivia = factories.country("PE"), factories.country("BO")
    project = factories.project(title="Water", budget_usd=100, member_states=[peru])
    record_versions([project], publisher)
    old = versions_of(project).get()
    project.title, project.budget_usd = "Roads", 5
    project.save()
    project.member_states.set([bolivia])

    publisher_client.post(admin_url(project, "restore", old.pk))

    project.refresh_from_db()
    assert (project.title, project.budget_usd) == ("Water", 100)
    assert list(project.member_states.all()) == [peru]


def test_an_editor_restoring_a_version_cannot_publish_by_it(editor_client, editor):
    release = factories.release(title="Old", status=Status.PUBLISHED)
    record_versions([release], editor)
    old = versions_of(release).get()
    NewsRelease.objects.filter(pk=release.pk).update(status=Status.DRAFT, title="New")

    editor_client.post(admin_url(release, "restore", old.pk))

    release.refresh_from_db()
    assert release.title == "Old"
    assert release.status == Status.DRAFT


def old_draft_of_a_live_release(publisher):
    """A release first saved as a draft, then published live with a new title."""
    release = factories.release(title="Old title", status=Status.DRAFT)
    record_versions([release], publisher, "draft")
    draft = versions_of(release).get()
    release.title, release.status = "New title", Status.PUBLISHED
    release.expires_at = timezone.now() + timedelta(days=30)
    release.save()
    record_versions([release], publisher, "published")
    return release, draft


def test_a_publisher_restoring_an_old_draft_version_keeps_the_release_live(
    publisher_client, publisher
):
    release, draft = old_draft_of_a_live_release(publisher)
    live = (release.status, release.go_live_at, release.expires_at)

    page = publisher_client.get(admin_url(release, "restore", draft.pk)).content.decode()
    response = publisher_client.post(admin_url(release, "restore", draft.pk))

    assert 'name="restore_publication"' in page
    assert "checked" not in re.search(r'<input[^>]*name="restore_publication"[^>]*>', page)[0]
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title == "Old title"
    assert (release.status, release.go_live_at, release.expires_at) == live
    assert release.is_live
    assert client_sees(release)


def test_a_publisher_who_ticks_publication_brings_back_the_old_status(publisher_client, publisher):
    release, draft = old_draft_of_a_live_release(publisher)

    page = publisher_client.get(admin_url(release, "restore", draft.pk)).content.decode()
    publisher_client.post(admin_url(release, "restore", draft.pk), {"restore_publication": "on"})

    publication = page.split('id="restore-publication"')[1].split("</fieldset>")[0]
    assert "Published" in publication and "Draft" in publication  # status now → after
    release.refresh_from_db()
    assert (release.title, release.status, release.go_live_at, release.expires_at) == (
        "Old title",
        Status.DRAFT,
        None,
        None,
    )
    assert not client_sees(release)


def test_an_editor_cannot_restore_publication_even_by_posting_the_box(editor_client, editor):
    release, draft = old_draft_of_a_live_release(editor)

    page = editor_client.get(admin_url(release, "restore", draft.pk)).content.decode()
    editor_client.post(admin_url(release, "restore", draft.pk), {"restore_publication": "on"})

    assert 'name="restore_publication"' not in page
    release.refresh_from_db()
    assert (release.title, release.status) == ("Old title", Status.PUBLISHED)


def client_sees(release):
    return Client().get(release.get_absolute_url()).status_code == 200


def test_compare_shows_what_differs_between_two_versions(editor_client, editor):
    release = factories.release(title="Migrants rescued", body="Ten people were rescued.")
    record_versions([release], editor)
    release.body = "Twelve people were rescued."
    release.save()
    record_versions([release], editor)
    older, newer = reversed(list(versions_of(release)))

    page = editor_client.get(
        admin_url(release, "compare"), {"a": older.pk, "b": newer.pk}
    ).content.decode()

    assert "<del>Ten</del> <ins>Twelve</ins> people were rescued." in page
    assert "Migrants rescued" not in page.split("version-diff")[1]  # the title did not change


@pytest.mark.parametrize("query", [{}, {"a": "x"}, {"a": "999999", "b": "1"}])
def test_compare_with_bad_versions_sends_back_to_the_history(editor_client, query):
    release = factories.release()
    response = editor_client.get(admin_url(release, "compare"), query)
    assert response.status_code == 302
    assert response.url == admin_url(release, "history")


def test_restoring_a_version_of_another_record_is_not_found(publisher_client, publisher):
    one, other = factories.release(), factories.release()
    record_versions([other], publisher)
    foreign = versions_of(other).get()
    assert publisher_client.post(admin_url(one, "restore", foreign.pk)).status_code == 404


def test_a_spreadsheet_import_keeps_a_version_of_each_row_written(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("Projects ID,Title,Benefiting member states\nPO.1,Water,PE|BO\nPO.2,Roads,\n")

    call_command("import_spreadsheet", "projects", str(path), verbosity=0)

    for project in Project.objects.all():
        version = versions_of(project).get()
        assert "projects.csv" in version.revision.comment
    water = Project.objects.get(project_code="PO.1")
    assert sorted(versions_of(water).get().field_dict["member_states"]) == sorted(
        water.member_states.values_list("pk", flat=True)
    )


def test_a_bulk_publish_keeps_a_version_with_the_publisher(publisher_client, publisher):
    draft = factories.release(status=Status.DRAFT)
    changelist = reverse("admin:newsroom_newsrelease_changelist")
    publisher_client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [draft.pk], "confirm": "yes"},
    )
    version = Version.objects.get_for_object(draft).get()
    assert version.revision.user == publisher
    assert version.field_dict["status"] == Status.PUBLISHED


def test_a_sentence_added_to_one_paragraph_is_the_only_thing_marked(editor_client, editor):
    release = factories.release(
        title="Rescue at sea",
        body="Ten people were rescued.\n\nThey are safe in Lima.\n\nIOM thanks the crew.",
    )
    record_versions([release], editor)
    release.body = (
        "Ten people were rescued. Two were children.\n\nThey are safe in Lima."
        "\n\nA new paragraph on the crew.\n\nIOM thanks the crew."
    )
    release.save()
    record_versions([release], editor)
    older, newer = reversed(list(versions_of(release)))

    page = editor_client.get(
        admin_url(release, "compare"), {"a": older.pk, "b": newer.pk}
    ).content.decode()

    diff = page.split("version-diff")[1]
    assert "<del>" not in diff  # nothing was removed
    assert re.findall(r"<ins>(.*?)</ins>", diff) == [
        "Two were children.",
        "A new paragraph on the crew.",
    ]
    assert "They are safe in Lima." in diff


def compare_page(client, release, editor, body):
    """The compare page between the release as it is and with `body`."""
    record_versions([release], editor)
    release.body = body
    release.save()
    record_versions([release], editor)
    older, newer = reversed(list(versions_of(release)))
    page = client.get(admin_url(release, "compare"), {"a": older.pk, "b": newer.pk})
    return page.content.decode().split("version-diff")[1]


def test_a_word_changed_next_to_a_new_paragraph_is_the_only_word_marked(editor_client, editor):
    release = factories.release(body="Intro line.\n\nThe ministry signed the agreement on Monday.")

    diff = compare_page(
        editor_client,
        release,
        editor,
        "Intro line.\n\nA new quote was added here.\n\n"
        "The ministry signed the agreement on Tuesday.",
    )

    assert re.findall(r"<del>(.*?)</del>", diff) == ["Monday."]
    assert re.findall(r"<ins>(.*?)</ins>", diff) == ["A new quote was added here.", "Tuesday."]
    assert "The ministry signed the agreement on <del>" in diff


@pytest.mark.parametrize(
    ("before", "after", "mark"),
    [
        (
            "One two three. Four five six.\n\nSeven.",
            "One two three.\n\nFour five six.\n\nSeven.",
            "ins",
        ),
        (
            "One two three.\n\nFour five six.\n\nSeven.",
            "One two three. Four five six.\n\nSeven.",
            "del",
        ),
    ],
    ids=["split", "joined"],
)
def test_a_paragraph_split_or_joined_marks_the_break_not_its_words(
    editor_client, editor, before, after, mark
):
    release = factories.release(body=before)

    diff = compare_page(editor_client, release, editor, after)

    assert re.findall(r"<(?:ins|del)>(.*?)</(?:ins|del)>", diff) == ["¶"]
    assert f"<{mark}>¶</{mark}>" in diff


def test_the_merge_screen_marks_only_the_words_each_side_changed_around_a_new_paragraph():
    theirs, mine = side_by_side(
        "Intro line.\n\nThe ministry signed the agreement on Monday.",
        "Intro line.\n\nA new quote.\n\nThe ministry signed the agreement on Tuesday.",
    )

    assert re.findall(r"<mark>(.*?)</mark>", theirs) == ["Monday."]
    assert re.findall(r"<mark>(.*?)</mark>", mine) == ["A new quote.", "Tuesday."]
    assert mine.count("<p>") == 3
