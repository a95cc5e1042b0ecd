"""A list page costs the same number of queries with 3 items as with 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

LIST_PAGES = {
    "site:home": 3,
    "newsroom:list": 1,
    "projects:list": 1,
    "newsroom:statements": 2,
    "newsroom:contacts": 1,
    "site:countries": 1,
    "newsroom:feed_rss": 1,
    "site:search": 8,
    "sitemap": 8,
}


def make_content(count, start=0):
    argentina, chile = factories.country("AR"), factories.country("CL")
    office = factories.office(country=argentina)
    theme = factories.theme("Labour migration")
    for number in range(start, start + count):
        person = factories.contact(office=office)
        factories.release(
            f"Migrant release {number}",
            countries=[argentina, chile],
            themes=[theme],
            contacts=[person],
        )
        factories.project(
            f"Migrant project {number}",
            member_states=[argentina, chile],
            project_status="active",
            coverage="National",
        )
        factories.statement(f"Migrant statement {number}")


def queries(client, name):
    url = reverse(name) + ("?q=migrant" if name == "site:search" else "")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_cost_the_same_queries_whatever_their_length(
    client, name, django_assert_num_queries
):
    make_content(3)
    few = queries(client, name)
    make_content(57, start=3)
    many = queries(client, name)
    assert few == many
    with django_assert_num_queries(LIST_PAGES[name]):
        client.get(reverse(name) + ("?q=migrant" if name == "site:search" else ""))


def test_country_page_costs_the_same_whatever_its_content(client):
    make_content(3)
    url = factories.country("AR").get_absolute_url()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_content(30, start=3)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)
