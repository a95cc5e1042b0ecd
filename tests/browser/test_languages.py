"""A Spanish-speaking visitor: sent to the Spanish site, reading it in Spanish, switching
to English; the Spanish pages pass the accessibility scan."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import WIDTHS, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SALVADOR_RELEASE = "news/iom-partners-work-with-the-americas-to-protect-migrant-children/"


@pytest.fixture
def spanish_page(browser):
    """A browser whose language is Spanish (Costa Rica), as most of the region's are."""
    context = browser.new_context(
        viewport={"width": WIDTHS["desktop"], "height": 900}, locale="es-CR"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_spanish_visitor_lands_in_spanish_and_switches_to_english(spanish_page, site):
    page = spanish_page
    page.goto(site + "/")
    assert page.url == site + "/es/"
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "La OIM en América Latina y el Caribe"
    )
    screenshot(page, "es-home")
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Noticias").click()
    assert page.url == site + "/es/news/"
    page.get_by_label("País").select_option("el-salvador")
    page.get_by_role("button", name="Aplicar filtros").click()
    assert page.get_by_role("heading", name="1 comunicado").is_visible()
    screenshot(page, "es-news-filtered")

    languages = page.get_by_role("navigation", name="Idioma")
    assert languages.get_by_role("link", name="Español").get_attribute("aria-current") == "true"
    languages.get_by_role("link", name="English").click()
    assert page.url.startswith(site + "/en/news/?") and "country=el-salvador" in page.url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="1 release").is_visible()
    # The choice is kept: an old address now opens in English, whatever the browser asks.
    page.goto(site + "/projects/")
    assert page.url == site + "/en/projects/"


def test_the_spanish_pages_pass_an_accessibility_scan(spanish_page, site):
    page = spanish_page
    axe = Axe()
    problems = {}
    for name, path in {
        "home": "/es/",
        "news": "/es/news/",
        "release": f"/es/{SALVADOR_RELEASE}",
        "projects": "/es/projects/",
    }.items():
        page.goto(site + path)
        screenshot(page, f"es-page-{name}")
        for width in WIDTHS.values():
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe.run(page).response["violations"]
            serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
            if serious:
                problems[f"{name}@{width}"] = serious
    assert problems == {}
