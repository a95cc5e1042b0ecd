"""Lists, the home page, country pages and feeds show the visitor's language first, with a
way to see every language; a list falls back to every language when it has nothing in the
page's."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from tests import factories
from tests.site.test_query_counts import LIST_PAGES

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with override(language):
        return reverse(name, args=args)


@pytest.fixture
def bilingual():
    argentina = factories.country("AR")
    spanish = factories.release("Trata de personas", countries=[argentina], language="es")
    english = factories.release(
        "Human trafficking",
        countries=[argentina],
        language="en",
        translation_key=spanish.translation_key,
    )
    only_english = factories.release("Labour migration", countries=[argentina], language="en")
    factories.project("Proyecto de retorno", language="es")
    factories.project("Return project", language="en")
    factories.statement("Declaración", language="es")
    factories.statement("Statement", language="en")
    return {"es": spanish, "en": english, "only_en": only_english, "country": argentina}


@pytest.mark.parametrize(
    ("name", "spanish", "english"),
    [
        ("newsroom:list", "Trata de personas", "Human trafficking"),
        ("projects:list", "Proyecto de retorno", "Return project"),
        ("newsroom:statements", "Declaración", "Statement"),
    ],
)
def test_a_list_shows_the_page_language_with_a_way_to_every_language(
    client, bilingual, name, spanish, english
):
    page = client.get(url(name, "es")).content.decode()
    assert spanish in page and english not in page
    assert "Mostrando elementos en español" in page
    everything = client.get(url(name, "es") + "?language=").content.decode()
    assert spanish in everything and english in everything
    assert "Mostrando elementos" not in everything
    english_page = client.get(url(name, "en")).content.decode()
    assert english in english_page and spanish not in english_page


def test_the_news_list_filters_by_language_as_a_facet(client, bilingual):
    response = client.get(url("newsroom:list", "es"))
    assert response.context["paginator"].count == 1
    options = dict(response.context["filter"].form.fields["language"].choices)
    assert options["es"] == "Español (1)" and options["en"] == "Inglés (2)"
    assert "Mostrar todos los idiomas (3)" in response.content.decode()
    french = client.get(url("newsroom:list", "es") + "?language=en")
    assert french.context["paginator"].count == 2


def test_a_list_with_nothing_in_the_page_language_shows_every_language(client, bilingual):
    page = client.get(url("newsroom:list", "fr")).content.decode()
    assert "Trata de personas" in page and "Human trafficking" in page
    assert "Rien ici n’est encore en français" in page


def test_a_list_says_the_record_was_missing_in_its_language(client, bilingual):
    page = client.get(url("newsroom:list", "en") + "?missing=1").content.decode()
    assert "The page you were reading is not available in English" in page


@pytest.mark.parametrize("name", ["newsroom:list", "projects:list", "newsroom:statements"])
def test_the_default_language_list_costs_the_same_queries(
    client, bilingual, name, django_assert_num_queries
):
    address = url(name, "es")
    assert client.get(address).status_code == 200  # builds the facet indexes
    with django_assert_num_queries(LIST_PAGES[name]):
        response = client.get(address)
    assert "Mostrando elementos en español" in response.content.decode()


def test_the_home_page_and_country_pages_follow_the_page_language(client, bilingual):
    home = client.get(url("site:home", "es"))
    assert [release.title for release in home.context["latest_releases"]] == ["Trata de personas"]
    country = client.get(url("site:country", "es", bilingual["country"].slug))
    assert [release.title for release in country.context["releases"]] == ["Trata de personas"]
    french = client.get(url("site:home", "fr")).content.decode()
    assert "Human trafficking" in french and "Trata de personas" in french
    assert "Pas encore d’actualités en français" in french


def test_a_feed_in_a_language_lists_that_language(client, bilingual):
    feed = client.get(url("newsroom:feed_rss", "es")).content.decode()
    assert "Trata de personas" in feed and "Human trafficking" not in feed
    english = client.get(url("newsroom:feed_rss", "en")).content.decode()
    assert "Human trafficking" in english and "Trata de personas" not in english


def test_country_names_read_in_the_page_language(client):
    brazil = factories.country("BR")
    brazil.name = "Brazil (Federative Republic)"  # as an editor typed it
    brazil.save()
    factories.release("Migración en Brasil", countries=[brazil], language="es")
    spanish = client.get(url("site:country", "es", brazil.slug)).content.decode()
    assert "<h1>Brasil</h1>" in spanish
    french = client.get(url("newsroom:list", "fr") + "?language=").content.decode()
    assert ">Brésil (1)</option>" in french
    english = client.get(url("site:country", "en", brazil.slug)).content.decode()
    assert "<h1>Brazil (Federative Republic)</h1>" in english
    news = client.get(url("newsroom:list", "en") + "?language=").content.decode()
    assert ">Brazil (Federative Republic) (1)</option>" in news


def test_the_page_language_is_no_filter_the_visitor_chose(client, bilingual):
    page = client.get(url("newsroom:list", "es")).content.decode()
    assert "activo)" not in page
    chosen = client.get(url("newsroom:list", "es") + "?language=es&country=argentina")
    assert "Filtrar noticias (1 activo)" in chosen.content.decode()
