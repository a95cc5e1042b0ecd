"""Visitors narrow lists with filters that say how many results each choice gives."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import ProjectStatus, Region
from tests import factories

pytestmark = pytest.mark.django_db


def listed(response, name):
    return [record.title for record in response.context[name]]


@pytest.fixture
def releases():
    argentina, chile = factories.country("AR"), factories.country("CL")
    trafficking = factories.theme("Counter-trafficking")
    factories.release(
        "Buenos Aires 2019",
        countries=[argentina],
        published_on=date(2019, 5, 1),
        themes=[trafficking],
    )
    factories.release("Buenos Aires 2021", countries=[argentina], published_on=date(2021, 5, 1))
    factories.release(
        "Santiago 2021",
        countries=[chile],
        published_on=date(2021, 6, 1),
        body="Labour migration across the Andes.",
    )


def test_news_filters_by_country_theme_year_and_text(client, releases):
    url = reverse("newsroom:list")
    assert set(listed(client.get(url, {"country": "argentina"}), "releases")) == {
        "Buenos Aires 2019",
        "Buenos Aires 2021",
    }
    assert listed(client.get(url, {"theme": "counter-trafficking"}), "releases") == [
        "Buenos Aires 2019"
    ]
    assert listed(client.get(url, {"year": "2021", "country": "argentina"}), "releases") == [
        "Buenos Aires 2021"
    ]
    assert listed(client.get(url, {"q": "Andes"}), "releases") == ["Santiago 2021"]


def test_news_orders_newest_first_or_by_title(client, releases):
    url = reverse("newsroom:list")
    assert listed(client.get(url), "releases")[0] == "Santiago 2021"
    assert listed(client.get(url, {"ordering": "title"}), "releases") == [
        "Buenos Aires 2019",
        "Buenos Aires 2021",
        "Santiago 2021",
    ]


def test_facets_count_what_each_choice_would_give(client, releases):
    response = client.get(reverse("newsroom:list"), {"year": "2021"})
    form = response.context["filter"].form
    assert dict(form.fields["country"].choices) == {
        "": "All countries",
        "argentina": "Argentina (1)",
        "chile": "Chile (1)",
    }
    # the year facet ignores its own choice, so other years stay reachable
    assert dict(form.fields["year"].choices) == {
        "": "All years",
        2021: "2021 (2)",
        2019: "2019 (1)",
    }


def test_facets_offer_only_values_that_exist(client, releases):
    form = client.get(reverse("newsroom:list")).context["filter"].form
    countries = [value for value, _ in form.fields["country"].choices if value]
    assert countries == ["argentina", "chile"]  # not every country in the reference list


def test_filter_state_stays_in_the_url_and_the_form(client, releases):
    html = client.get(reverse("newsroom:list"), {"country": "chile"}).content.decode()
    assert '<option value="chile" selected>Chile (1)</option>' in html


@pytest.mark.parametrize(
    "params", [{"year": "abc"}, {"country": "atlantis"}, {"ordering": "drop table"}]
)
def test_invalid_parameters_give_a_form_error_not_a_500(client, releases, params):
    response = client.get(reverse("newsroom:list"), params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert 'role="alert"' in response.content.decode()


def test_a_page_past_the_end_is_a_404(client, releases):
    assert client.get(reverse("newsroom:list"), {"page": "2"}).status_code == 404
    assert client.get(reverse("projects:list"), {"page": "9"}).status_code == 404


@pytest.fixture
def projects():
    region = Region.objects.get(name="Latin America and the Caribbean")
    europe = Region.objects.get(name="Europe")
    argentina, peru = factories.country("AR"), factories.country("PE")
    factories.project(
        "Active Argentina",
        project_status=ProjectStatus.ACTIVE,
        idf_region=region,
        member_states=[argentina],
        budget_usd=Decimal("100000"),
        start_year=2020,
        end_year=2023,
        coverage="National",
        project_type="Labour Mobility",
    )
    factories.project(
        "Active Peru",
        project_status=ProjectStatus.ACTIVE,
        idf_region=region,
        member_states=[peru],
        budget_usd=Decimal("250000"),
        start_year=2023,
        end_year=2025,
        coverage="Regional",
        project_type="Border Management",
    )
    factories.project(
        "Completed Argentina",
        project_status=ProjectStatus.COMPLETED,
        idf_region=region,
        member_states=[argentina],
        budget_usd=Decimal("50000"),
        start_year=2015,
        end_year=2017,
        coverage="National",
    )
    factories.project(
        "European one",
        project_status=ProjectStatus.ACTIVE,
        idf_region=europe,
        budget_usd=Decimal("1"),
    )


def test_projects_filter_by_status_and_region_with_totals(client, projects):
    response = client.get(
        reverse("projects:list"), {"status": "active", "region": "latin-america-and-the-caribbean"}
    )
    assert set(listed(response, "projects")) == {"Active Argentina", "Active Peru"}
    assert response.context["totals"] == {"count": 2, "budget": Decimal("350000")}
    assert "US$ 350,000" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "argentina"}, {"Active Argentina", "Completed Argentina"}),
        ({"coverage": "Regional"}, {"Active Peru"}),
        ({"type": "Border Management"}, {"Active Peru"}),
        ({"year_from": "2024"}, {"Active Peru", "European one"}),
        ({"year_to": "2016"}, {"Completed Argentina", "European one"}),
        ({"year_from": "2018", "year_to": "2022"}, {"Active Argentina", "European one"}),
        ({"budget_min": "60000", "budget_max": "200000"}, {"Active Argentina"}),
    ],
)
def test_projects_filter_by_country_coverage_type_years_and_budget(
    client, projects, params, expected
):
    assert set(listed(client.get(reverse("projects:list"), params), "projects")) == expected


def test_projects_order_by_budget(client, projects):
    response = client.get(reverse("projects:list"), {"ordering": "-budget"})
    assert listed(response, "projects")[0] == "Active Peru"


def test_a_backwards_range_is_a_form_error(client, projects):
    response = client.get(reverse("projects:list"), {"budget_min": "10", "budget_max": "5"})
    assert response.status_code == 200
    assert "range ends before it starts" in response.content.decode()
    assert response.context["totals"]["count"] == 0


def test_project_status_facet_counts(client, projects):
    form = client.get(reverse("projects:list"), {"country": "argentina"}).context["filter"].form
    assert dict(form.fields["status"].choices) == {
        "": "Any status",
        "active": "Active (1)",
        "completed": "Completed (1)",
    }


def test_lists_offer_a_bounded_number_of_pages(client, monkeypatch):
    from iomcms.core.facets import BoundedPaginator

    monkeypatch.setattr(BoundedPaginator, "MAX_PAGES", 2)
    for number in range(70):
        factories.release(f"Release {number}")
    last = client.get(reverse("newsroom:list"), {"page": 2})
    assert last.status_code == 200
    assert last.context["paginator"].count == 70  # the count is still the real one
    assert "narrow the list by year" in last.content.decode()
    assert client.get(reverse("newsroom:list"), {"page": 3}).status_code == 404


def test_each_select_offers_its_empty_choice_once_and_names_its_error(client, releases):
    html = client.get(reverse("newsroom:list"), {"year": "1066"}).content.decode()
    assert html.count(">All countries</option>") == 1
    assert html.count(">All years</option>") == 1
    # The invalid field points at its message, and the message has that id.
    described = re.search(r'<select[^>]*name="year"[^>]*aria-describedby="([^"]+)"', html)
    assert described and f'id="{described[1]}"' in html
    assert re.search(r'<option value="2021" selected>|<option value="argentina">', html)


def test_filter_options_escape_what_editors_typed(client):
    factories.project(coverage='Cross-border <b>& "Andean"</b>')
    html = client.get(reverse("projects:list")).content.decode()
    assert "<b>&" not in html
    assert "Cross-border &lt;b&gt;&amp; &#34;Andean&#34;&lt;/b&gt; (1)</option>" in html


def test_each_request_filters_with_its_own_copy_of_the_filters():
    from newsroom.filters import ReleaseFilter
    from newsroom.models import NewsRelease

    factories.release("Andes crossing", countries=[factories.country("AR")])
    first = ReleaseFilter({"q": "Andes"}, queryset=NewsRelease.objects.listed())
    second = ReleaseFilter({}, queryset=NewsRelease.objects.listed())

    ReleaseFilter.base_filters["country"].field  # noqa: B018 -- a form field made once
    first.filters["country"].extra["choices"] = []
    assert list(second.filters["country"].extra["choices"])
    assert first.filters["country"].field is not second.filters["country"].field
    assert "choices" not in ReleaseFilter.base_filters["country"].extra
    # A filter calling a method of its filter set calls its own filter set's.
    assert first.filters["q"].parent is first and second.filters["q"].parent is second
    assert [release.title for release in first.qs] == ["Andes crossing"]
