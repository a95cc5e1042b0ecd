"""The site in Spanish, English, Portuguese and French: each page under its language's
prefix, with the switcher and its addresses in the other languages; old addresses sent to
the visitor's language."""

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ("es", "en", "pt", "fr")
# What each language's news list says, that no other language's does.
NEWS_HEADING = {
    "es": "<h1>Noticias</h1>",
    "en": "<h1>News</h1>",
    "pt": "<h1>Notícias</h1>",
    "fr": "<h1>Actualités</h1>",
}


@pytest.fixture
def content():
    argentina = factories.country("AR")
    release = factories.release(
        "Migrants in Argentina", countries=[argentina], contacts=[factories.contact()]
    )
    project = factories.project("Water for migrants", member_states=[argentina])
    return {"release": release, "project": project, "country": argentina}


def address(name, language, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def record_address(record, language):
    with override(language):
        return record.get_absolute_url()


def visitor(accept_language=None):
    """A visitor whose browser asks for `accept_language` (nothing when None)."""
    return Client(headers={"Accept-Language": accept_language or ""})


def public_pages(content):
    """(name, address in `language`) of every kind of public page."""
    return {
        "home": lambda lang: address("site:home", lang),
        "news": lambda lang: address("newsroom:list", lang),
        "release": lambda lang: record_address(content["release"], lang),
        "projects": lambda lang: address("projects:list", lang),
        "project": lambda lang: record_address(content["project"], lang),
        "countries": lambda lang: address("site:countries", lang),
        "country": lambda lang: record_address(content["country"], lang),
        "contacts": lambda lang: address("newsroom:contacts", lang),
        "statements": lambda lang: address("newsroom:statements", lang),
        "search": lambda lang: address("site:search", lang),
    }


# Pages of a translatable record: their switcher and alternates follow the record's
# translations (tests/site/test_record_languages.py).
RECORD_PAGES = ("release", "project")
LIST_OF = {
    "release": lambda lang: address("newsroom:list", lang),
    "project": lambda lang: address("projects:list", lang),
}


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_its_language_offers_the_others_and_lists_them_all(content, language):
    client = visitor()
    for name, at in public_pages(content).items():
        url = at(language)
        assert url.startswith(f"/{language}/"), name
        html = client.get(url).content.decode()
        assert f'<html lang="{language}">' in html, name
        # The switcher: every language named in itself, this one marked as current.
        switcher = re.search(r'<nav class="languages" aria-label="[^"]+">(.*?)</nav>', html, re.S)
        links = re.findall(
            r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+"( aria-current="true")?>', switcher[1]
        )
        assert [(code, bool(current)) for _, code, current in links] == [
            (code, code == language) for code in LANGUAGES
        ], name
        for href, code, _ in links:
            if name in RECORD_PAGES and code not in (language, content[name].language):
                # A language the record lacks: the list in it, saying so.
                target = quote(f"{LIST_OF[name](code)}?missing=1", safe="/")
            else:
                target = at(code)
            assert href.endswith(f"?next={target}"), (name, href)
        for name_in_itself in ("Español", "English", "Português", "Français"):
            assert f">{name_in_itself}</a>" in switcher[1]
        # hreflang: the page in every language, itself included, and x-default.
        alternates = hreflangs(html)
        if name in RECORD_PAGES:
            # A record's page: only the languages it has (this English record, without
            # translations, has English alone), x-default a page that answers.
            own = f"http://testserver{at(content[name].language)}"
            assert alternates == {"en": own, "x-default": own}, name
            continue
        assert alternates == {
            **{code: f"http://testserver{at(code)}" for code in LANGUAGES},
            "x-default": f"http://testserver{at(language).replace(f'/{language}/', '/', 1)}",
        }, name


def test_hreflang_alternates_are_reciprocal_and_answer(content):
    client = visitor()
    for name, at in public_pages(content).items():
        alternates = hreflangs(client.get(at("es")).content.decode())
        for code in LANGUAGES if name not in RECORD_PAGES else ("en", "x-default"):
            response = client.get(alternates[code])
            assert response.status_code == 200, (name, code)
            assert hreflangs(response.content.decode()) == alternates, (name, code)
        if name in RECORD_PAGES:
            continue
        # x-default sends each visitor to their language.
        response = visitor("fr").get(alternates["x-default"])
        assert (response.status_code, response["Location"]) == (301, at("fr")), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_speaks_the_page_language(content, language):
    html = visitor().get(address("newsroom:list", language)).content.decode()
    assert NEWS_HEADING[language] in html
    others = [heading for code, heading in NEWS_HEADING.items() if code != language]
    assert not any(heading in html for heading in others)


def test_spanish_pages_read_as_spanish_visitors_expect(content):
    client = visitor()
    home = client.get(address("site:home", "es")).content.decode()
    assert "<h1>La OIM en América Latina y el Caribe</h1>" in home
    assert "Últimas noticias" in home and "1 comunicado, 1 proyecto" in home
    news = client.get(address("newsroom:list", "es")).content.decode()
    assert "1 comunicado</h2>" in news and "Filtrar noticias" in news
    assert '<option value="" selected>Todos los países</option>' in news
    assert '<option value="-date">Primero los más recientes</option>' in news
    release = client.get(record_address(content["release"], "es")).content.decode()
    assert "Para más información, comuníquese con" in release


def test_an_old_address_is_sent_for_good_to_the_language_the_visitor_chose():
    client = visitor("en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/news/", {"country": "argentina", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == "/fr/news/?country=argentina&page=2"


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [
        ("pt-BR,pt;q=0.9,en;q=0.5", "pt"),
        ("en-GB,en;q=0.8", "en"),
        ("fr-HT", "fr"),
        ("es-CR", "es"),
        ("de-DE,de;q=0.9", "es"),  # none of the site's: Spanish
        (None, "es"),
    ],
)
def test_an_old_address_is_sent_to_the_browser_language_else_spanish(accept_language, language):
    response = visitor(accept_language).get("/projects/?status=active")
    assert response.status_code == 301
    assert response["Location"] == f"/{language}/projects/?status=active"
    # Which language depends on the visitor: no shared cache keeps it for another.
    assert "private" in response["Cache-Control"]
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    home = visitor(accept_language).get("/")
    assert (home.status_code, home["Location"]) == (301, f"/{language}/")


def test_old_release_and_feed_addresses_still_lead_to_them(content):
    release = content["release"]
    response = visitor("es").get(f"/news/{release.slug}/", follow=True)
    assert response.redirect_chain == [(record_address(release, "es"), 301)]
    assert response.status_code == 200
    feed = visitor("en").get("/news/feed/rss/?country=argentina")
    assert feed["Location"] == "/en/news/feed/rss/?country=argentina"


def test_old_address_redirects_are_never_kept_by_the_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    assert visitor("es").get("/news/")["Location"] == "/es/news/"
    assert visitor("en").get("/news/")["Location"] == "/en/news/"
    assert visitor("fr").get("/news/")["Location"] == "/fr/news/"


def test_the_page_cache_serves_each_language_its_own_page(settings, content):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    client = visitor()
    for language in LANGUAGES:
        response = client.get(address("newsroom:list", language))
        assert response["X-Cache"] == "miss"
    for language in LANGUAGES:
        response = client.get(address("newsroom:list", language))
        assert response["X-Cache"] == "hit"
        assert NEWS_HEADING[language] in response.content.decode()
        assert response["Content-Language"] == language
        # The language is in the address: the page does not vary on the browser's.
        assert "Accept-Language" not in response.get("Vary", "")


def test_the_switcher_keeps_the_choice_for_old_addresses():
    client = visitor("es")
    response = client.get(
        reverse("language", args=["pt"]), {"next": address("newsroom:list", "pt") + "?year=2020"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/pt/news/?year=2020"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pt"
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert client.get("/contacts/")["Location"] == "/pt/contacts/"


def test_the_switcher_never_sends_visitors_off_the_site_or_to_an_unknown_language():
    client = visitor()
    response = client.get(reverse("language", args=["fr"]), {"next": "https://example.com/"})
    assert response["Location"] == "/fr/"
    assert client.get(reverse("language", args=["de"]), {"next": "/de/"}).status_code == 400


def test_the_admin_speaks_the_editor_browser_language(editor):
    client = Client(headers={"Accept-Language": "es"})
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert '<html lang="es"' in html
    assert "Flujo editorial" in html and "Horas en" in html  # this site's own words
    assert "Acciones recientes" in html
    client = Client(headers={"Accept-Language": "fr"})
    client.force_login(editor)
    assert "Circuit éditorial" in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize(
    ("language", "day", "budget"),
    [
        ("es", "12 de marzo de 2019", "US$\xa01.250.000,50"),
        ("en", "12 March 2019", "US$ 1,250,000.50"),
        ("pt", "12 de março de 2019", "US$\xa01.250.000,50"),
        ("fr", "12 mars 2019", "1\xa0250\xa0000,50\xa0$\xa0US"),
    ],
)
def test_dates_and_budgets_read_as_each_language_writes_them(language, day, budget):
    from datetime import date

    release = factories.release("Dated", published_on=date(2019, 3, 12))
    project = factories.project("Funded", budget_usd=Decimal("1250000.50"))
    client = visitor()
    html = client.get(record_address(release, language)).content.decode()
    assert f'<time datetime="2019-03-12">{day}</time>' in html
    html = client.get(record_address(project, language)).content.decode()
    assert f"<td>{budget}</td>" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_structured_data_gives_the_record_language(content, language):
    html = visitor().get(record_address(content["release"], language)).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    # The release is written in English, whichever page shows it.
    assert data["inLanguage"] == content["release"].language == "en"
    assert data["url"] == f"http://testserver{record_address(content['release'], language)}"


def test_the_error_pages_speak_the_visitor_language():
    response = visitor("pt").get("/pt/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="pt">' in response.content.decode()
    assert "Página não encontrada" in response.content.decode()
    with override("fr"):
        html = render_to_string("500.html")
    assert '<html lang="fr">' in html and "Une erreur s’est produite" in html


def sitemap(client):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(content):
    entries = sitemap(visitor())
    release = content["release"]
    addresses = {code: f"http://testserver{record_address(release, code)}" for code in LANGUAGES}
    expected = {**addresses, "x-default": f"http://testserver/news/{release.slug}/"}
    for code in LANGUAGES:
        assert entries[addresses[code]] == expected
    home = {code: f"http://testserver/{code}/" for code in LANGUAGES}
    assert all(
        entries[url] == {**home, "x-default": "http://testserver/"} for url in home.values()
    )
    # Every entry in all four languages and x-default.
    assert all(len(alternates) == 5 for alternates in entries.values())
    assert all(re.match(r"http://testserver/(es|en|pt|fr)/", url) for url in entries)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("es", "OIM América Latina y el Caribe — noticias"),
        ("en", "IOM Latin America and the Caribbean — news"),
        ("pt", "OIM América Latina e Caribe — notícias"),
        ("fr", "OIM Amérique latine et Caraïbes — actualités"),
    ],
)
def test_each_language_has_its_news_feed(content, language, title):
    response = visitor().get(address("newsroom:feed_rss", language))
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == language
    assert channel.findtext("title") == title
    assert channel.findtext("link") == f"http://testserver{address('newsroom:list', language)}"
    item = channel.find("item")
    assert (
        item.findtext("link") == f"http://testserver{record_address(content['release'], language)}"
    )
    atom = visitor().get(address("newsroom:feed_atom", language)).content.decode()
    assert f'xml:lang="{language}"' in atom
