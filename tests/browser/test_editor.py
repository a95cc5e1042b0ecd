"""An editor in a real browser: two tabs on one release, both saved; the second tab is
refused with what changed, and keeps what was typed in it."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from iomcms.publishing import Status
from tests import factories

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def editors_group():
    """Transactional tests empty the database: put the Editors group back."""
    migration = importlib.import_module("newsroom.migrations.0002_editorial_groups")
    migration.create_groups(apps, None)


@pytest.fixture
def logged_in_context(browser, live_server):
    editors_group()
    editor = factories.user_in("Editors", username="ana")
    editor.set_password("a-long-test-password")
    editor.save()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield context
    context.close()


def test_an_editor_saving_two_tabs_sees_the_conflict_and_keeps_the_text(
    logged_in_context, live_server
):
    release = factories.release(
        "Migrants stranded at the border", status=Status.DRAFT, body="First draft."
    )
    url = live_server.url + reverse("admin:newsroom_newsrelease_change", args=[release.pk])
    first, second = logged_in_context.new_page(), logged_in_context.new_page()
    first.goto(url)
    second.goto(url)

    first.fill("#id_title", "Migrants stranded at the border: IOM responds")
    first.click("input[name=_continue]")
    first.wait_for_selector(".messagelist .success")

    second.fill("#id_body", "A rewrite typed in the second tab.")
    with second.expect_navigation():
        second.click("input[name=_continue]")
    second.wait_for_selector(".conflict")

    assert "after you opened it" in second.inner_text("form .errorlist.nonfield")
    assert "IOM responds" in second.inner_text(".conflict")
    assert second.input_value("#id_body") == "A rewrite typed in the second tab."
    release.refresh_from_db()
    assert release.title == "Migrants stranded at the border: IOM responds"
    assert release.body == "First draft."
    screenshot(second, "editor-conflict")

    second.click("input[name=_continue]")  # having read it, keep the second tab's text
    second.wait_for_selector(".messagelist .success")
    release.refresh_from_db()
    assert release.body == "A rewrite typed in the second tab."
    assert release.title == "Migrants stranded at the border: IOM responds"  # and the first's
