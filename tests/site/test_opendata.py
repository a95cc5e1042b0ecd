"""Open data: a visitor downloads exactly the filtered list they see, published rows only."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from tests import factories
from tests.projects.test_resources import FORMULA_STARTS, rows_of

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "staff", "Editors", "Publishers")


def client_for(role):
    client = Client()
    if role == "staff":
        from django.contrib.auth.models import User

        client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    elif role != "anonymous":
        client.force_login(factories.user_in(role))
    return client


def listed(client, name, params):
    """Every row the list shows, following its pages."""
    titles, page = [], 1
    while True:
        response = client.get(reverse(f"{name}:list"), {**params, "page": page})
        titles += [str(item) for item in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return titles
        page += 1


def download(client, name, fmt, params):
    return client.get(reverse(f"{name}:download", kwargs={"fmt": fmt}) + "?" + urlencode(params))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_project_download_holds_every_row_of_the_filtered_list_over_all_pages(client, fmt):
    peru, chile = factories.country("PE"), factories.country("CL")
    for number in range(25):
        factories.project(
            f"Peru project {number:02d}",
            project_code=f"PE.{number}",
            project_status="active",
            member_states=[peru],
        )
    factories.project(
        "Chile project", project_code="CL.1", project_status="active", member_states=[chile]
    )
    factories.project(
        "Draft Peru project", project_code="PE.D", status="draft", member_states=[peru]
    )
    params = {"country": "peru", "status": "active"}

    response = download(client, "projects", fmt, params)

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="projects.{fmt}"'
    assert [row["Title"] for row in rows_of(response.content, fmt)] == listed(
        client, "projects", params
    )
    assert len(rows_of(response.content, fmt)) == 25


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_news_download_follows_the_list_filters_and_leaves_out_drafts(client, fmt):
    argentina = factories.country("AR")
    factories.release("Argentina 2021", countries=[argentina], published_on="2021-05-01")
    factories.release("Argentina 2019", countries=[argentina], published_on="2019-05-01")
    factories.release(
        "Argentina draft", countries=[argentina], published_on="2021-06-01", status="draft"
    )
    factories.release("Elsewhere 2021", published_on="2021-07-01")
    params = {"country": "argentina", "year": "2021"}

    rows = rows_of(download(client, "newsroom", fmt, params).content, fmt)

    assert [row["Title"] for row in rows] == listed(client, "newsroom", params)
    assert [row["Title"] for row in rows] == ["Argentina 2021"]
    assert "Status" not in rows[0] and "Media contacts" not in rows[0]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_downloads_only_what_the_public_sees(role):
    factories.project("Public project", project_code="P.1")
    factories.project("Draft project", project_code="P.2", status="draft")
    factories.release("Public release")
    factories.release("Draft release", status="draft")
    client = client_for(role)

    projects = rows_of(download(client, "projects", "csv", {}).content, "csv")
    releases = rows_of(download(client, "newsroom", "json", {}).content, "json")

    assert [row["Title"] for row in projects] == ["Public project"]
    assert [row["Title"] for row in releases] == ["Public release"]


def test_invalid_filters_are_a_clear_400_not_an_error(client):
    response = download(client, "projects", "csv", {"year_from": "soon"})

    assert response.status_code == 400
    assert "These filters are not valid" in response.content.decode()


def test_an_unknown_format_is_a_404(client):
    assert client.get(reverse("projects:download", kwargs={"fmt": "xlsx"})).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_public_downloads_neutralise_formulas(client, fmt, start):
    title = f'{start}IMPORTXML("http://x")'
    factories.project(title, project_code="P.1", project_type=f"{start}type", budget_usd=10)

    [row] = rows_of(download(client, "projects", fmt, {}).content, fmt)

    assert row["Title"] == "'" + title
    assert row["Project type"] == f"'{start}type"
    assert row["Projects ID"] == "P.1"
    assert float(row["Budget (USD)"]) == 10


def test_the_lists_link_to_their_downloads_with_the_same_filters(client):
    factories.project("Peru project", project_code="P.1", member_states=[factories.country("PE")])

    html = client.get(reverse("projects:list"), {"country": "peru", "page": 1}).content.decode()

    assert f'href="{reverse("projects:download", kwargs={"fmt": "csv"})}?country=peru"' in html
    news = client.get(reverse("newsroom:list")).content.decode()
    assert f'href="{reverse("newsroom:download", kwargs={"fmt": "json"})}"' in news
