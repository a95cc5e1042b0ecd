"""The cache is an accelerator: while it is down, visitors get every page (uncached),
editors' saves report success, and the health check says what is wrong."""

import logging
import socket
import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse

from iomcms.core import contentversion
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
    contentversion.availability.reset()


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
    with caplog.at_level(logging.WARNING, logger="iomcms.core.contentversion"):
        for _ in range(2):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                assert response.get("X-Cache") != "hit", url
    # Said once, not on every request.
    warnings = [record for record in caplog.records if record.name == "iomcms.core.contentversion"]
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


class OutageCache(LocMemCache):
    """A page cache that stops answering while `down` (in every thread), and answers
    afterwards with what it held before, as Redis with persistence does."""

    down = False

    def __getattribute__(self, name):
        if name in CACHE_OPERATIONS and type(self).down:
            raise ConnectionError("cache unreachable")
        return super().__getattribute__(name)


CACHE_OPERATIONS = {"add", "get", "set", "touch", "delete", "has_key", "incr", "clear"}
CACHE_OPERATIONS |= {"get_many", "set_many", "delete_many", "get_or_set"}


@pytest.fixture
def outage_cache(settings, monkeypatch):
    monkeypatch.setattr(contentversion.Availability, "RETRY_SECONDS", 0.05)
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": f"{__name__}.OutageCache", "LOCATION": "outage"},
    }
    settings.PAGE_CACHE_SECONDS = 600
    contentversion.page_cache().clear()
    yield OutageCache
    OutageCache.down = False
    contentversion.availability.reset()
    contentversion.page_cache().clear()


class Process:
    """A server process of its own: its view of the cache's health (`Availability`) and
    its own middleware, with the pages it holds."""

    def __init__(self):
        self.availability = contentversion.Availability()
        self.client = Client()

    @contextmanager
    def serving(self):
        with mock.patch.object(contentversion, "availability", self.availability):
            yield

    def get(self, url):
        with self.serving():
            return self.client.get(url)

    def stop(self):
        self.availability.reset()


@pytest.fixture
def processes():
    started = [Process(), Process()]
    yield started
    for process in started:
        process.stop()


def wait_until(condition, seconds=3):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_pages_changed_during_an_outage_are_not_served_stale_when_the_cache_returns(
    client, outage_cache
):
    release = factories.release("Before the outage")
    assert client.get(release.get_absolute_url()).status_code == 200
    assert client.get(release.get_absolute_url())["X-Cache"] == "hit"
    # The cache stops answering while an editor saves: the content version cannot move.
    outage_cache.down = True
    release.title = "During the outage"
    release.save()
    assert "During the outage" in client.get(release.get_absolute_url()).content.decode()
    # It answers again, still holding the page and the version from before.
    outage_cache.down = False
    for _ in range(2):
        assert "During the outage" in client.get(release.get_absolute_url()).content.decode()


def test_other_processes_serve_a_change_saved_during_an_outage_once_the_cache_returns(
    outage_cache, processes
):
    saver, other = processes
    release = factories.release("Before the outage")
    url = release.get_absolute_url()
    for process in processes:
        process.get(url)
        assert process.get(url)["X-Cache"] == "hit"
    version = contentversion.page_cache().get(contentversion.VERSION_KEY)
    # A Publisher saves through one process while the cache is down; the other process
    # serves nothing meanwhile, so it never sees the outage.
    outage_cache.down = True
    with saver.serving():
        release.title = "Saved during the outage"
        release.save()
    outage_cache.down = False
    # The saving process serves nothing after the outage either, yet the content version
    # moves on within seconds, and the other process makes the page again.
    wait_until(lambda: contentversion.page_cache().get(contentversion.VERSION_KEY) != version)
    response = other.get(url)
    assert response["X-Cache"] == "miss"
    assert "Saved during the outage" in response.content.decode()


def test_the_health_check_says_the_cache_is_down(client, redis_down):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["cache"].startswith("error")
