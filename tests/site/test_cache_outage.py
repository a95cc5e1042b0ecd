"""The cache is an accelerator: while it is down, visitors get every page (uncached),
editors' saves report success, and the health check says what is wrong."""

import logging
import socket

import pytest
from django.urls import reverse

from iomcms import caching
from newsroom.models import NewsRelease
from tests import factories
from tests.site.test_editing import add_page, release_form

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """Both caches are Redis, on a port nobody listens on."""
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {
        alias: {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location}
        for alias in ("default", "pages")
    }
    settings.PAGE_CACHE_SECONDS = 600
    yield
    caching.availability.reset()


def public_urls():
    release = factories.release("Visible release", countries=[factories.country("AR")])
    project = factories.project("Visible project")
    return [
        reverse("site:home"),
        reverse("site:countries"),
        reverse("site:country", kwargs={"slug": "argentina"}),
        reverse("site:search") + "?q=visible",
        reverse("newsroom:list"),
        reverse("newsroom:list") + "?country=argentina",
        release.get_absolute_url(),
        reverse("newsroom:feed_rss"),
        reverse("projects:list"),
        project.get_absolute_url(),
        reverse("sitemap"),
    ]


def test_public_pages_are_served_uncached_while_the_cache_is_down(client, redis_down, caplog):
    urls = public_urls()
    with caplog.at_level(logging.WARNING, logger="iomcms.caching"):
        for _ in range(2):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                assert response.get("X-Cache") != "hit", url
    # Said once, not on every request.
    warnings = [record for record in caplog.records if record.name == "iomcms.caching"]
    assert len(warnings) == 1
    assert "uncached" in warnings[0].getMessage()


def test_an_admin_save_succeeds_while_the_cache_is_down(
    editor_client, redis_down, django_capture_on_commit_callbacks
):
    # The content version moves once the save commits: that must not fail it.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(add_page(NewsRelease), release_form([]))
    assert response.status_code == 302
    assert NewsRelease.objects.filter(slug="iom-partners-protect-migrant-children").exists()


def test_pages_changed_during_an_outage_are_not_served_stale_when_the_cache_returns(
    client, settings, monkeypatch
):
    monkeypatch.setattr(caching.Availability, "RETRY_SECONDS", 0)
    release = factories.release("Before the outage")
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get(release.get_absolute_url()).status_code == 200
    assert client.get(release.get_absolute_url())["X-Cache"] == "hit"
    # The cache stops answering while an editor saves: the content version cannot move.
    pages = caching.page_cache()
    with monkeypatch.context() as outage:
        outage.setattr(pages, "set", failing)
        outage.setattr(pages, "get", failing)
        release.title = "During the outage"
        release.save()
        assert "During the outage" in client.get(release.get_absolute_url()).content.decode()
    # It answers again, still holding the page and the version from before.
    for _ in range(2):
        assert "During the outage" in client.get(release.get_absolute_url()).content.decode()
    caching.availability.reset()


def failing(*args, **kwargs):
    raise ConnectionError("cache unreachable")


def test_the_health_check_says_the_cache_is_down(client, redis_down):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["cache"].startswith("error")
