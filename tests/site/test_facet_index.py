"""Filtered lists counted and paged from the facet index agree with the database, and
follow every change to content."""

import itertools
import random
from datetime import date, timedelta

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from iomcms.core import facetindex
from iomcms.core.facetindex import FacetIndex, build_index
from iomcms.core.publishing import Status, publish, unpublish
from newsroom.filters import ReleaseFilter
from newsroom.models import NewsRelease, ReleaseContact
from projects.filters import ProjectFilter
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Forty releases and projects spread over three countries, two themes and four years;
    a draft and an expired release that no list may count."""
    chance = random.Random(3)
    countries = [factories.country(code) for code in ("AR", "CL", "PE")]
    themes = [factories.theme("Counter-trafficking"), factories.theme("Labour migration")]
    for number in range(40):
        factories.release(
            f"Release {number}",
            countries=chance.sample(countries, chance.randint(0, 2)),
            themes=chance.sample(themes, chance.randint(0, 2)),
            published_on=date(2018 + number % 4, 1 + number % 12, 1),
            body=" ".join(
                ["Report."]
                + ["Border crossings rose."] * (number % 3 == 0)
                + ["A shelter opened."] * (number % 5 == 0)
            ),
        )
        factories.project(
            f"Project {number}",
            member_states=chance.sample(countries, chance.randint(0, 3)),
            project_status=chance.choice(["active", "completed"]),
            coverage=chance.choice(["National", "Regional"]),
            start_year=2010 + number % 7,
            budget_usd=chance.choice([None, 1000, 250000]),
        )
    body = "Border shelter."
    factories.release("Draft", countries=countries, status=Status.DRAFT, body=body)
    factories.release(
        "Expired",
        countries=countries,
        body=body,
        go_live_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(days=1),
    )


def database_answer(filterset):
    """What the database alone says: the ordered primary keys and every facet's counts."""
    counts = {}
    for name, (path, _) in filterset.facets.items():
        counts[name] = {
            str(value): count
            for value, count in filterset.filtered_without(name)
            .order_by()
            .values_list(path)
            .annotate(count=Count("pk"))
            if value is not None
        }
    return list(filterset.qs.values_list("pk", flat=True)), counts


NEWS_CHOICES = {
    "country": [None, "argentina", "chile", "peru"],
    "theme": [None, "counter-trafficking", "labour-migration"],
    "year": [None, "2018", "2021"],
    "ordering": [None, "date", "-date"],
    "q": [None, "border", "shelter -borders"],
}


def test_news_index_agrees_with_the_database_for_every_choice(archive):
    for values in itertools.product(*NEWS_CHOICES.values()):
        data = {name: value for name, value in zip(NEWS_CHOICES, values, strict=True) if value}
        filterset = ReleaseFilter(data, queryset=NewsRelease.objects.listed())
        results = filterset.indexed_results()
        ids, counts = database_answer(filterset)
        assert [record.pk for record in results[0 : len(ids) + 5]] == ids, data
        assert results.count() == len(ids), data
        for name in filterset.facets:
            assert filterset.facet_counts(name) == counts[name], (data, name)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"status": "active"},
        {"country": "chile", "coverage": "Regional"},
        {"status": "completed", "country": "peru", "ordering": "-start"},
    ],
)
def test_project_index_agrees_with_the_database_totals_included(archive, data):
    filterset = ProjectFilter(data, queryset=Project.objects.published())
    results = filterset.indexed_results()
    ids, counts = database_answer(filterset)
    assert sorted(record.pk for record in results[0:100]) == sorted(ids)
    budgets = [budget for budget in filterset.qs.values_list("budget_usd", flat=True) if budget]
    assert results.total("budget_usd") == (sum(budgets) if budgets else None)
    for name in filterset.facets:
        assert filterset.facet_counts(name) == counts[name], name


def test_words_are_looked_up_once_while_the_content_stays_the_same(
    archive, django_assert_num_queries
):
    def count(data):
        return ReleaseFilter(data, queryset=NewsRelease.objects.listed()).indexed_results().count()

    assert count({"q": "border"}) == 14
    with django_assert_num_queries(0):
        assert count({"q": "border", "year": "2018"}) == 4
    publish(NewsRelease.objects.filter(title="Draft"))
    assert count({"q": "border"}) == 15


def test_a_range_is_left_to_the_database(archive):
    projects = ProjectFilter({"year_from": "2012"}, queryset=Project.objects.published())
    assert projects.indexed_results() is None


def test_an_order_the_index_does_not_keep_is_sorted_by_the_database(archive, client):
    response = client.get(reverse("newsroom:list"), {"ordering": "title", "country": "chile"})
    expected = (
        NewsRelease.objects.published()
        .filter(countries__slug="chile")
        .order_by("title")
        .values_list("title", flat=True)
    )
    assert [release.title for release in response.context["releases"]] == list(expected[:20])


def test_every_page_of_a_filtered_list_comes_from_the_index_in_order(archive, client):
    url = reverse("newsroom:list")
    expected = list(
        NewsRelease.objects.published()
        .filter(countries__slug="argentina")
        .values_list("title", flat=True)
    )
    shown = []
    for page in range(1, len(expected) // 20 + 2):
        response = client.get(url, {"country": "argentina", "page": page})
        shown += [release.title for release in response.context["releases"]]
    assert shown == expected


def test_the_lists_follow_a_publication_and_a_withdrawal(archive, client):
    url = reverse("newsroom:list")
    before = client.get(url, {"country": "peru"}).context["paginator"].count
    draft = NewsRelease.objects.get(title="Draft")
    publish(NewsRelease.objects.filter(pk=draft.pk))
    response = client.get(url, {"country": "peru"})
    assert response.context["paginator"].count == before + 1
    assert "Draft" in [release.title for release in response.context["releases"]]
    unpublish(NewsRelease.objects.filter(pk=draft.pk))
    assert client.get(url, {"country": "peru"}).context["paginator"].count == before


def test_the_whole_lists_counts_are_kept_until_content_changes(archive, client, monkeypatch):
    counted = []
    count_values = FacetIndex.count_values

    def counting(index, name, mask):
        counted.append(name)
        return count_values(index, name, mask)

    monkeypatch.setattr(FacetIndex, "count_values", counting)

    def peru_option():
        form = client.get(reverse("newsroom:list")).context["filter"].form
        return dict(form.fields["country"].choices)["peru"]

    before = peru_option()
    assert "country" in counted
    counted.clear()
    assert peru_option() == before
    assert counted == []  # the second visit counted nothing again
    draft = NewsRelease.objects.get(title="Draft")
    publish(NewsRelease.objects.filter(pk=draft.pk))
    count = int(before.rsplit("(", 1)[1].rstrip(")"))
    assert peru_option() == f"Peru ({count + 1})"


def test_a_release_moved_to_another_country_moves_in_the_counts(
    archive, client, django_capture_on_commit_callbacks
):
    url = reverse("newsroom:list")
    release = NewsRelease.objects.published().filter(countries__slug="argentina").first()
    before = client.get(url, {"country": "argentina"}).context["paginator"].count
    with django_capture_on_commit_callbacks(execute=True):  # set() commits its changes
        release.countries.set([factories.country("PE")])
    after = client.get(url, {"country": "argentina"}).context["paginator"].count
    assert after == before - 1


def test_home_and_country_counts_match_the_lists(archive, client):
    countries = {
        country.slug: country for country in client.get(reverse("site:home")).context["countries"]
    }
    news = reverse("newsroom:list")
    for slug in ("argentina", "chile", "peru"):
        listed = client.get(news, {"country": slug}).context["paginator"].count
        assert countries[slug].release_count == listed
        projects = client.get(reverse("projects:list"), {"country": slug}).context["totals"]
        assert countries[slug].project_count == projects["count"]


@given(
    bits=st.lists(st.booleans(), max_size=700),
    start=st.integers(0, 700),
    length=st.integers(0, 60),
)
def test_positions_are_the_set_bits_in_order(bits, start, length):
    index = FacetIndex(ids=list(range(len(bits))), masks={}, choices={})
    mask = sum(1 << number for number, bit in enumerate(bits) if bit)
    ones = [number for number, bit in enumerate(bits) if bit]
    assert index.positions(mask, start, start + length) == ones[start : start + length]
    assert (
        index.page(mask, start, start + length, reverse=True)
        == list(reversed(ones))[start : start + length]
    )


def test_another_process_finds_the_index_in_the_shared_cache(
    archive, client, django_assert_num_queries
):
    client.get(reverse("newsroom:list"))  # builds the index and shares it
    facetindex._indexes.clear()  # as a worker process that has not built it
    with django_assert_num_queries(1):  # the page's twenty releases, nothing else
        response = client.get(reverse("newsroom:list"), {"country": "chile"})
    assert response.context["paginator"].count == (
        NewsRelease.objects.published().filter(countries__slug="chile").count()
    )


def test_an_index_of_any_kind_of_path_agrees_with_the_database(archive):
    people = [factories.contact("Ana Torres"), factories.contact("Luis Vega")]
    for number, release in enumerate(NewsRelease.objects.order_by("pk")):
        for position, person in enumerate(people[: number % 3]):
            ReleaseContact.objects.create(release=release, contact=person, position=position)
    records = NewsRelease.objects.published()
    paths = {
        "country": "countries__slug",  # many-to-many, from its link table
        "year": "published_on__year",  # a transform, with the records
        "contact": "contact_links__contact__slug",  # a reverse foreign key, on its own
    }
    index = build_index(records, paths, {name: [] for name in paths})
    assert index.ids == list(records.values_list("pk", flat=True))
    for name, path in paths.items():
        values = {str(value) for value in records.values_list(path, flat=True) if value}
        assert set(index.masks[name]) == values, name
        for value in values:
            expected = set(records.filter(**{path: value}).values_list("pk", flat=True))
            mask = index.masks[name][value]
            assert {pk for number, pk in enumerate(index.ids) if mask >> number & 1} == expected


def test_an_index_keeps_the_latest_searches_only(archive):
    index = ReleaseFilter.current_index()
    looked_up = []

    def find(text):
        looked_up.append(text)
        return []

    for number in range(facetindex.SEARCHES_KEPT + 1):
        index.matching(f"word{number}", find)
    index.matching(f"word{facetindex.SEARCHES_KEPT}", find)  # kept
    index.matching("word0", find)  # the oldest, dropped
    assert looked_up.count(f"word{facetindex.SEARCHES_KEPT}") == 1
    assert looked_up.count("word0") == 2
    assert len(index.searches) == facetindex.SEARCHES_KEPT
