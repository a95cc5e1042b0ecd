"""A record's page links to its published translations, read in the page's own query; the
switcher goes to the translation, else to the list in that language with a note; its
hreflang alternates name only the languages the record has."""

import json
import re
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from iomcms.core.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db


def at(record, language):
    with override(language):
        return record.get_absolute_url()


@pytest.fixture
def pair():
    argentina = factories.country("AR")
    spanish = factories.release("Trata de personas", countries=[argentina], language="es")
    english = factories.release(
        "Human trafficking",
        countries=[argentina],
        language="en",
        translation_key=spanish.translation_key,
    )
    # A draft translation is no link.
    factories.release(
        "Tráfico de pessoas",
        language="pt",
        status=Status.DRAFT,
        translation_key=spanish.translation_key,
    )
    return spanish, english


def switcher(html):
    nav = re.search(r'<nav class="languages" aria-label="[^"]+">(.*?)</nav>', html, re.S)[1]
    return {
        code: unquote(href.split("?next=", 1)[1])
        for href, code in re.findall(r'<a href="([^"]+)" hreflang="([\w-]+)"', nav)
    }


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_release_links_to_its_published_translations(client, pair):
    spanish, english = pair
    html = Client().get(at(spanish, "es")).content.decode()
    also = re.search(r'<p class="also-in">(.*?)</p>', html)[1]
    assert f'<a href="{at(english, "en")}" hreflang="en" lang="en">English</a>' in also
    assert "pt" not in also and "Trata" not in also
    # The Spanish release on its Spanish page needs no lang of its own.
    assert '<div class="body">' in html
    english_page = Client().get(at(spanish, "en")).content.decode()
    assert '<div class="body" lang="es">' in english_page
    assert '<h1 lang="es">Trata de personas</h1>' in english_page


def test_a_release_translation_is_not_related_news(pair):
    spanish, english = pair
    page = Client().get(at(spanish, "es"))
    assert english not in page.context["related"]


def test_a_release_page_reads_its_translations_in_its_own_query(
    client, pair, django_assert_num_queries
):
    spanish, _ = pair
    address = at(spanish, "es")
    client.get(address)  # builds the facet indexes
    with django_assert_num_queries(1):
        page = client.get(address)
    assert page.context["record_languages"].others() == [("en", at(pair[1], "en"))]


def test_the_switcher_goes_to_the_translation_else_to_the_list_saying_so(pair):
    spanish, english = pair
    links = switcher(Client().get(at(spanish, "es")).content.decode())
    assert links["en"] == at(english, "en")
    assert links["es"] == at(spanish, "es")
    with override("fr"):
        assert links["fr"] == reverse("newsroom:list") + "?missing=1"
    note = Client().get(links["fr"]).content.decode()
    assert "La page que vous lisiez n’existe pas en français" in note


def test_alternates_name_the_record_languages_reciprocally_and_answer(pair):
    spanish, english = pair
    client = Client()
    alternates = hreflangs(client.get(at(spanish, "es")).content.decode())
    assert alternates == {
        "es": f"http://testserver{at(spanish, 'es')}",
        "en": f"http://testserver{at(english, 'en')}",
        "x-default": f"http://testserver{at(spanish, 'es')}",
    }
    for href in alternates.values():
        response = client.get(href)
        assert response.status_code == 200
        assert hreflangs(response.content.decode()) == alternates


def test_structured_data_gives_the_record_language(pair):
    spanish, _ = pair
    html = Client().get(at(spanish, "en")).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert data["inLanguage"] == "es"


def test_statements_and_projects_link_to_their_translations():
    declaration = factories.statement("Declaración", language="es")
    statement = factories.statement(
        "Statement", language="en", translation_key=declaration.translation_key
    )
    proyecto = factories.project("Proyecto", language="es")
    project = factories.project(
        "Project",
        language="en",
        translation_key=proyecto.translation_key,
        project_code=proyecto.project_code,
    )
    for source, translation in ((declaration, statement), (proyecto, project)):
        html = Client().get(at(source, "es")).content.decode()
        assert f'<a href="{at(translation, "en")}" hreflang="en" lang="en">English</a>' in html
        assert switcher(html)["en"] == at(translation, "en")
