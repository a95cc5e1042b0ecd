"""Search in the visitor's language and across languages: each record's words are found in
any of their forms, accents or none, on PostgreSQL and SQLite alike; the page's language
comes first, and a visitor may keep to it."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from iomcms.core.search import fts_query, highlight, search_stems
from iomcms.site.views import search_site
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def releases():
    """A release in Spanish and its English translation, and an older English one."""
    older = factories.release(
        "Migrant workers in the Andes",
        language="en",
        body="Migrant workers crossed the mountains for the harvest.",
    )
    spanish = factories.release(
        "Una niña migrante llega a Tapachula",
        language="es",
        body="La migración de la niña migrante y su familia terminó en la frontera sur.",
    )
    english = factories.translated_release(
        spanish,
        "A migrant girl reaches Tapachula",
        body="The girl's migration with her family ended at the southern border.",
    )
    return {"spanish": spanish, "english": english, "older": older}


def titles(text, **options):
    group = next(group for group in search_site(text, **options) if group.name == "News releases")
    return [hit.record.title for hit in group.hits]


@pytest.mark.parametrize(
    "words",
    [
        "migrantes",  # another inflection: plural for singular
        "niñas",
        "migracion",  # no accent for the accent written
        "NIÑA Tapachula",
        "ninas migrantes",
    ],
)
def test_a_spanish_word_in_another_form_finds_the_spanish_release(releases, words):
    assert "Una niña migrante llega a Tapachula" in titles(words)


def test_a_search_finds_records_in_every_language(releases):
    assert sorted(titles("Tapachula")) == [
        "A migrant girl reaches Tapachula",
        "Una niña migrante llega a Tapachula",
    ]


def test_the_pages_language_comes_first_then_the_others(releases):
    assert titles("migrant", first="es")[0] == "Una niña migrante llega a Tapachula"
    found = titles("migrant", first="en")
    assert found[-1] == "Una niña migrante llega a Tapachula"
    assert set(found[:2]) == {"A migrant girl reaches Tapachula", "Migrant workers in the Andes"}


def test_a_visitor_may_keep_to_the_pages_language(releases):
    assert titles("Tapachula", only="es") == ["Una niña migrante llega a Tapachula"]
    assert titles("Tapachula", only="en") == ["A migrant girl reaches Tapachula"]


def search_page(client, language, query):
    with override(language):
        url = reverse("site:search")
    return client.get(url, query)


def test_spanish_search_page_shows_the_spanish_release_first_and_marks_the_others(
    client, releases
):
    response = search_page(client, "es", {"q": "migrantes"})
    hits = [hit.record for group in response.context["groups"] for hit in group.hits]
    assert hits[0] == releases["spanish"]
    assert set(hits[1:]) == {releases["english"], releases["older"]}
    html = response.content.decode()
    # The Spanish release shows no language; the English ones say so, in Spanish.
    assert html.count('<li lang="en">') == 2
    assert html.count('<span class="meta" lang="es">(Inglés)</span>') == 2
    assert "<mark>migrante</mark>" in html


def test_spanish_search_page_can_keep_to_spanish(client, releases):
    response = search_page(client, "es", {"q": "migrantes", "language": "es"})
    hits = [hit.record for group in response.context["groups"] for hit in group.hits]
    assert hits == [releases["spanish"]]
    html = response.content.decode()
    assert '<input type="radio" name="language" value="es" checked>' in html
    assert "Solo en español" in html


def test_another_languages_choice_reads_as_every_language(client, releases):
    # A link from the English page ("only in English") opened in Spanish by the switcher.
    response = search_page(client, "es", {"q": "migrantes", "language": "en"})
    assert response.status_code == 200
    assert len([hit for group in response.context["groups"] for hit in group.hits]) == 3
    assert '<input type="radio" name="language" value="" checked>' in response.content.decode()


def test_sqlites_index_holds_stems_with_accents_folded():
    assert search_stems("es", "Las niñas migrantes; migración") == "las nin migrant migracion"
    assert search_stems("en", "Migrants crossing") == "migrant cross"
    # The words searched for, stemmed in every language, any language's reading matching.
    assert fts_query("niñas") == '("nina") OR ("nin")'


def test_excerpts_mark_the_words_in_any_of_their_forms():
    excerpt = highlight("La niña migrante cruzó la frontera.", "niñas migrantes")
    assert excerpt == "La <mark>niña</mark> <mark>migrante</mark> cruzó la frontera."


def test_an_excerpt_opens_at_the_first_form_of_a_word_searched_for():
    body = "Un informe largo. " * 40 + "Las niñas migrantes llegaron."
    excerpt = highlight(body, "migracion niña")
    assert excerpt.startswith("…")
    assert "<mark>niñas</mark> migrantes" in excerpt
