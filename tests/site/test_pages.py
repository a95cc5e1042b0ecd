"""Every public page answers, shows what visitors come for and tells machines what it is."""

import json
import re
import struct
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from iomcms.core.publishing import unpublish
from projects.models import ProjectStatus, Region
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    argentina, salvador = factories.country("AR"), factories.country("SV")
    office = factories.office("IOM El Salvador", country=salvador)
    amaya = factories.contact(
        "Alba Miriam Amaya", office=office, phone="+503 2521 0500", email="aamaya@iom.int"
    )
    children = factories.release(
        "IOM, Partners Work with the Americas to Protect Migrant Children",
        location="El Salvador",
        published_on=date(2015, 8, 21),
        countries=[salvador],
        contacts=[amaya],
        body="IOM, UNHCR and ICRC concluded a meeting.\n\nOn migrant children.",
    )
    sibling = factories.release("Another Salvadoran release", countries=[salvador])
    project = factories.project(
        "Argentina: Local Migration Governance",
        member_states=[argentina],
        budget_usd=Decimal("1250000.50"),
        start_year=2022,
        end_year=2024,
        project_status=ProjectStatus.ACTIVE,
        project_code="PO.0181",
        prima_id="AR10P0514",
        idf_region=Region.objects.get(name="Latin America and the Caribbean"),
        coverage="National",
        project_type="Migration Policy Activities",
        funding_year=2021,
    )
    statement = factories.statement(mandate_paragraphs="17", summit_paragraphs="3, 4")
    return {
        "release": children,
        "sibling": sibling,
        "project": project,
        "statement": statement,
        "contact": amaya,
        "country": salvador,
    }


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_shows_latest_news_active_projects_and_where_we_work(client, content):
    html = page(client, reverse("site:home"))
    assert content["release"].title in html
    assert content["project"].title in html
    assert content["country"].get_absolute_url() in html


def test_release_page_shows_dateline_contacts_and_related_news(client, content):
    html = page(client, content["release"].get_absolute_url())
    assert "El Salvador" in html and "21 August 2015" in html
    assert 'href="tel:+50325210500"' in html
    assert 'href="mailto:aamaya@iom.int"' in html
    assert "IOM El Salvador" in html
    assert content["sibling"].title in html  # related: same country


def test_release_page_follows_its_contacts_changes_in_their_order(client, content):
    release, amaya = content["release"], content["contact"]
    rivera = factories.contact("Jorge Rivera", office=amaya.office)
    release.contact_links.update(position=1)
    release.contact_links.create(contact=rivera, position=0)
    html = page(client, release.get_absolute_url())
    assert html.index(f'id="{rivera.slug}"') < html.index(f'id="{amaya.slug}"')

    amaya.name = "Alba Amaya"
    amaya.save()
    unpublish(type(rivera).objects.filter(pk=rivera.pk))
    html = page(client, release.get_absolute_url())
    assert "Alba Amaya" in html and "Jorge Rivera" not in html


def test_related_news_follows_every_change(client, content):
    release, sibling = content["release"], content["sibling"]
    assert sibling.title in page(client, release.get_absolute_url())

    sibling.title = "A renamed Salvadoran release"
    sibling.save()
    newer = factories.release("The newest Salvadoran release", countries=[content["country"]])
    html = page(client, release.get_absolute_url())
    assert "A renamed Salvadoran release" in html and newer.title in html
    # A release never lists itself among the related ones.
    related = client.get(newer.get_absolute_url()).context["related"]
    assert [record.title for record in related] == [
        "A renamed Salvadoran release",
        release.title,
    ]


def test_release_page_carries_news_article_structured_data(client, content):
    data = structured_data(page(client, content["release"].get_absolute_url()))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == content["release"].title
    assert data["datePublished"] == "2015-08-21"


def structured_data(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def test_a_release_without_a_stated_date_says_when_it_went_live_here(client):
    went_live = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    release = factories.release("Undated", location="Panama City", go_live_at=went_live)
    for url in (reverse("site:home"), reverse("newsroom:list"), release.get_absolute_url()):
        assert (
            'Panama City · Published on this site <time datetime="2026-03-03">3 March 2026</time>'
            in page(client, url)
        )
    assert structured_data(page(client, release.get_absolute_url()))["datePublished"] == (
        "2026-03-03T10:00:00+00:00"
    )


def test_a_stated_release_date_is_shown_unlabelled(client, content):
    html = page(client, reverse("newsroom:list"))
    assert 'El Salvador · <time datetime="2015-08-21">21 August 2015</time>' in html
    assert (
        "Published on this site" not in html.split("IOM, Partners Work")[1].split("</article>")[0]
    )


def test_release_structured_data_names_iom_as_author_and_publisher(client, content):
    data = structured_data(page(client, content["release"].get_absolute_url()))
    for role in ("author", "publisher"):
        organization = data[role]
        assert organization["@type"] == "Organization"
        assert organization["name"] == "International Organization for Migration (IOM)"
        assert organization["url"] == "https://www.iom.int/"
        logo = organization["logo"]
        assert logo["@type"] == "ImageObject"
        assert logo["url"].startswith("http://testserver/") and logo["url"].endswith(".png")
        assert (logo["width"], logo["height"]) == (1200, 630)


def test_pages_share_a_raster_image_social_sites_can_show(client, content, settings):
    html = page(client, content["release"].get_absolute_url())
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert image.startswith("http://testserver/") and image.endswith(".png")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta property="og:image:alt" content="' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    path = Path(finders.find(image.split("/static/", 1)[1]))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    assert (width, height) == (1200, 630)


def test_project_page_shows_every_field_with_currency_and_country_links(client, content):
    html = page(client, content["project"].get_absolute_url())
    for text in (
        "2022",
        "2024",
        "Active",
        "Migration Policy Activities",
        "US$ 1,250,000.50",
        "National",
        "2021",
        "Latin America and the Caribbean",
        "AR10P0514",
        "PO.0181",
    ):
        assert text in html, text
    assert f'href="{factories.country("AR").get_absolute_url()}"' in html


def test_contacts_are_listed_by_office(client, content):
    html = page(client, reverse("newsroom:contacts"))
    assert html.index("IOM El Salvador") < html.index("Alba Miriam Amaya")


def test_statement_pages_show_the_mandate_references(client, content):
    assert content["statement"].title in page(client, reverse("newsroom:statements"))
    html = page(client, content["statement"].get_absolute_url())
    assert "17" in html and "3, 4" in html


def test_country_page_gathers_releases_projects_and_contacts(client, content):
    html = page(client, content["country"].get_absolute_url())
    assert content["release"].title in html and "Alba Miriam Amaya" in html
    argentina = page(client, factories.country("AR").get_absolute_url())
    assert content["project"].title in argentina
    listing = page(client, reverse("site:countries"))
    assert "1 project" in listing and "2 releases" in listing


def test_where_we_work_names_each_region_once_with_its_countries_by_name(client):
    html = page(client, reverse("site:countries"))
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == ["Latin America and the Caribbean", "North America", "Europe"]
    sections = dict(zip(headings, html.split("<h2")[1:], strict=True))
    country_link = rf'<a href="{re.escape(reverse("site:countries"))}[^"]+/">([^<]+)</a>'
    caribbean = re.findall(country_link, sections[headings[0]])
    assert len(caribbean) == 33 and caribbean == sorted(caribbean)
    assert caribbean[:2] == ["Antigua and Barbuda", "Argentina"]


def test_search_groups_results_by_type_and_highlights(client, content):
    html = page(client, reverse("site:search") + "?q=migrant+children")
    assert "News releases" in html
    assert content["release"].title in html
    assert "<mark>" in html
    contacts = page(client, reverse("site:search") + "?q=Amaya")
    assert "Media contacts" in contacts and "<mark>Amaya</mark>" in contacts


def test_search_escapes_what_visitors_type(client, content):
    html = page(client, reverse("site:search") + "?q=<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize(
    "name",
    [
        "site:home",
        "newsroom:list",
        "projects:list",
        "site:countries",
        "newsroom:contacts",
        "newsroom:statements",
        "site:search",
    ],
)
def test_every_page_has_canonical_description_and_open_graph(client, content, name):
    html = page(client, reverse(name))
    assert '<link rel="canonical" href="http://testserver' in html
    assert '<meta name="description" content="' in html
    for tag in ("og:title", "og:description", "og:url", "og:type"):
        assert f'property="{tag}"' in html
    assert '<a class="skip-link" href="#main">' in html


def test_detail_pages_describe_themselves(client, content):
    html = page(client, content["release"].get_absolute_url())
    assert f'<meta property="og:title" content="{content["release"].title}">' in html
    assert 'content="article"' in html


def test_robots_points_to_the_sitemap(client):
    text = page(client, reverse("robots"))
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_is_friendly_and_needs_no_context(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert "css/site.css" in html and "<script" not in html
