"""A Publisher previews a project spreadsheet in a real browser: a long description folds
to its first words, a changed budget reads old → new, and each row stays a row's height."""

import pytest
from django.urls import reverse

from tests import factories

from .conftest import screenshot, signed_in

pytestmark = pytest.mark.django_db(transaction=True)

DESCRIPTION = " ".join(
    f"Paragraph {n}: the project trains border officials in three provinces and "
    "publishes what it learns for the other member states of the region." * 3
    for n in range(20)
)


@pytest.fixture
def publisher_page(browser, live_server):
    with signed_in(browser, live_server, "Publishers", "pia") as (_context, page, _user):
        yield page


def test_a_preview_folds_long_text_and_shows_a_budget_as_old_and_new(
    publisher_page, live_server, tmp_path
):
    factories.project(
        "Border data",
        project_code="PO.1",
        budget_usd=100_000,
        description=DESCRIPTION.replace("Paragraph 19: the project trains", "It trained"),
    )
    path = tmp_path / "projects.csv"
    path.write_text(
        "Projects ID,Title,Description,Budget (USD)\n"
        f'PO.1,Border data,"{DESCRIPTION}",125000\n'
        f'PO.2,Labour mobility,"{DESCRIPTION}",90000\n'
    )
    page = publisher_page
    page.goto(live_server.url + reverse("admin:projects_project_import"))
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", label="csv")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_selector("table.import-preview")
    screenshot(page, "import-preview")

    rows = page.locator("table.import-preview tbody tr")
    assert rows.count() == 2
    heights = [rows.nth(index).bounding_box()["height"] for index in range(2)]
    assert max(heights) < 150
    # The wide table scrolls in its own box; the page keeps the window's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    updated = rows.nth(0)
    assert "100,000 → 125,000" in updated.inner_text().replace("\n", " ")
    description = updated.locator("details").first
    summary = description.locator("summary").inner_text()
    assert summary.startswith("Paragraph 0: the project") and summary.endswith("(3 changes)")
    description.locator("summary").click()
    assert description.locator("ins").first.inner_text() == "Paragraph 19: the project trains"
    assert description.locator("del").first.inner_text() == "It trained"
    assert description.bounding_box()["height"] < 400  # open, it scrolls in its own box
    screenshot(page, "import-preview-open")
