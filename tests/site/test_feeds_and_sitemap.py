"""Feed readers and search engines get the news, filtered as the list is."""

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news():
    argentina, chile = factories.country("AR"), factories.country("CL")
    return [
        factories.release("Argentina news", countries=[argentina], published_on=date(2021, 1, 1)),
        factories.release("Chile news", countries=[chile], published_on=date(2022, 1, 1)),
    ]


def rss_titles(client, query=""):
    response = client.get(reverse("newsroom:feed_rss") + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_rss_lists_the_latest_news(client, news):
    assert rss_titles(client) == ["Chile news", "Argentina news"]


def test_atom_lists_the_same_news(client, news):
    response = client.get(reverse("newsroom:feed_atom"))
    root = ET.fromstring(response.content)
    assert [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")] == [
        "Chile news",
        "Argentina news",
    ]


def test_a_filtered_list_has_a_feed_with_the_same_query(client, news):
    assert rss_titles(client, "?country=chile") == ["Chile news"]
    assert rss_titles(client, "?year=2021") == ["Argentina news"]
    page = client.get(reverse("newsroom:list"), {"country": "chile"}).content.decode()
    assert f"{reverse('newsroom:feed_rss')}?country=chile" in page


@pytest.mark.parametrize("feed", ["newsroom:feed_rss", "newsroom:feed_atom"])
@pytest.mark.parametrize("query", ["?country=nowhere", "?year=abc", "?theme=none&year=2021"])
def test_a_feed_of_a_list_that_cannot_exist_is_not_found(client, news, feed, query):
    assert client.get(reverse(feed) + query).status_code == 404


def test_a_feed_ignores_parameters_the_list_does_not_read(client, news):
    assert rss_titles(client, "?utm_source=newsletter") == ["Chile news", "Argentina news"]


def test_country_pages_link_their_feed(client, news):
    page = client.get(factories.country("CL").get_absolute_url()).content.decode()
    assert f"{reverse('newsroom:feed_rss')}?country=chile" in page


def test_sitemap_lists_every_published_page(client, news):
    project, statement = factories.project(), factories.statement()
    response = client.get(reverse("sitemap"))
    locations = {
        loc.text
        for loc in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }
    for record in (*news, project, statement, factories.country("AR")):
        assert f"http://testserver{record.get_absolute_url()}" in locations
    assert f"http://testserver{reverse('newsroom:list')}" in locations


def test_feeds_show_markup_typed_into_a_summary_as_text(client):
    factories.release("Tagged", summary='Read <b>this</b> <img src="x" onerror="alert(1)">')
    rss = ET.fromstring(client.get(reverse("newsroom:feed_rss")).content)
    atom = ET.fromstring(client.get(reverse("newsroom:feed_atom")).content)
    # What a reader gets once the XML is parsed is HTML: the markup arrives as text.
    descriptions = [
        rss.find("channel/item/description").text,
        atom.find(f"{ATOM}entry/{ATOM}summary").text,
    ]
    for html in descriptions:
        assert "<b>" not in html and "<img" not in html
        assert "Read &lt;b&gt;this&lt;/b&gt; &lt;img" in html


def test_feeds_date_an_undated_release_by_when_it_went_live_here_and_say_so(client):
    went_live = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    factories.release("Undated", location="Panama City", go_live_at=went_live)
    item = ET.fromstring(client.get(reverse("newsroom:feed_rss")).content).find("channel/item")
    assert item.findtext("pubDate") == "Tue, 03 Mar 2026 10:00:00 +0000"
    assert "<p>Panama City · Published on this site 3 March 2026</p>" in item.findtext(
        "description"
    )
    entry = ET.fromstring(client.get(reverse("newsroom:feed_atom")).content).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}published") == "2026-03-03T10:00:00+00:00"


def sitemap_locations(client):
    response = client.get(reverse("sitemap"))
    return {
        loc.text
        for loc in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }


def test_country_pages_with_nothing_published_are_kept_out_of_search_engines(client, news):
    peru, bolivia = factories.country("PE"), factories.country("BO")
    factories.project(member_states=[peru])
    factories.release("Draft about Bolivia", countries=[bolivia], status="draft")
    locations = sitemap_locations(client)
    for code in ("AR", "CL", "PE"):
        assert f"http://testserver{factories.country(code).get_absolute_url()}" in locations
    assert f"http://testserver{bolivia.get_absolute_url()}" not in locations
    countries = reverse("site:countries")  # in English: each language lists the same
    assert sum(countries in location for location in locations) == 4  # and the list
    assert sum("/countries/" in location for location in locations) == 4 * 4
    noindex = '<meta name="robots" content="noindex">'
    assert noindex in client.get(bolivia.get_absolute_url()).content.decode()
    for country in (peru, factories.country("CL")):
        assert noindex not in client.get(country.get_absolute_url()).content.decode()
