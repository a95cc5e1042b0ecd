"""Spreadsheets in the admin: who sees the buttons, the preview an editor confirms, exports
that follow the changelist, and files that are refused with a reason."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from iomcms.core.registry import spreadsheets
from iomcms.spreadsheets.resources import FORMATS
from projects.models import Project
from projects.resources import ProjectResource
from tests import factories
from tests.projects.test_resources import FORMULA_STARTS, rows_of

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:projects_project_import"
EXPORT_URL = "admin:projects_project_export"
FORMAT_INDEX = {fmt().get_extension(): str(index) for index, fmt in enumerate(FORMATS)}


def client_for(role):
    client = Client()
    if role == "staff":
        user = User.objects.create_user("staff", password="pw", is_staff=True)
        client.force_login(user)
    elif role in ("Editors", "Publishers"):
        client.force_login(factories.user_in(role))
    return client


def upload(client, content, name="projects.csv", fmt="csv"):
    return client.post(
        reverse(IMPORT_URL),
        {
            "resource": "0",
            "format": FORMAT_INDEX[fmt],
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def export(client, fmt="csv", query=""):
    fields = {f"projectresource_{name}": "on" for name in ProjectResource().get_export_order()}
    return client.post(
        reverse(EXPORT_URL) + query, {"format": FORMAT_INDEX[fmt], "resource": "0", **fields}
    )


CSV_FILE = (
    b"Projects ID,Title,Budget (USD),Benefiting member states\n"
    b"PO.1,Water for <b>Lima</b>,100,PE\n"
    b"PO.2,Roads,200,AR|CL\n"
)


@pytest.mark.parametrize(
    ("role", "can_import", "can_export"),
    [
        ("anonymous", False, False),
        ("staff", False, False),
        ("Editors", False, True),
        ("Publishers", True, True),
    ],
)
def test_each_role_imports_and_exports_only_as_allowed(role, can_import, can_export):
    factories.project("Published", project_code="PO.9")
    client = client_for(role)

    import_page = client.get(reverse(IMPORT_URL))
    export_page = client.get(reverse(EXPORT_URL))
    changelist = client.get(reverse("admin:projects_project_changelist"))

    def allowed(response):
        return response.status_code == 200

    assert allowed(import_page) is can_import
    assert allowed(export_page) is can_export
    if role == "anonymous":
        assert import_page.status_code == 302  # to the login page
    elif role == "staff":
        assert import_page.status_code == 403 and export_page.status_code == 403
    else:
        html = changelist.content.decode()
        assert (reverse(IMPORT_URL) in html) is can_import
        assert (reverse(EXPORT_URL) in html) is can_export
    assert (upload(client, CSV_FILE).status_code == 200) is can_import
    assert not Project.objects.filter(project_code="PO.1").exists()


def test_a_publisher_sees_totals_and_a_diff_then_confirms(publisher_client):
    factories.project("Roads", project_code="PO.2", budget_usd=150)
    factories.project("Unchanged", project_code="PO.3", budget_usd=1)

    preview = upload(publisher_client, CSV_FILE + b"PO.3,Unchanged,1,\n")

    html = preview.content.decode()
    assert "1 new, 1 updated, 1 unchanged, 0 with errors." in html
    assert "Water for &lt;b&gt;Lima&lt;/b&gt;" in html
    assert "<b>Lima</b>" not in html
    assert "<ins" in html and "<del" in html  # the per-row diff of the changed budget
    assert not Project.objects.filter(project_code="PO.1").exists()

    confirm = preview.context["confirm_form"].initial
    done = publisher_client.post(
        reverse("admin:projects_project_process_import"), {**confirm, "confirm": "1"}
    )

    assert done.status_code == 302
    assert Project.objects.get(project_code="PO.2").budget_usd == Decimal("200")
    assert sorted(
        Project.objects.get(project_code="PO.2").member_states.values_list("iso_code", flat=True)
    ) == ["AR", "CL"]
    assert Project.objects.get(project_code="PO.1").title == "Water for <b>Lima</b>"


def test_a_preview_shows_a_changed_number_as_old_and_new_not_character_by_character(
    publisher_client,
):
    factories.project("Roads", project_code="PO.2", budget_usd=Decimal("1250000.50"))

    preview = upload(publisher_client, b"Projects ID,Title,Budget (USD)\nPO.2,Roads,1300000\n")

    assert "<del>1,250,000.50</del> → <ins>1,300,000</ins>" in preview.content.decode()


def test_a_preview_folds_a_long_text_to_its_first_words_and_marks_changed_words(
    publisher_client,
):
    old = "Border officials in three provinces learn to register arrivals. " * 10
    factories.project("Roads", project_code="PO.2", description=old)
    new = old.replace("three provinces", "four provinces", 1)

    preview = upload(
        publisher_client, f'Projects ID,Title,Description\nPO.2,Roads,"{new}"\n'.encode()
    )

    [cell] = [
        cell for cell in preview.context["result"].valid_rows()[0].diff if "<details" in cell
    ]
    summary = cell[cell.index("<summary>") + 9 : cell.index("</summary>")]
    assert summary.startswith("Border officials in four provinces learn")
    assert len(summary) < 200 and summary.endswith("(1 change)</span>")
    assert "<del>three</del> <ins>four</ins>" in cell


def test_a_row_with_errors_shows_its_long_text_folded(publisher_client):
    description = "A long description of the project. " * 20

    preview = upload(
        publisher_client,
        f'Projects ID,Title,Description,Budget (USD)\nPO.2,Roads,"{description}",lots\n'.encode(),
    )

    [row] = preview.context["result"].invalid_rows
    assert '<details class="import-cell">' in preview.content.decode()
    assert any(str(value).startswith('<details class="import-cell">') for value in row.values)


@pytest.mark.parametrize(
    ("name", "url", "sheet"),
    [
        ("projects", EXPORT_URL, "Projects"),
        ("releases", "admin:newsroom_newsrelease_export", "News releases"),
    ],
)
def test_an_exported_workbook_names_its_sheet_after_what_it_holds(editor_client, name, url, sheet):
    factories.project("Roads", project_code="PO.1")
    factories.release("Rescue at sea")
    resource = spreadsheets()[name]
    fields = {f"{resource.__name__.lower()}_{f}": "on" for f in resource().get_export_order()}

    response = editor_client.post(
        reverse(url), {"format": FORMAT_INDEX["xlsx"], "resource": "0", **fields}
    )

    assert openpyxl.load_workbook(io.BytesIO(response.content)).active.title == sheet


def test_a_preview_with_errors_names_row_and_column_and_offers_no_confirmation(
    publisher_client,
):
    response = upload(publisher_client, CSV_FILE + b"PO.4,Bad,-3,ZZ\n")

    html = response.content.decode()
    assert "1 with errors" in html
    assert "Benefiting member states" in html and "Unknown country &quot;ZZ&quot;." in html
    assert "Budget (USD)" in html
    assert response.context.get("confirm_form") is None
    assert not Project.objects.exists()


def test_a_preview_refuses_a_repeated_projects_id_though_its_first_row_is_unchanged(
    publisher_client,
):
    factories.project("Roads", project_code="PO.2", budget_usd=200)

    response = upload(
        publisher_client, b"Projects ID,Title,Budget (USD)\nPO.2,Roads,200\nPO.2,Roads,999\n"
    )

    html = response.content.decode()
    assert "1 with errors" in html
    assert "&quot;PO.2&quot; is also on row 1 of this file." in html
    assert response.context.get("confirm_form") is None
    assert Project.objects.get().budget_usd == 200


def test_a_file_in_the_wrong_encoding_is_refused_with_the_reason(publisher_client):
    response = upload(publisher_client, "Projects ID,Title\nPO.1,Perú\n".encode("latin-1"))

    assert "The file is not UTF-8 text" in response.content.decode()
    assert response.context.get("confirm_form") is None


def test_a_file_missing_required_columns_is_refused_with_their_names(publisher_client):
    response = upload(publisher_client, b"Title\nA\n")

    html = response.content.decode()
    assert "Missing required columns: Projects ID." in html
    assert "Traceback" not in html


@override_settings(SPREADSHEET_MAX_BYTES=50)
def test_a_file_over_the_size_limit_is_refused_with_both_sizes(publisher_client):
    response = upload(publisher_client, CSV_FILE)

    assert "at most 50\xa0bytes can be imported at once" in response.content.decode()


@override_settings(SPREADSHEET_MAX_ROWS=1)
def test_a_file_over_the_row_limit_is_refused(publisher_client):
    response = upload(publisher_client, CSV_FILE)

    assert "The file has 2 rows; at most 1 can be imported at once." in response.content.decode()


def test_a_broken_workbook_is_refused_not_a_server_error(publisher_client):
    response = upload(publisher_client, b"not a zip", name="projects.xlsx", fmt="xlsx")

    assert response.status_code == 200
    assert "could not be read" in response.content.decode()


def test_export_follows_the_changelist_filters_and_search(editor_client):
    factories.project("Water in Peru", project_code="PO.1", project_status="active")
    factories.project("Water in Chile", project_code="PO.2", project_status="completed")
    factories.project("Roads", project_code="PO.3", project_status="active")

    response = export(editor_client, query="?q=water&project_status__exact=active")

    assert [row["Projects ID"] for row in rows_of(response.content, "csv")] == ["PO.1"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_admin_exports_neutralise_formulas(editor_client, fmt, start):
    title = f"{start}cmd|' /C calc'!A0"
    factories.project(title, project_code="PO.1", budget_usd=Decimal("12.50"))

    [row] = rows_of(export(editor_client, fmt).content, fmt)

    expected = "'" + (title.replace("\r", "\n") if fmt == "xlsx" else title)
    assert row["Title"] == expected
    assert row["Projects ID"] == "PO.1"
    assert Decimal(str(row["Budget (USD)"])) == Decimal("12.5")


def test_every_spreadsheet_changelist_offers_both_buttons_to_a_publisher(publisher_client):
    for model in (
        "projects_country",
        "projects_project",
        "newsroom_office",
        "newsroom_contact",
        "newsroom_newsrelease",
        "newsroom_statement",
    ):
        html = publisher_client.get(reverse(f"admin:{model}_changelist")).content.decode()
        assert reverse(f"admin:{model}_import") in html
        assert reverse(f"admin:{model}_export") in html
        assert publisher_client.get(reverse(f"admin:{model}_import")).status_code == 200
