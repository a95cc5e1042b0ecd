"""A content app added to the site registers what it brings in its own apps.py, and
nothing shared is edited for it: its notes keep versions, are previewed under the draft
banner, make cached pages stale when they change, are listed in the sitemap and in the
search results, and go in and out of spreadsheets from the command line."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from iomcms.core.contentversion import content_version
from iomcms.core.publishing import Status
from iomcms.editorial.revisions import content_type_choices, record_versions
from tests.contentapp.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.contentapp.site_urls")]


def note(title, status=Status.PUBLISHED):
    return Note.objects.create(title=title, slug=title.lower().replace(" ", "-"), status=status)


def sitemap_locations(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    return {
        loc.text
        for loc in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }


def test_a_saved_note_keeps_a_version(admin_user):
    record = note("First note")
    record.title = "First note, corrected"
    record.save()
    record_versions([record], admin_user, "Corrected the title.")

    versions = Version.objects.get_for_object(record)
    assert [version.field_dict["title"] for version in versions] == ["First note, corrected"]
    assert versions[0].revision.user == admin_user
    assert "Notes" in dict(content_type_choices()).values()


def test_an_editor_previews_a_draft_note_under_the_draft_banner(admin_client):
    draft = note("Unpublished note", status=Status.DRAFT)
    url = reverse(
        "preview:draft", kwargs={"app_label": "contentapp", "model": "note", "pk": draft.pk}
    )

    response = admin_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Unpublished note" in html
    assert 'class="preview-banner"' in html and "Draft" in html
    assert response["Cache-Control"] == "private, no-store"
    assert admin_client.get(draft.get_absolute_url()).status_code == 404


def test_a_changed_note_makes_cached_pages_stale(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    record = note("Cached note")
    before = content_version()
    assert client.get(reverse("contentapp:list"))["X-Cache"] == "miss"
    assert client.get(reverse("contentapp:list"))["X-Cache"] == "hit"

    record.title = "Renamed note"
    record.save()

    assert content_version() != before
    page = client.get(reverse("contentapp:list"))
    assert page["X-Cache"] == "miss"
    assert "Renamed note" in page.content.decode()


def test_the_sitemap_lists_published_notes_and_not_drafts(client):
    published, draft = note("Published note"), note("Draft note", status=Status.DRAFT)

    locations = sitemap_locations(client)

    assert f"http://testserver{published.get_absolute_url()}" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations
    assert f"http://testserver{reverse('contentapp:list')}" in locations


@pytest.mark.urls("iomcms.urls")
def test_a_site_that_does_not_route_notes_leaves_them_out_of_its_sitemap(client):
    note("Unrouted note")

    locations = sitemap_locations(client)

    assert locations and not any("note" in location for location in locations)


def test_the_site_search_lists_published_notes_in_a_group_of_their_own(client):
    published, draft = note("Published harbour note"), note("Draft harbour note", Status.DRAFT)

    html = client.get(reverse("site:search"), {"q": "harbour"}).content.decode()

    assert "Notes" in html
    assert published.get_absolute_url() in html
    assert draft.get_absolute_url() not in html


@pytest.mark.urls("iomcms.urls")
def test_a_site_that_does_not_route_notes_leaves_them_out_of_its_search(client):
    note("Unrouted harbour note")

    html = client.get(reverse("site:search"), {"q": "harbour"}).content.decode()

    assert "Unrouted harbour note" not in html


def test_notes_go_out_to_a_spreadsheet_and_back(tmp_path):
    note("Exported note")
    path = tmp_path / "notes.csv"
    call_command("export_spreadsheet", "notes", output=str(path), verbosity=0)
    assert "Exported note" in path.read_text()
    Note.objects.all().delete()

    call_command("import_spreadsheet", "notes", str(path), stdout=io.StringIO(), verbosity=0)

    assert Note.objects.get().title == "Exported note"
    assert Note.objects.get().status == Status.PUBLISHED
