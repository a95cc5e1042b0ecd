"""Two editors, one record: the second save is refused, nothing is lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from iomcms.publishing import Status
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories
from tests.site.test_editing import release_form
from tests.site.test_revisions import admin_url, edit_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client():
    client = Client()
    client.force_login(factories.user_in("Editors", username="second-editor"))
    return client


def test_the_second_of_two_concurrent_edits_is_refused_and_both_inputs_survive(
    editor_client, second_editor_client
):
    release = factories.release(title="Floods in Bolivia", status=Status.DRAFT)
    first_token = edit_token(editor_client, release)
    second_token = edit_token(second_editor_client, release)

    first = editor_client.post(
        admin_url(release, "change"),
        release_form(
            [], slug=release.slug, title="Floods in Bolivia: IOM responds", edit_token=first_token
        ),
    )
    second = second_editor_client.post(
        admin_url(release, "change"),
        release_form(
            [],
            slug=release.slug,
            title="Floods in Bolivia and Peru",
            body="My own careful rewrite.",
            edit_token=second_token,
        ),
    )

    assert first.status_code == 302
    assert second.status_code == 200
    release.refresh_from_db()
    assert release.title == "Floods in Bolivia: IOM responds"  # the first save stands
    form = second.context["adminform"].form
    assert form["title"].value() == "Floods in Bolivia and Peru"  # the second is kept
    assert form["body"].value() == "My own careful rewrite."
    page = second.content.decode()
    assert "after you opened it" in page
    assert "Floods in Bolivia: IOM responds" in page  # what the other editor changed
    assert "conflict" in page


def test_saving_again_after_reading_the_conflict_replaces_the_other_version(
    editor_client, second_editor_client
):
    release = factories.release(title="Original", status=Status.DRAFT)
    stale = edit_token(second_editor_client, release)
    editor_client.post(
        admin_url(release, "change"),
        release_form(
            [], slug=release.slug, title="First", edit_token=edit_token(editor_client, release)
        ),
    )
    refused = second_editor_client.post(
        admin_url(release, "change"),
        release_form([], slug=release.slug, title="Second", edit_token=stale),
    )
    fresh = refused.context["adminform"].form["edit_token"].value()
    assert fresh != stale

    again = second_editor_client.post(
        admin_url(release, "change"),
        release_form([], slug=release.slug, title="Second", edit_token=fresh),
    )

    assert again.status_code == 302
    release.refresh_from_db()
    assert release.title == "Second"


def test_a_bulk_unpublish_in_between_also_refuses_a_stale_form(editor_client, publisher_client):
    release = factories.release(title="Live")
    token = edit_token(editor_client, release)
    publisher_client.post(
        reverse("admin:newsroom_newsrelease_changelist"),
        {"action": "unpublish_selected", "_selected_action": [release.pk], "confirm": "yes"},
    )
    response = editor_client.post(
        admin_url(release, "change"),
        release_form([], slug=release.slug, title="Edited", edit_token=token),
    )
    assert response.status_code == 200
    assert NewsRelease.objects.get(pk=release.pk).title == "Live"


def test_a_malformed_token_never_gives_a_server_error(editor_client):
    release = factories.release(status=Status.DRAFT)
    response = editor_client.post(
        admin_url(release, "change"),
        release_form([], slug=release.slug, title="Edited", edit_token="not|a token"),
    )
    assert response.status_code == 302


def test_a_spreadsheet_confirmed_after_someone_edited_a_row_imports_nothing(
    publisher_client, editor_client
):
    project = factories.project("Water", project_code="PO.1")
    preview = publisher_client.post(
        reverse("admin:projects_project_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile(
                "projects.csv", b"Projects ID,Title\nPO.1,Water for Lima\nPO.2,Roads\n"
            ),
        },
    )
    confirm = preview.context["confirm_form"].initial
    assert confirm["read_at"]
    Project.objects.filter(pk=project.pk).update(title="Water and sanitation")
    project.refresh_from_db()
    project.save()  # an editor's save, after the preview read the file

    response = publisher_client.post(
        reverse("admin:projects_project_process_import"), {**confirm, "confirm": "1"}
    )

    assert response.status_code == 200
    assert "after the file was read" in response.content.decode()
    assert Project.objects.get(pk=project.pk).title == "Water and sanitation"
    assert not Project.objects.filter(project_code="PO.2").exists()


def test_a_spreadsheet_confirmed_with_no_edit_in_between_imports(publisher_client):
    factories.project("Water", project_code="PO.1")
    preview = publisher_client.post(
        reverse("admin:projects_project_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile(
                "p.csv", b"Projects ID,Title\nPO.1,Water for Lima\n"
            ),
        },
    )
    confirm = preview.context["confirm_form"].initial
    publisher_client.post(
        reverse("admin:projects_project_process_import"), {**confirm, "confirm": "1"}
    )
    assert Project.objects.get(project_code="PO.1").title == "Water for Lima"
