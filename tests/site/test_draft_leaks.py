"""Drafts and records scheduled for later are nowhere a visitor or a machine can look."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db

HIDDEN = "Hiddenword"
STATES = {
    "draft": {"status": Status.DRAFT},
    "scheduled": {"go_live_at": timezone.now() + timedelta(days=1)},
}


@pytest.fixture(params=STATES, ids=list(STATES))
def hidden(request):
    state = STATES[request.param]
    argentina = factories.country("AR")
    office = factories.office("IOM Hidden Office", country=argentina)
    factories.release("Public release", countries=[argentina])
    return {
        "release": factories.release(
            f"{HIDDEN} release",
            countries=[argentina],
            themes=[factories.theme("Secret theme")],
            body=f"{HIDDEN} body",
            **state,
        ),
        "project": factories.project(
            f"{HIDDEN} project",
            member_states=[argentina],
            budget_usd=Decimal("999"),
            project_status="active",
            coverage="Secretcoverage",
            **state,
        ),
        "statement": factories.statement(f"{HIDDEN} statement", body=f"{HIDDEN} text", **state),
        "contact": factories.contact(f"{HIDDEN} Person", office=office, **state),
    }


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_hidden_records_are_404_on_their_urls(client, hidden):
    for name in ("release", "project", "statement"):
        assert client.get(hidden[name].get_absolute_url()).status_code == 404


def test_hidden_records_are_absent_from_every_list_and_count(client, hidden):
    for url in (
        reverse("site:home"),
        reverse("newsroom:list"),
        reverse("projects:list"),
        reverse("newsroom:statements"),
        reverse("newsroom:contacts"),
        reverse("site:countries"),
        factories.country("AR").get_absolute_url(),
    ):
        html = text(client, url)
        assert HIDDEN not in html, url
        assert "Secret theme" not in html and "Secretcoverage" not in html, url
    news = client.get(reverse("newsroom:list"))
    assert news.context["paginator"].count == 1
    assert (
        dict(news.context["filter"].form.fields["country"].choices)["argentina"] == "Argentina (1)"
    )
    projects = client.get(reverse("projects:list"))
    assert projects.context["totals"] == {"count": 0, "budget": None}
    assert "1 release, 0 projects" in text(client, reverse("site:countries"))


def test_hidden_records_are_absent_from_search(client, hidden):
    response = client.get(reverse("site:search"), {"q": HIDDEN})
    assert response.context["total"] == 0
    assert all(not group.hits for group in response.context["groups"])
    html = response.content.decode()
    assert "0 results" in html
    for name in ("release", "project", "statement"):
        assert hidden[name].get_absolute_url() not in html


def test_hidden_records_are_absent_from_feeds_and_sitemap(client, hidden):
    for url in (
        reverse("newsroom:feed_rss"),
        reverse("newsroom:feed_atom"),
        reverse("newsroom:feed_rss") + "?country=argentina",
        reverse("sitemap"),
    ):
        body = text(client, url)
        assert HIDDEN not in body and hidden["release"].slug not in body, url
    sitemap = text(client, reverse("sitemap"))
    assert hidden["project"].get_absolute_url() not in sitemap


def test_a_scheduled_record_appears_once_its_time_comes(client, hidden, settings):
    release = hidden["release"]
    release.status = Status.PUBLISHED
    release.go_live_at = timezone.now() - timedelta(seconds=1)
    release.save()
    assert client.get(release.get_absolute_url()).status_code == 200
    assert release.title in text(client, reverse("newsroom:feed_rss"))
