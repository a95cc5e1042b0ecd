"""Only published records whose go-live time has passed reach visitors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iomcms.core.publishing import Status, publish, unpublish
from newsroom.models import Contact, NewsRelease, Statement
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db

BUILDERS = {
    NewsRelease: factories.release,
    Project: factories.project,
    Statement: factories.statement,
    Contact: factories.contact,
}


@pytest.mark.parametrize("model", BUILDERS, ids=lambda model: model.__name__)
def test_published_excludes_drafts_and_future_go_live(model):
    build = BUILDERS[model]
    now = timezone.now()
    live = build(status=Status.PUBLISHED)
    went_live = build(status=Status.PUBLISHED, go_live_at=now - timedelta(minutes=1))
    build(status=Status.DRAFT)
    build(status=Status.PUBLISHED, go_live_at=now + timedelta(days=1))
    build(status=Status.DRAFT, go_live_at=now - timedelta(days=1))

    assert set(model.objects.published()) == {live, went_live}


def test_a_scheduled_record_is_published_once_its_time_has_come():
    tomorrow = timezone.now() + timedelta(days=1)
    scheduled = factories.release(go_live_at=tomorrow)

    assert scheduled not in NewsRelease.objects.published()
    assert scheduled in NewsRelease.objects.published(at=tomorrow + timedelta(seconds=1))


def test_publish_marks_drafts_live_and_records_when():
    draft = factories.release(status=Status.DRAFT)
    later = factories.release(status=Status.DRAFT, go_live_at=timezone.now() + timedelta(days=2))
    already = factories.release()

    changed = publish(NewsRelease.objects.all())

    assert changed == 2
    draft.refresh_from_db()
    later.refresh_from_db()
    assert draft.is_live and draft.go_live_at is not None
    assert later.status == Status.PUBLISHED and not later.is_live
    assert already.is_live


def test_unpublish_returns_records_to_draft():
    live = factories.release()
    assert unpublish(NewsRelease.objects.all()) == 1
    assert live not in NewsRelease.objects.published()


@pytest.mark.parametrize(
    "state",
    [{"status": Status.DRAFT}, {"go_live_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_unpublished_pages_are_404_for_visitors(client, state):
    records = [
        factories.release(**state),
        factories.project(**state),
        factories.statement(**state),
    ]
    for record in records:
        assert client.get(record.get_absolute_url()).status_code == 404


def test_published_pages_answer(client):
    records = [factories.release(), factories.project(), factories.statement()]
    for record in records:
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200
        assert record.title in response.content.decode()


def test_drafts_are_absent_from_lists(client):
    from django.urls import reverse

    argentina = [factories.country("AR")]
    buenos_aires = factories.office("IOM Buenos Aires", country=argentina[0])
    factories.release(title="Public release", countries=argentina)
    factories.release(title="Secret draft release", status=Status.DRAFT, countries=argentina)
    factories.project(title="Secret draft project", status=Status.DRAFT, member_states=argentina)
    factories.contact(name="Hidden Person", status=Status.DRAFT, office=buenos_aires)
    for url in (
        reverse("site:home"),
        reverse("newsroom:list"),
        reverse("projects:list"),
        reverse("newsroom:contacts"),
        factories.country("AR").get_absolute_url(),
    ):
        page = client.get(url).content.decode()
        assert "Secret draft" not in page, url
        assert "Hidden Person" not in page, url
    assert "Public release" in client.get(reverse("newsroom:list")).content.decode()
