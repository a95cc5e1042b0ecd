"""Two editors, one record: the second save is refused, nothing is lost."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from iomcms.core.publishing import Status
from iomcms.editorial.revisions import record_versions
from newsroom.models import NewsRelease, Office
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


def test_saving_again_with_mine_chosen_replaces_a_title_both_editors_changed(
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
        release_form(
            [], slug=release.slug, title="Second", merge_title="mine", **merge_fields(refused)
        ),
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


@pytest.mark.parametrize(
    "token", [None, "", "not|a token", "2026-01-01T00:00:00+00:00|x", "2020-01-01T00:00:00|1"]
)
def test_a_change_without_a_valid_edit_token_is_refused_and_keeps_the_input(
    editor_client, editor, token
):
    release = factories.release(title="Saved by a colleague", status=Status.DRAFT)
    record_versions([release], editor)  # the colleague's save
    data = release_form([], slug=release.slug, title="Typed over it")
    if token is not None:
        data["edit_token"] = token

    response = editor_client.post(admin_url(release, "change"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors()
    assert form["title"].value() == "Typed over it"
    assert NewsRelease.objects.get(pk=release.pk).title == "Saved by a colleague"


def test_adding_a_release_needs_no_edit_token(editor_client):
    response = editor_client.post(reverse("admin:newsroom_newsrelease_add"), release_form([]))
    assert response.status_code == 302
    assert NewsRelease.objects.count() == 1


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


# ---- saving again after a conflict: a three-way merge --------------------------------------


def merge_fields(refused):
    """The hidden fields the merge screen carries into the next save."""
    data = refused.context["adminform"].form.data
    return {name: data.get(name, "") for name in ("edit_token", "merge_base")}


def publisher_form(release, **fields):
    """The change form as a Publisher's browser posts it, publication fields included."""
    data = release_form(
        [],
        slug=release.slug,
        title=release.title,
        body=release.body,
        summary=release.summary,
        status=release.status,
        go_live_at_0="",
        go_live_at_1="",
        expires_at_0="",
        expires_at_1="",
    )
    data["countries"] = [str(pk) for pk in release.countries.values_list("pk", flat=True)]
    return {**data, **fields}


@pytest.fixture
def second_publisher_client():
    client = Client()
    client.force_login(factories.user_in("Publishers", username="second-publisher"))
    return client


def test_saving_again_keeps_what_only_the_other_tab_changed_and_never_unpublishes(
    publisher_client, second_publisher_client
):
    release = factories.release(title="Floods", body="Draft body.", status=Status.DRAFT)
    opened = publisher_form(release, edit_token=edit_token(second_publisher_client, release))
    first = publisher_client.post(
        admin_url(release, "change"),
        publisher_form(
            release,
            status=Status.PUBLISHED,
            summary="IOM responds to the floods.",
            edit_token=edit_token(publisher_client, release),
        ),
    )
    assert first.status_code == 302
    mine = {"title": "Floods in Bolivia", "body": "A careful rewrite.\n\nTwo paragraphs."}

    refused = second_publisher_client.post(admin_url(release, "change"), {**opened, **mine})
    again = second_publisher_client.post(
        admin_url(release, "change"), {**opened, **mine, **merge_fields(refused)}
    )

    assert refused.status_code == 200
    assert again.status_code == 302
    release.refresh_from_db()
    assert (release.title, release.body) == (
        "Floods in Bolivia",
        "A careful rewrite.\n\nTwo paragraphs.",
    )
    assert release.summary == "IOM responds to the floods."  # the first tab's summary stays
    assert release.status == Status.PUBLISHED and release.is_live  # and so does publishing


def test_the_merge_screen_shows_both_sides_and_asks_for_a_choice_per_field_both_changed(
    editor_client, second_editor_client
):
    peru, chile, bolivia = (
        factories.country("PE"),
        factories.country("CL"),
        factories.country("BO"),
    )
    release = factories.release(title="Floods", summary="Short.", countries=[peru])
    stale = edit_token(second_editor_client, release)
    editor_client.post(
        admin_url(release, "change"),
        release_form(
            [],
            slug=release.slug,
            title="Floods: their title",
            summary="Their summary.",
            location="",
            countries=[str(chile.pk)],
            edit_token=edit_token(editor_client, release),
        ),
    )
    mine = release_form(
        [],
        slug=release.slug,
        title="Floods: my title",
        summary="My summary.",
        location="Lima",
        countries=[str(bolivia.pk)],
    )

    refused = second_editor_client.post(
        admin_url(release, "change"), {**mine, "edit_token": stale}
    )
    unchosen = second_editor_client.post(
        admin_url(release, "change"), {**mine, **merge_fields(refused)}
    )
    chosen = second_editor_client.post(
        admin_url(release, "change"),
        {
            **mine,
            **merge_fields(refused),
            "merge_title": "theirs",
            "merge_summary": "mine",
            "merge_countries": "theirs",
        },
    )

    page = refused.content.decode()
    merge = strip_tags(page.split('class="merge"')[1].split("</table>")[0])
    for value in ("Floods: their title", "Floods: my title", "Their summary.", "My summary."):
        assert value in merge
    for name in ("title", "summary", "countries"):
        assert page.count(f'name="merge_{name}"') == 2  # theirs or mine
    assert 'name="merge_location"' not in page  # only I changed it: no question
    assert unchosen.status_code == 200  # a field both changed is never decided silently
    assert NewsRelease.objects.get(pk=release.pk).title == "Floods: their title"
    assert chosen.status_code == 302
    release.refresh_from_db()
    assert (release.title, release.summary, release.location) == (
        "Floods: their title",
        "My summary.",
        "Lima",
    )
    assert list(release.countries.all()) == [chile]


def test_media_contacts_only_the_other_editor_reordered_stay_in_their_order_on_saving_again(
    editor_client, second_editor_client
):
    ana, bruno = factories.contact("Ana"), factories.contact("Bruno")
    release = factories.release(title="Floods", contacts=[ana])
    page = second_editor_client.get(admin_url(release, "change"))
    link = release.contact_links.get()
    opened = release_form(
        [],
        slug=release.slug,
        title="Floods in Peru",
        edit_token=edit_token(second_editor_client, release),
        **{
            "contact_links-TOTAL_FORMS": "1",
            "contact_links-INITIAL_FORMS": "1",
            "contact_links-0-id": str(link.pk),
            "contact_links-0-release": str(release.pk),
            "contact_links-0-position": "0",
            "contact_links-0-contact": str(ana.pk),
        },
    )
    assert page.status_code == 200
    editor_client.post(
        admin_url(release, "change"),
        {
            **opened,
            "title": release.title,
            "edit_token": edit_token(editor_client, release),
            "contact_links-TOTAL_FORMS": "2",
            "contact_links-0-position": "1",
            "contact_links-1-position": "0",
            "contact_links-1-contact": str(bruno.pk),
        },
    )
    assert release.ordered_contacts() == [bruno, ana]  # Bruno now leads

    refused = second_editor_client.post(admin_url(release, "change"), opened)
    again = second_editor_client.post(
        admin_url(release, "change"), {**opened, **merge_fields(refused)}
    )

    assert again.status_code == 302
    release.refresh_from_db()
    assert release.title == "Floods in Peru"
    assert release.ordered_contacts() == [bruno, ana]


def seen(client, url):
    """The digest a reference record's change page puts in its form."""
    page = client.get(url).content.decode()
    return re.search(r'name="seen" value="([^"]*)"', page).group(1)


def country_form(country, **fields):
    return {
        "name": country.name,
        "iso_code": country.iso_code,
        "slug": country.slug,
        "region": country.region_id or "",
        "other_names": country.other_names,
        **fields,
    }


def test_a_country_saved_in_between_is_not_overwritten_by_a_stale_form(
    editor_client, admin_client
):
    chile = factories.country("CL")
    url = reverse("admin:projects_country_change", args=[chile.pk])
    opened = seen(editor_client, url)  # the editor opens the form
    saved = admin_client.post(
        url, country_form(chile, other_names="República de Chile", seen=seen(admin_client, url))
    )
    assert saved.status_code == 302

    response = editor_client.post(url, country_form(chile, other_names="Chili", seen=opened))

    assert response.status_code == 200
    error = strip_tags(str(response.context["adminform"].form.non_field_errors()))
    assert "saved by someone else" in error and "“República de Chile”" in error
    assert response.context["adminform"].form["other_names"].value() == "Chili"
    chile.refresh_from_db()
    assert chile.other_names == "República de Chile"


@pytest.mark.parametrize("token", [None, "", "not a digest"])
def test_a_country_form_that_does_not_say_what_it_saw_is_refused(admin_client, token):
    peru = factories.country("PE")
    data = country_form(peru, other_names="Perú")
    if token is not None:
        data["seen"] = token

    response = admin_client.post(reverse("admin:projects_country_change", args=[peru.pk]), data)

    assert response.status_code == 200
    peru.refresh_from_db()
    assert peru.other_names == ""


def test_saving_again_after_the_refusal_keeps_the_editors_values(editor_client, admin_client):
    office = factories.office("IOM Lima", country=factories.country("PE"))
    url = reverse("admin:newsroom_office_change", args=[office.pk])
    opened = seen(editor_client, url)
    Office.objects.filter(pk=office.pk).update(name="IOM Peru")
    form = {"name": "OIM Lima", "slug": office.slug, "country": office.country_id, "seen": opened}

    refused = editor_client.post(url, form)
    again = editor_client.post(
        url, {**form, "seen": refused.context["adminform"].form["seen"].value()}
    )

    assert refused.status_code == 200 and again.status_code == 302
    assert Office.objects.get(pk=office.pk).name == "OIM Lima"
