"""Anonymous pages come from the cache, and no change ever waits behind it."""

from datetime import timedelta
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import Status
from newsroom.models import NewsRelease
from tests import factories

pytestmark = pytest.mark.django_db
SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def news(client):
    response = client.get(reverse("newsroom:list"))
    return response.get("X-Cache"), response.content.decode()


def test_anonymous_pages_are_served_from_the_cache(client):
    factories.release("Cached release")
    assert news(client)[0] == "miss"
    state, html = news(client)
    assert state == "hit" and "Cached release" in html


def test_an_admin_save_shows_on_the_next_request(
    client, publisher_client, django_capture_on_commit_callbacks
):
    release = factories.release("Old title")
    news(client)
    url = reverse("admin:newsroom_newsrelease_change", args=[release.pk])
    form = publisher_client.get(url).context["adminform"].form
    data = {
        **{k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)},
        "title": "New title",
        "slug": release.slug,
        "body": release.body,
        "status": "published",
        "contact_links-TOTAL_FORMS": "0",
        "contact_links-INITIAL_FORMS": "0",
    }
    data.pop("go_live_at", None)
    with django_capture_on_commit_callbacks(execute=True):  # the admin's save commits
        assert publisher_client.post(url, data).status_code == 302
    assert "New title" in news(client)[1]


def test_a_bulk_publish_shows_on_the_next_request(client):
    draft = factories.release("Waiting release", status=Status.DRAFT)
    assert "Waiting release" not in news(client)[1]
    from iomcms.core.publishing import publish

    publish(NewsRelease.objects.filter(pk=draft.pk))
    state, html = news(client)
    assert state == "miss" and "Waiting release" in html


def test_an_import_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    news(client)
    with django_capture_on_commit_callbacks(execute=True):  # each file commits
        call_command("import_sources", str(SOURCES), "--publish", stdout=StringIO())
    assert "Uniting to Combat Human Trafficking" in news(client)[1]


def test_a_scheduled_release_appears_when_its_time_comes(client):
    soon = timezone.now() + timedelta(hours=1)
    factories.release("Embargoed release", go_live_at=soon)
    assert "Embargoed release" not in news(client)[1]
    assert news(client)[0] == "hit"
    later = soon + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        state, html = news(client)
    assert state == "miss" and "Embargoed release" in html


def test_logged_in_editors_are_never_served_from_or_stored_in_the_cache(client, editor_client):
    factories.release("Some release")
    response = editor_client.get(reverse("newsroom:list"))
    assert "X-Cache" not in response
    assert news(client)[0] == "miss"  # the editor's visit stored nothing
    news(client)
    assert "X-Cache" not in editor_client.get(reverse("newsroom:list"))


@pytest.mark.parametrize("name", ["list", "detail", "feed", "sitemap"])
def test_unchanged_pages_answer_304_to_conditional_requests(client, name):
    release = factories.release("Conditional release")
    url = {
        "list": reverse("newsroom:list"),
        "detail": release.get_absolute_url(),
        "feed": reverse("newsroom:feed_rss"),
        "sitemap": reverse("sitemap"),
    }[name]
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    release.title = "Changed"
    release.save()
    factories.release("A newer release")
    assert client.get(url, headers={"if-none-match": etag}).status_code == 200


def test_facet_counts_are_shared_by_every_page_of_a_list_until_content_changes(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    argentina = factories.country("AR")
    for number in range(25):
        factories.release(f"Paged release {number}", countries=[argentina])
    client.get(reverse("newsroom:list"))
    with CaptureQueriesContext(connection) as second_page:
        response = client.get(reverse("newsroom:list"), {"page": 2})
    assert response["X-Cache"] == "miss"
    assert not any("GROUP BY" in query["sql"] for query in second_page.captured_queries)
    assert "Argentina (25)" in response.content.decode()

    factories.release("One more", countries=[argentina])
    assert "Argentina (26)" in client.get(reverse("newsroom:list"), {"page": 2}).content.decode()


def test_a_transaction_makes_the_content_stale_once_when_it_commits(
    django_capture_on_commit_callbacks,
):
    from django.db import transaction

    from iomcms.core.contentversion import content_version, new_content_version

    before = content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        factories.release("First of two")
        factories.release("Second of two")
        # Other processes cannot see the rows yet: what they build now would be kept
        # under a version that says it has them.
        assert content_version() == before
    assert callbacks.count(new_content_version) == 1
    for callback in callbacks:
        callback()
    assert content_version() != before


def test_a_cached_page_keeps_the_headers_of_the_page_it_copies(client):
    factories.release("Cached release")
    miss = client.get(reverse("newsroom:list"))
    hit = client.get(reverse("newsroom:list"))
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type", "ETag"):
        assert hit[header] == miss[header], header
    assert not hit.cookies


def test_made_up_query_parameters_give_the_same_page_from_one_cache_entry(client):
    factories.release("Cached release")
    states = [
        client.get(reverse("newsroom:list"), {"junk": number}).get("X-Cache")
        for number in range(200)
    ]
    assert states == ["miss"] + ["hit"] * 199
    assert client.get(reverse("newsroom:list"))["X-Cache"] == "hit"
    assert len([key for key in caches["pages"]._cache if "page-v2" in key]) == 1
    # The page never repeats what it does not read in its own links.
    html = client.get(reverse("newsroom:list"), {"country": "chile", "utm_source": "x"})
    assert "utm_source" not in html.content.decode()


def test_the_parameters_a_page_reads_still_give_their_own_pages(client):
    chile, argentina = factories.country("CL"), factories.country("AR")
    factories.release("Chile news", countries=[chile])
    factories.release("Argentina news", countries=[argentina])
    for number in range(20):
        factories.release(f"More news {number}")

    def page(**query):
        response = client.get(reverse("newsroom:list"), query)
        return response["X-Cache"], response.content.decode()

    assert page(country="chile")[0] == "miss"
    state, html = page(country="argentina", junk="1")
    assert state == "miss" and "Argentina news" in html and "Chile news" not in html
    state, html = page(junk="2", country="chile")
    assert state == "hit" and "Chile news" in html and "Argentina news" not in html
    assert page(page="2")[0] == "miss"
    assert page(ordering="title")[0] == "miss"
    assert page(q="Chile")[0] == "miss"
    # A range's two inputs, on the project list.
    factories.project("Small project", budget_usd=1000)
    factories.project("Large project", budget_usd=900000)
    cheap = client.get(reverse("projects:list"), {"budget_max": "5000", "junk": "1"})
    dear = client.get(reverse("projects:list"), {"budget_min": "5000", "junk": "2"})
    assert "Small project" in cheap.content.decode()
    assert "Large project" not in cheap.content.decode()
    assert "Large project" in dear.content.decode()
    assert "Small project" not in dear.content.decode()


@pytest.mark.parametrize(
    "name, query, reads",
    [
        ("site:search", {"q": "migration"}, "q"),
        ("newsroom:feed_rss", {"country": "chile"}, "country"),
        ("sitemap", {"p": "1"}, "p"),
    ],
)
def test_other_pages_are_kept_under_what_they_read(client, name, query, reads):
    factories.release("Chile news", countries=[factories.country("CL")])
    first = client.get(reverse(name), {**query, "junk": "1"})
    again = client.get(reverse(name), {**query, "junk": "2"})
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert client.get(reverse(name), {reads: "2"}).get("X-Cache") != "hit"


@pytest.mark.parametrize(
    "name, parameter, refused, error, taken",
    [
        ("newsroom:list", "country", "junk{}", "Select a valid choice", "argentina"),
        ("newsroom:list", "year", "{}", "Select a valid choice", "2025"),
        ("newsroom:list", "ordering", "junk{}", "Select a valid choice", "title"),
        ("projects:list", "country", "junk{}", "Select a valid choice", "argentina"),
        ("projects:list", "budget_min", "{}junk", "Enter a number", "5000"),
        ("site:search", "q", "{}" + "x" * 200, "at most 200 characters", "migration"),
    ],
)
def test_refused_filter_values_answer_with_their_error_and_are_not_kept(
    client, name, parameter, refused, error, taken
):
    factories.release("Cached release", countries=[factories.country("AR")])
    factories.project("Cached project")
    for number in range(100):
        response = client.get(reverse(name), {parameter: refused.format(number)})
        assert response.status_code == 200
        assert response.get("X-Cache") != "hit"
        assert error in response.content.decode()
    assert not [key for key in caches["pages"]._cache if "page-v2" in key]
    # A value the page takes still gives a page kept for the next visitor.
    assert client.get(reverse(name), {parameter: taken})["X-Cache"] == "miss"
    assert client.get(reverse(name), {parameter: taken})["X-Cache"] == "hit"
