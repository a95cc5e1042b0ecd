"""Editors in five time zones: each reads and types the admin's times in their own zone (the
office's until they choose), every stamp says its zone, and the moment stored is the same."""

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version

from iomcms.core.publishing import Status
from iomcms.editorial.models import EditorTimeZone
from iomcms.editorial.timezones import EditorTimeZoneMiddleware
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories
from tests.site.test_editing import release_form
from tests.site.test_import_export_admin import upload
from tests.site.test_revisions import admin_url, edit_token

pytestmark = pytest.mark.django_db


def choose_zone(client, name):
    return client.post(reverse("my_time_zone"), {"name": name})


def test_a_time_typed_in_mexico_city_is_stored_as_that_moment_and_shown_back_there(
    publisher_client, publisher
):
    choose_zone(publisher_client, "America/Mexico_City")

    response = publisher_client.post(
        reverse("admin:newsroom_newsrelease_add"),
        release_form(
            [], status=Status.PUBLISHED, go_live_at_0="2030-05-01", go_live_at_1="09:00:00"
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    release = NewsRelease.objects.get()
    assert release.go_live_at == datetime(2030, 5, 1, 15, 0, tzinfo=UTC)
    change = publisher_client.get(admin_url(release, "change")).content.decode()
    assert 'name="go_live_at_0" value="2030-05-01"' in change
    assert 'name="go_live_at_1" value="09:00:00"' in change
    listed = publisher_client.get(reverse("admin:newsroom_newsrelease_changelist"))
    assert "05/01/2030 9 a.m. CST" in listed.content.decode()


def test_one_moment_reads_in_each_editors_own_zone_with_its_abbreviation(
    editor_client, publisher_client
):
    release = factories.release(go_live_at=datetime(2030, 5, 1, 15, 0, tzinfo=UTC))
    choose_zone(editor_client, "America/Bogota")
    choose_zone(publisher_client, "America/Santo_Domingo")
    url = reverse("admin:newsroom_newsrelease_changelist")

    in_bogota = editor_client.get(url).content.decode()
    in_santo_domingo = publisher_client.get(url).content.decode()

    assert "05/01/2030 10 a.m. -05" in in_bogota
    assert "05/01/2030 11 a.m. AST" in in_santo_domingo
    assert release.go_live_at == datetime(2030, 5, 1, 15, 0, tzinfo=UTC)


def test_until_they_choose_editors_see_the_office_zone(editor_client, settings):
    settings.OFFICE_TIME_ZONE = "America/Panama"
    factories.release(go_live_at=datetime(2030, 5, 1, 15, 0, tzinfo=UTC))

    listed = editor_client.get(reverse("admin:newsroom_newsrelease_changelist")).content.decode()

    assert "05/01/2030 10 a.m. EST" in listed
    assert "Times in America/Panama" in listed


def test_history_stamps_say_their_zone(editor_client):
    release = factories.release(title="Before", status=Status.DRAFT)
    choose_zone(editor_client, "America/Lima")
    data = release_form([], slug=release.slug, edit_token=edit_token(editor_client, release))
    editor_client.post(admin_url(release, "change"), data)

    history = editor_client.get(admin_url(release, "history")).content.decode()

    saved_at = Version.objects.get_for_object(release).first().revision.date_created
    with timezone.override(ZoneInfo("America/Lima")):
        stamp = date_format(timezone.localtime(saved_at), "DATETIME_FORMAT")
    assert stamp.endswith(" -05")  # Lima's zone has no abbreviation: its offset
    assert f">{stamp}<" in history


def test_change_log_stamps_read_in_the_publishers_zone_with_its_abbreviation(
    publisher_client,
):
    release = factories.release(title="Before", status=Status.DRAFT)
    data = release_form(
        [],
        slug=release.slug,
        status=Status.DRAFT,
        edit_token=edit_token(publisher_client, release),
    )
    saved = publisher_client.post(admin_url(release, "change"), data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    choose_zone(publisher_client, "America/Santo_Domingo")

    log = publisher_client.get(reverse("admin:iomcms_change_changelist")).content.decode()

    saved_at = Version.objects.get_for_object(release).first().revision.date_created
    with timezone.override(ZoneInfo("America/Santo_Domingo")):
        stamp = date_format(timezone.localtime(saved_at), "DATETIME_FORMAT")
    assert stamp.endswith(" AST")
    assert f">{stamp}<" in log


def test_an_editor_chooses_a_zone_from_a_link_on_every_admin_page(editor_client, editor):
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("my_time_zone") in index

    page = editor_client.get(reverse("my_time_zone"))
    assert page.status_code == 200
    assert '<option value="America/Costa_Rica" selected>Costa Rica</option>' in page.text

    saved = choose_zone(editor_client, "America/Guatemala")
    assert saved.status_code == 302
    assert EditorTimeZone.objects.get(user=editor).name == "America/Guatemala"
    assert "Times in America/Guatemala" in editor_client.get(reverse("admin:index")).text


def test_a_zone_that_does_not_exist_is_refused(editor_client, editor):
    response = choose_zone(editor_client, "Mars/Olympus_Mons")

    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not EditorTimeZone.objects.filter(user=editor).exists()


def test_the_time_zone_page_is_for_staff_only(client):
    response = client.get(reverse("my_time_zone"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_public_visitor_keeps_the_site_zone_and_no_session_is_read(client):
    release = factories.release()

    response = client.get(release.get_absolute_url())

    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")


def test_a_spreadsheet_time_without_an_offset_reads_alike_in_the_admin_and_the_command(
    publisher_client, tmp_path
):
    choose_zone(publisher_client, "America/Mexico_City")
    content = "Projects ID,Title,Go-live time\nPO.{n},Roads {n},2030-05-01T09:00:00\n"
    path = tmp_path / "projects.csv"
    path.write_text(content.format(n=2))

    preview = upload(publisher_client, content.format(n=1).encode())
    publisher_client.post(
        reverse("admin:projects_project_process_import"),
        {**preview.context["confirm_form"].initial, "confirm": "1"},
    )
    call_command("import_spreadsheet", "projects", str(path), stdout=io.StringIO())

    in_the_site_zone = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
    assert list(Project.objects.order_by("project_code").values_list("go_live_at", flat=True)) == [
        in_the_site_zone,
        in_the_site_zone,
    ]


def test_an_office_zone_that_does_not_exist_stops_the_server_with_its_name(settings):
    settings.OFFICE_TIME_ZONE = "America/Atlantis"

    with pytest.raises(ImproperlyConfigured, match='"America/Atlantis" is not a time zone'):
        EditorTimeZoneMiddleware(lambda request: None)


def test_signed_in_staff_read_public_pages_and_previews_in_the_sites_zone(
    client, editor_client, settings
):
    settings.OFFICE_TIME_ZONE = "America/Mexico_City"  # a day behind UTC at 02:00 UTC
    release = factories.release(published_on=None, go_live_at=datetime(2026, 1, 1, 2, tzinfo=UTC))
    opts = release._meta
    preview = reverse(
        "preview:draft",
        kwargs={"app_label": opts.app_label, "model": opts.model_name, "pk": release.pk},
    )

    for url in (reverse("newsroom:list"), release.get_absolute_url(), preview):
        page = editor_client.get(url).content.decode()
        assert "Published on this site" in page and "1 January 2026" in page, url
        assert "31 December 2025" not in page, url


def test_the_schedule_action_says_which_zone_it_reads_times_in(publisher_client):
    release = factories.release(status=Status.DRAFT)
    choose_zone(publisher_client, "America/Santiago")

    page = publisher_client.post(
        reverse("admin:newsroom_newsrelease_changelist"),
        {"action": "schedule_selected", "_selected_action": [release.pk]},
    ).content.decode()

    assert "In your time zone, America/Santiago." in page
    assert "site&#x27;s time zone" not in page
