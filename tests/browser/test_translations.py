"""A Spanish-speaking visitor reads a release in Spanish, switches to its English
translation and filters the Spanish list; the Spanish release page passes the
accessibility scan."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from .conftest import WIDTHS

pytestmark = pytest.mark.django_db(transaction=True)

SPANISH = "Unidos para combatir la trata de personas en Argentina"
ENGLISH = "Uniting to Combat Human Trafficking in Argentina"
# Where the pages are saved for people to look at, when asked.
SHOTS = os.environ.get("TRANSLATION_SHOTS")


@pytest.fixture
def spanish_page(browser):
    context = browser.new_context(
        viewport={"width": WIDTHS["desktop"], "height": 900}, locale="es-AR"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def translated_site(site):
    """The site's content with the Spanish translation of an English release."""
    call_command("loaddata", "fixtures/translations.json", verbosity=0)
    return site


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_spanish_visitor_reads_a_release_switches_to_its_translation_and_filters(
    spanish_page, translated_site
):
    page, site = spanish_page, translated_site
    page.goto(site + "/")
    assert page.url == site + "/es/"
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Noticias").click()
    assert page.url == site + "/es/news/"
    # The Spanish list: the Spanish release alone, every language a link away.
    assert page.get_by_role("heading", name="1 comunicado").is_visible()
    assert page.get_by_role("link", name="Mostrar todos los idiomas (4)").is_visible()
    shot(page, "es-news")

    page.get_by_role("link", name=SPANISH).click()
    assert page.get_by_role("heading", level=1).inner_text() == SPANISH
    also = page.locator("p.also-in")
    assert also.inner_text() == "También en: English"
    assert also.get_by_role("link").get_attribute("hreflang") == "en"
    axe = Axe()
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe.run(page).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    shot(page, "es-release")

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    assert page.url == site + "/en/news/uniting-to-combat-human-trafficking-in-argentina/"
    assert page.get_by_role("heading", level=1).inner_text() == ENGLISH
    assert page.locator("p.also-in").inner_text() == "Also in: Español"

    page.goto(site + "/es/news/")
    page.get_by_label("País").select_option("argentina")
    page.get_by_role("button", name="Aplicar filtros").click()
    assert page.get_by_role("heading", name="1 comunicado").is_visible()
    assert page.get_by_role("link", name=SPANISH).is_visible()
    # Argentina's in every language: the pair and another English release.
    page.get_by_role("link", name="Mostrar todos los idiomas (3)").click()
    assert page.get_by_role("heading", name="3 comunicados").is_visible()
    assert page.get_by_role("link", name=ENGLISH).is_visible()
    shot(page, "es-news-every-language")
