"""Publishers publish, unpublish and schedule many records at once, after confirming."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import State, Status
from newsroom.models import NewsRelease
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:newsroom_newsrelease_changelist"


def act(client, action, records, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in records], **extra},
    )


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_publishing_asks_for_confirmation_first_and_changes_nothing_until_then(
    publisher_client,
):
    drafts = [factories.release(f"Draft {n}", status=Status.DRAFT) for n in range(2)]

    page = act(publisher_client, "publish_selected", drafts)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Draft 0" in html and "Draft 1" in html and 'name="confirm"' in html
    assert not NewsRelease.objects.published().exists()


def test_confirmed_publishing_counts_only_what_changed(publisher_client):
    drafts = [factories.release(status=Status.DRAFT) for _ in range(2)]
    already = factories.release()

    response = act(publisher_client, "publish_selected", [*drafts, already], confirm="yes")

    assert response.status_code == 302
    assert NewsRelease.objects.published().count() == 3
    assert "2 records published." in messages_of(response)


def test_confirmed_unpublishing_takes_records_off_the_site(publisher_client):
    live = [factories.release() for _ in range(3)]
    response = act(publisher_client, "unpublish_selected", live[:2], confirm="yes")
    assert "2 records unpublished." in messages_of(response)
    assert list(NewsRelease.objects.published()) == [live[2]]


def test_scheduling_sets_go_live_and_expiry_for_every_selected_record(publisher_client):
    records = [factories.release(status=Status.DRAFT), factories.release()]
    # Typed as the Publisher reads times: in the office's zone, not having chosen one.
    office = ZoneInfo(settings.OFFICE_TIME_ZONE)
    go_live = (timezone.localtime(timezone=office) + timedelta(days=2)).replace(
        second=0, microsecond=0
    )
    expires = go_live + timedelta(days=7)

    form_page = act(publisher_client, "schedule_selected", records)
    assert 'type="datetime-local"' in form_page.content.decode()
    response = act(
        publisher_client,
        "schedule_selected",
        records,
        confirm="yes",
        go_live_at=go_live.strftime("%Y-%m-%dT%H:%M"),
        expires_at=expires.strftime("%Y-%m-%dT%H:%M"),
    )

    assert "2 records scheduled." in messages_of(response)
    for record in NewsRelease.objects.all():
        assert record.state() == State.SCHEDULED
        assert (record.go_live_at, record.expires_at) == (go_live, expires)


@pytest.mark.parametrize(
    ("go_live", "expires"),
    [
        ("", ""),
        ("yesterday", ""),
        ("2001-01-01T10:00", ""),
        ("2999-01-02T10:00", "2999-01-01T10:00"),
    ],
)
def test_scheduling_with_bad_times_shows_the_form_again_and_changes_nothing(
    publisher_client, go_live, expires
):
    draft = factories.release(status=Status.DRAFT)
    response = act(
        publisher_client,
        "schedule_selected",
        [draft],
        confirm="yes",
        go_live_at=go_live,
        expires_at=expires,
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert NewsRelease.objects.get(pk=draft.pk).status == Status.DRAFT


def test_editors_have_no_bulk_publishing(editor_client):
    draft = factories.release(status=Status.DRAFT)
    act(editor_client, "publish_selected", [draft], confirm="yes")
    act(editor_client, "schedule_selected", [draft], confirm="yes", go_live_at="2999-01-01T10:00")
    assert NewsRelease.objects.get(pk=draft.pk).status == Status.DRAFT


def test_bulk_actions_work_on_projects_too(publisher_client):
    project = factories.project(status=Status.DRAFT)
    response = publisher_client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project.pk], "confirm": "yes"},
    )
    assert "1 record published." in messages_of(response)
    assert Project.objects.get(pk=project.pk).is_live
