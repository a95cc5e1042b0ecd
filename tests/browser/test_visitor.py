"""What visitors do in a browser: browse, filter, read, search — on every page type, with
screenshots saved and an accessibility scan."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import SCREENSHOTS, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SALVADOR_RELEASE = "/news/iom-partners-work-with-the-americas-to-protect-migrant-children/"


def test_visitor_filters_news_by_country_and_reaches_a_contact(page, site):
    page.goto(site)
    screenshot(page, "home")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    page.get_by_label("Country").select_option("el-salvador")
    page.get_by_role("button", name="Apply filters").click()
    screenshot(page, "news-filtered")
    assert "country=el-salvador" in page.url
    assert page.get_by_role("heading", name="1 release").is_visible()

    page.get_by_role("link", name="IOM, Partners Work with the Americas").click()
    screenshot(page, "release")
    mail = page.get_by_role("link", name="aamaya@iom.int")
    assert mail.get_attribute("href") == "mailto:aamaya@iom.int"
    assert (
        page.get_by_role("link", name="+503 2521 0500").get_attribute("href") == "tel:+50325210500"
    )


def test_visitor_filters_projects_and_sees_the_totals_change(page, site):
    page.goto(site + "/projects/")
    totals = page.get_by_test_id("project-count")
    assert totals.inner_text() == "3"
    page.get_by_label("Project status").select_option("active")
    page.get_by_role("button", name="Apply filters").click()
    assert totals.inner_text() == "2"
    page.get_by_label("IDF region").select_option("latin-america-and-the-caribbean")
    page.get_by_role("button", name="Apply filters").click()
    screenshot(page, "projects-filtered")
    assert totals.inner_text() == "1"
    assert page.get_by_test_id("project-budget").inner_text() == "US$ 450,000"
    assert re.search(r"status=active.*region=latin-america-and-the-caribbean", page.url)

    page.get_by_role("link", name="Andean Labour Mobility").click()
    screenshot(page, "project")
    assert page.get_by_role("link", name="Peru").is_visible()


def test_visitor_searches_and_lands_on_the_el_salvador_release(page, site):
    page.goto(site)
    page.get_by_role("search").get_by_role("searchbox").fill("migrant children")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    screenshot(page, "search")
    assert page.locator("mark").count() > 0
    page.locator(".result-group").first.get_by_role("link").first.click()
    assert page.url.endswith(SALVADOR_RELEASE)


PAGE_TYPES = {
    "home": "/",
    "news": "/news/",
    "release": SALVADOR_RELEASE,
    "projects": "/projects/",
    "project": None,  # the imported project, found from the list
    "countries": "/countries/",
    "country": "/countries/argentina/",
    "contacts": "/contacts/",
    "statements": "/statements/",
    "statement": "/statements/iom-statement-2011-06-21/",
    "search": "/search/?q=migrant+children",
    "not-found": "/no-such-page/",
}


def test_every_page_type_passes_an_accessibility_scan(page, site):
    axe = Axe()
    problems = {}
    for name, path in PAGE_TYPES.items():
        if path is None:
            page.goto(site + "/projects/")
            page.get_by_role("link", name=re.compile("^Argentina: Strengthening")).click()
        else:
            page.goto(site + path)
        screenshot(page, f"page-{name}")
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe.run(page).response["violations"]
            serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
            if serious:
                problems[f"{name}@{width}"] = serious
    assert problems == {}


def test_every_page_is_reachable_from_home_by_clicking(page, site):
    page.goto(site)
    for link, heading in [
        ("News", "News"),
        ("Projects", "Projects"),
        ("Where we work", "Where we work"),
        ("Statements", "Statements"),
        ("Media contacts", "Media contacts"),
    ]:
        page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
    page.get_by_role("link", name="Statements").first.click()
    page.get_by_role("link", name="IOM statement of 21 June 2011").click()
    assert page.get_by_text("Mandate paragraphs").is_visible()


def test_release_page_prints_without_navigation(page, site):
    page.goto(site + SALVADOR_RELEASE)
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()


def test_on_a_phone_filters_fold_so_the_first_project_shows_on_the_first_screen(page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/projects/?status=active&region=latin-america-and-the-caribbean")
    fold = page.get_by_text("Filter projects (2 active)")
    assert fold.is_visible()
    assert not page.get_by_label("Project status").is_visible()
    first = page.locator("article.item").first
    assert first.bounding_box()["y"] + 40 < 844  # its title is on the first screen
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "projects-phone-folded.png")

    fold.click()  # open them, change one, and the list follows
    page.get_by_label("Project status").select_option("")
    page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_text("Filter projects (1 active)").is_visible()
    assert page.get_by_test_id("project-count").inner_text() == "2"
    page.get_by_text("Filter projects (1 active)").click()
    page.screenshot(path=SCREENSHOTS / "projects-phone-open.png", full_page=True)


def test_on_a_wide_screen_filters_are_open(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/news/")
    assert page.get_by_label("Country").is_visible()
    assert page.get_by_role("button", name="Apply filters").is_visible()
    page.screenshot(path=SCREENSHOTS / "news-desktop-filters-open.png")
