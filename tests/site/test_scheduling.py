"""Scheduled publishing without a cron job: a go-live time keeps a record off every public
surface until it comes, an expiry time takes it off after; the admin shows both."""

from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import State, Status, next_change
from newsroom.models import NewsRelease
from tests import factories

pytestmark = pytest.mark.django_db

WORD = "Zanzibarword"


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


def surfaces(client):
    """Where a visitor or a machine can find the release and the project, and counts."""
    found = {}
    for name, url in {
        "news list": reverse("newsroom:list"),
        "project list": reverse("projects:list"),
        "home": reverse("site:home"),
        "search": reverse("site:search") + f"?q={WORD}",
        "rss": reverse("newsroom:feed_rss"),
        "atom": reverse("newsroom:feed_atom"),
        "sitemap": reverse("sitemap"),
        "news export": reverse("newsroom:download", kwargs={"fmt": "csv"}),
        "project export": reverse("projects:download", kwargs={"fmt": "json"}),
        "country": reverse("site:countries"),
    }.items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        if name == "search":  # the page repeats the query; count the results
            found[name] = response.context["total"] == 2
        else:
            found[name] = WORD.lower() in body.lower() or "1 release, 1 project" in body
    return found


def details(client, *records):
    return [client.get(record.get_absolute_url()).status_code for record in records]


def test_a_record_scheduled_for_tomorrow_is_nowhere_today_and_everywhere_after(client, now):
    argentina = factories.country("AR")
    tomorrow = now + timedelta(days=1)
    release = factories.release(
        f"{WORD} release", countries=[argentina], go_live_at=tomorrow, body=f"{WORD} text"
    )
    project = factories.project(f"{WORD} project", member_states=[argentina], go_live_at=tomorrow)

    assert not any(surfaces(client).values())
    assert details(client, release, project) == [404, 404]
    assert client.get(reverse("newsroom:list")).context["paginator"].count == 0

    with time_machine.travel(tomorrow + timedelta(minutes=1), tick=False):
        assert all(surfaces(client).values()), surfaces(client)
        assert details(client, release, project) == [200, 200]
        assert client.get(reverse("newsroom:list")).context["paginator"].count == 1


def test_a_record_leaves_every_surface_when_it_expires(client, now):
    argentina = factories.country("AR")
    tomorrow = now + timedelta(days=1)
    release = factories.release(
        f"{WORD} release", countries=[argentina], expires_at=tomorrow, body=f"{WORD} text"
    )
    project = factories.project(f"{WORD} project", member_states=[argentina], expires_at=tomorrow)

    assert all(surfaces(client).values())
    assert details(client, release, project) == [200, 200]

    with time_machine.travel(tomorrow + timedelta(seconds=1), tick=False):
        assert not any(surfaces(client).values())
        assert details(client, release, project) == [404, 404]


def test_the_page_cache_goes_stale_at_the_next_expiry(now):
    soon, later = now + timedelta(hours=1), now + timedelta(hours=2)
    factories.release(go_live_at=later)
    factories.project(expires_at=soon)
    assert next_change() == soon


def test_the_database_refuses_an_expiry_before_the_go_live(now):
    with pytest.raises(IntegrityError):
        factories.release(go_live_at=now, expires_at=now - timedelta(hours=1))


def test_each_record_knows_its_state(now):
    assert factories.release(status=Status.DRAFT).state() == State.DRAFT
    assert factories.release(go_live_at=now + timedelta(days=1)).state() == State.SCHEDULED
    expired = factories.release(
        go_live_at=now - timedelta(days=2), expires_at=now - timedelta(days=1)
    )
    assert expired.state() == State.EXPIRED
    assert factories.release().state() == State.LIVE


def test_the_admin_shows_and_filters_scheduled_and_expired_records(publisher_client, now):
    factories.release("Goes out tomorrow", go_live_at=now + timedelta(days=1))
    factories.release(
        "Gone since yesterday",
        go_live_at=now - timedelta(days=3),
        expires_at=now - timedelta(days=1),
    )
    factories.release("Out now")
    changelist = reverse("admin:newsroom_newsrelease_changelist")

    page = publisher_client.get(changelist).content.decode()
    assert "Scheduled" in page and "Expired" in page

    scheduled = publisher_client.get(changelist, {"state": "scheduled"})
    assert [str(r) for r in scheduled.context["cl"].result_list] == ["Goes out tomorrow"]
    expired = publisher_client.get(changelist, {"state": "expired"})
    assert [str(r) for r in expired.context["cl"].result_list] == ["Gone since yesterday"]
    live = publisher_client.get(changelist, {"state": "live"})
    assert [str(r) for r in live.context["cl"].result_list] == ["Out now"]


def test_coming_up_lists_the_next_go_lives_and_expiries_soonest_first(editor_client, now):
    factories.release("Second", go_live_at=now + timedelta(days=2))
    factories.project("First", expires_at=now + timedelta(days=1))
    factories.release("Never", status=Status.DRAFT, go_live_at=now + timedelta(hours=1))
    factories.release("Already out")

    page = editor_client.get(reverse("coming_up"))

    events = [(str(e.record), str(e.what)) for e in page.context["events"]]
    assert events == [("First", "expires"), ("Second", "goes live")]
    assert reverse("coming_up") in editor_client.get(reverse("admin:index")).content.decode()


def test_publishing_an_expired_record_brings_it_back(publisher_client, now):
    record = factories.release(
        go_live_at=now - timedelta(days=3), expires_at=now - timedelta(days=1)
    )
    publisher_client.post(
        reverse("admin:newsroom_newsrelease_changelist"),
        {"action": "publish_selected", "_selected_action": [record.pk], "confirm": "yes"},
    )
    record = NewsRelease.objects.get(pk=record.pk)
    assert record.expires_at is None
    assert record.is_live
