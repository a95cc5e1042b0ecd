"""Feed readers and search engines get the news, filtered as the list is."""

import xml.etree.ElementTree as ET
from datetime import date

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


def test_a_feed_with_bad_parameters_is_empty_not_an_error(client, news):
    assert rss_titles(client, "?year=abc") == []


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
