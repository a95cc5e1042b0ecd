"""An editor in a real browser: two tabs on one release, both saved; the second tab is
refused with what changed, and keeps what was typed in it."""

import pytest
from django.urls import reverse

from iomcms.core.publishing import Status
from tests import factories

from .conftest import screenshot, signed_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def logged_in_context(browser, live_server):
    with signed_in(browser, live_server, "Editors", "ana") as (context, _page, _user):
        yield context


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
