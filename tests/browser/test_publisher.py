"""A Publisher in a real browser: two tabs on one release merged field by field, and a
restore that leaves the release live unless the Publisher says otherwise."""

import pytest
from django.urls import reverse

from iomcms.core.publishing import Status
from iomcms.editorial.revisions import record_versions, versions_of
from tests import factories

from .conftest import screenshot, signed_in

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPHS = [
    "Heavy rains have flooded the Andean valleys for a third week. IOM teams in Cochabamba "
    "and La Paz are registering families who left their homes, and the numbers keep rising "
    "as roads reopen and reach villages that were cut off since the first storms.",
    "Shelters run by the municipalities are full. IOM is providing tents, blankets and "
    "hygiene kits, and is helping the authorities track where displaced people go, so that "
    "aid follows them rather than waiting where they used to be.",
    "The appeal covers three months of assistance for 12,000 people. Donors are asked to "
    "give flexible funds, because needs change quickly as the water recedes in some places "
    "and rises in others.",
]


@pytest.fixture
def publisher(browser, live_server):
    with signed_in(browser, live_server, "Publishers", "lucia") as (context, _page, user):
        yield context, user


def save(page):
    with page.expect_navigation():
        page.click("input[name=_continue]")


def test_two_tabs_merge_field_by_field_and_the_release_stays_published(publisher, live_server):
    context, _user = publisher
    release = factories.release(
        "Floods in the Andes", status=Status.DRAFT, body="\n\n".join(PARAGRAPHS)
    )
    url = live_server.url + reverse("admin:newsroom_newsrelease_change", args=[release.pk])
    first, second = context.new_page(), context.new_page()
    first.goto(url)
    second.goto(url)

    first.select_option("#id_status", Status.PUBLISHED)
    first.fill("#id_summary", "IOM registers families displaced by the floods.")
    theirs = PARAGRAPHS[1].replace("tents, blankets", "tents, water, blankets")
    first.fill("#id_body", "\n\n".join([PARAGRAPHS[0], theirs, PARAGRAPHS[2]]))
    save(first)
    first.wait_for_selector(".messagelist .success")

    second.fill("#id_title", "Floods in the Andes: 12,000 displaced")
    mine = PARAGRAPHS[2].replace("three months", "six months")
    second.fill("#id_body", "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], mine]))
    save(second)
    second.wait_for_selector("table.merge")

    outcome = {
        row.query_selector("th").inner_text(): row.get_attribute("class")
        for row in second.query_selector_all("table.merge tbody tr")
    }
    assert outcome["Title"] == "merge-mine"
    assert outcome["Summary"] == "merge-theirs"
    assert outcome["Status"] == "merge-theirs"
    assert outcome["Body"] == "merge-choose"
    assert second.input_value("#id_summary") == "IOM registers families displaced by the floods."
    screenshot(second, "merge-screen")

    save(second)  # without choosing: a field both changed is never decided silently
    assert "Choose, for each field" in second.inner_text("form .errorlist.nonfield")
    second.check("input[name=merge_body][value=mine]")
    save(second)
    second.wait_for_selector(".messagelist .success")

    release.refresh_from_db()
    assert release.title == "Floods in the Andes: 12,000 displaced"
    assert "six months" in release.body and "tents, water" not in release.body
    assert release.summary == "IOM registers families displaced by the floods."
    assert release.status == Status.PUBLISHED and release.is_live


@pytest.mark.parametrize("ticked", [False, True])
def test_restoring_an_old_draft_asks_before_touching_publication(publisher, live_server, ticked):
    context, user = publisher
    release = factories.release("Floods: first draft", status=Status.DRAFT)
    record_versions([release], user, "first draft")
    release.title, release.status = "Floods in the Andes", Status.PUBLISHED
    release.save()
    record_versions([release], user, "published")
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:newsroom_newsrelease_history", args=[release.pk]))

    page.click("text=Restore…")
    box = page.locator("input[name=restore_publication]")
    assert not box.is_checked()
    publication = page.inner_text("#restore-publication")
    assert "Published" in publication and "Draft" in publication
    assert "goes offline" in publication
    if ticked:
        box.check()
    else:
        screenshot(page, "restore-confirmation")
    with page.expect_navigation():
        page.click("input[value='Restore this version']")
    page.wait_for_selector(".messagelist .success")

    release.refresh_from_db()
    assert release.title == "Floods: first draft"
    assert release.status == (Status.DRAFT if ticked else Status.PUBLISHED)
    assert versions_of(release).count() == 3
