"""A real browser (Debian's Chromium, driven by Playwright) against a live test server."""

import importlib
import os
import shutil
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from projects.models import ProjectStatus, Region
from tests import factories

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
# The browser's language (its Accept-Language), unless a test asks for another: the site
# and the admin answer in it.
ENGLISH = "en-US"

# Playwright's synchronous API runs an event loop in this thread; the ORM calls the tests
# make between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is needed for the browser tests: install it ({CHROMIUM}).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-gpu",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": WIDTHS["desktop"], "height": 900}, locale=ENGLISH
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(live_server):
    """The five source pages' content, plus projects enough for the filters to bite."""
    restore_countries()
    call_command("loaddata", "fixtures/content.json", verbosity=0)
    region = Region.objects.get(name="Latin America and the Caribbean")
    peru, chile = factories.country("PE"), factories.country("CL")
    factories.project(
        "Andean Labour Mobility",
        project_status=ProjectStatus.ACTIVE,
        idf_region=region,
        member_states=[peru, chile],
        budget_usd=Decimal("450000"),
        start_year=2023,
        end_year=2026,
    )
    factories.project(
        "Caribbean Border Data",
        project_status=ProjectStatus.ACTIVE,
        idf_region=Region.objects.get(name="North America"),
        budget_usd=Decimal("120000"),
        start_year=2024,
        end_year=2025,
    )
    return live_server.url


def restore_countries():
    """Browser tests run against a live server, so their database is emptied after each
    test; put back the reference countries the migrations install."""
    migration = importlib.import_module("projects.migrations.0002_regions_and_countries")
    migration.add_countries(apps, None)


def restore_groups():
    """Transactional tests empty the database: put the editorial groups and their rights
    back, as the migrations made them."""
    importlib.import_module("newsroom.migrations.0002_editorial_groups").create_groups(apps, None)
    importlib.import_module("newsroom.migrations.0007_import_export_permissions").grant(apps, None)


@contextmanager
def signed_in(browser, live_server, group, username):
    """A browser context signed in to the admin as a new member of `group`: yields the
    context, its first page (on the admin home) and the user."""
    restore_groups()
    user = factories.user_in(group, username=username)
    user.set_password("a-long-test-password")
    user.save()
    context = browser.new_context(
        viewport={"width": WIDTHS["desktop"], "height": 900}, locale=ENGLISH
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    try:
        yield context, page, user
    finally:
        context.close()


def screenshot(page, name):
    """Save the page at desktop and phone widths under var/screenshots/ for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
