"""A list page costs the same number of queries with 3 items as with 60."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from newsroom.models import Contact, NewsRelease, Office, Theme
from projects.models import Project
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
    # Each kind: a few matches from the search index, then those ranked (PostgreSQL) or
    # counted (SQLite); contacts are matched among the published ones kept in memory.
    "site:search": 6,
    # One a section: the sitemap lists its records once and pairs each with every language.
    "sitemap": 4,
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


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_cost_the_same_queries_in_each_language(
    client, name, language, django_assert_num_queries
):
    make_content(3)
    with override(language):
        url = reverse(name) + ("?q=migrant" if name == "site:search" else "")
    assert client.get(url).status_code == 200  # builds the facet indexes
    with django_assert_num_queries(LIST_PAGES[name]):
        client.get(url)


def test_news_narrowed_by_words_asks_the_search_index_once(client, django_assert_num_queries):
    make_content(30)
    url = reverse("newsroom:list") + "?q=migrant+release&country=argentina"
    client.get(reverse("newsroom:list"))  # builds the facet index
    # The matching records from the search index, then the page; facets and counts come
    # from the facet index. (On PostgreSQL the first also sets a planner option for its
    # own transaction, around it.)
    with CaptureQueriesContext(connection) as first:
        page = client.get(url)
    selects = [
        query["sql"] for query in first.captured_queries if query["sql"].startswith("SELECT")
    ]
    assert len(selects) == 2
    assert page.context["paginator"].count == 30
    # The same words again, on any page, with any facet.
    with django_assert_num_queries(1):
        page = client.get(url + "&page=2&theme=labour-migration")
    assert [release.title for release in page.context["releases"]][:1] == ["Migrant release 9"]


def test_country_page_costs_the_same_whatever_its_content(client):
    make_content(3)
    url = factories.country("AR").get_absolute_url()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_content(30, start=3)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)


def scale_urls():
    """One URL of each kind the benchmarks load, chosen so that none is empty."""
    newest = NewsRelease.objects.published().first()
    country = newest.countries.first()
    project = Project.objects.published().filter(project_status="active").first()
    last_page = -(-NewsRelease.objects.published().count() // 20)
    # A release page that lists a related release, whatever the archive's size.
    with_related = NewsRelease.objects.published().filter(countries__isnull=False).first()
    factories.release(countries=[with_related.countries.first()])
    return [
        reverse("site:home"),
        reverse("newsroom:list"),
        f"{reverse('newsroom:list')}?page={last_page}",
        f"{reverse('newsroom:list')}?country={country.slug}&year={newest.published_on.year}",
        f"{reverse('newsroom:list')}?q=migrant&country={country.slug}",
        with_related.get_absolute_url(),
        f"{reverse('projects:list')}?status=active&region={project.idf_region.slug}",
        project.get_absolute_url(),
        f"{reverse('site:search')}?q=migrant+children",
        reverse("site:countries"),
    ]


def demo_content(news, projects):
    for model in (NewsRelease, Project, Contact, Office, Theme):
        model.objects.all().delete()
    call_command("generate_demo_data", news=news, projects=projects, seed=1, verbosity=0)


def test_every_kind_of_page_costs_the_same_queries_at_10_and_1000_releases(client):
    counts = {}
    for news, projects in ((10, 10), (1000, 200)):
        demo_content(news, projects)
        for kind, url in enumerate(scale_urls()):
            assert client.get(url).status_code == 200, url  # builds the facet indexes
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200, url
            counts.setdefault(kind, []).append(len(captured))
    assert all(few == many for few, many in counts.values()), str(counts)


@pytest.mark.parametrize("language", ["es", "en"])
def test_detail_pages_read_their_filing_from_the_facet_index(
    client, language, django_assert_num_queries
):
    make_content(3)
    release = NewsRelease.objects.published().first()
    project = Project.objects.published().first()
    with override(language):  # the pages in that language
        release_url, project_url = release.get_absolute_url(), project.get_absolute_url()
    client.get(release_url)  # builds the facet indexes
    client.get(project_url)
    # The release, with which media contacts it names; its related releases (the latest
    # of its first country) were kept with the index by the first request.
    with django_assert_num_queries(1):
        page = client.get(release_url)
    assert [country.name for country in page.context["countries"]] == ["Argentina", "Chile"]
    assert [theme.name for theme in page.context["themes"]] == ["Labour migration"]
    # The project with its region.
    with django_assert_num_queries(1):
        page = client.get(project_url)
    assert [country.name for country in page.context["member_states"]] == ["Argentina", "Chile"]
