"""Project and country spreadsheets: round trips, all-or-nothing imports, row errors,
refused files and the command line."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from iomcms.core.registry import spreadsheets
from iomcms.spreadsheets.resources import CSV, JSON, XLSX, load_dataset, result_errors
from projects.models import Project
from projects.resources import ProjectResource
from tests import factories

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows_of(content, fmt):
    """The rows of an exported file as dicts of cell values, as a spreadsheet reads them."""
    if isinstance(content, str):
        content = content.encode()
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    if fmt == "json":
        return json.loads(content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = list(sheet.values)
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def project_rows(count, changes=None):
    """`count` valid project rows, as a CSV editor would type them."""
    rows = [
        {
            "Projects ID": f"PO.{number:05d}",
            "Title": f"Project {number}",
            "Start": "2020",
            "End": "2022",
            "Budget (USD)": "150000.50",
            "Benefiting member states": "AR|Chile|pe",
            "IDF region": "Latin America and the Caribbean",
            "Status": "published",
        }
        for number in range(count)
    ]
    for index, values in (changes or {}).items():
        rows[index].update(values)
    return rows


def dataset_of(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return load_dataset(buffer.getvalue().encode(), CSV)


def site_resources():
    """The site's spreadsheets (the test settings install a content app of their own)."""
    return {
        name: resource
        for name, resource in spreadsheets().items()
        if resource._meta.model._meta.app_label in ("newsroom", "projects")
    }


def export_all(fmt):
    """Every resource's file; an XLSX workbook by its cells, as it carries its save time."""
    files = {
        name: fmt().export_data(resource().export()) for name, resource in site_resources().items()
    }
    if fmt is XLSX:
        return {name: rows_of(content, "xlsx") for name, content in files.items()}
    return files


def some_content():
    region_country = factories.country("PE")
    office = factories.office("IOM Lima", country=region_country)
    person = factories.contact(
        "Ana Pérez", email="APerez@iom.int", phone="+51 1 633 0000", office=office
    )
    other = factories.contact("Beto Ruiz", email="bruiz@iom.int")
    factories.project(
        "Border =SUM(A1) project",
        project_code="PO.0001",
        prima_id="PE10P0001",
        budget_usd=Decimal("1234.50"),
        start_year=2021,
        end_year=2023,
        member_states=[factories.country("PE"), factories.country("AR")],
    )
    factories.project("Draft project", project_code="PO.0002", status="draft")
    factories.release(
        "Lima release",
        countries=[factories.country("PE")],
        themes=[factories.theme("Counter-trafficking")],
        contacts=[other, person],
        published_on="2024-03-01",
    )
    factories.statement("Summit statement", mandate_paragraphs="3, 5-7")


@pytest.mark.parametrize("fmt", [CSV, XLSX, JSON], ids=["csv", "xlsx", "json"])
def test_every_resource_round_trips_through_an_empty_database(fmt):
    some_content()
    first = export_all(fmt)
    files = {
        name: fmt().export_data(resource().export()) for name, resource in site_resources().items()
    }
    Project.objects.all().delete()
    for name in ("releases", "statements", "contacts", "offices"):
        site_resources()[name]._meta.model.objects.all().delete()

    for name, content in files.items():
        raw = content.encode() if isinstance(content, str) else content
        result = site_resources()[name]().import_data(load_dataset(raw, fmt))
        assert not result_errors(result), (name, result_errors(result))

    assert export_all(fmt) == first
    for name, content in files.items():
        raw = content.encode() if isinstance(content, str) else content
        again = site_resources()[name]().import_data(load_dataset(raw, fmt))
        assert (again.totals["new"], again.totals["update"]) == (0, 0), name
    release = site_resources()["releases"]._meta.model.objects.get()
    assert [c.email for c in release.ordered_contacts()] == ["bruiz@iom.int", "APerez@iom.int"]


@pytest.mark.parametrize("bad_row", [0, 5000, 9999])
def test_one_bad_row_in_ten_thousand_changes_nothing_and_is_named(bad_row):
    factories.project("Existing", project_code="PO.00001", budget_usd=1)
    rows = project_rows(10_000, {bad_row: {"Benefiting member states": "AR|Narnia"}})

    result = ProjectResource(diff=False).import_data(dataset_of(rows))

    assert result_errors(result) == [
        (bad_row + 1, "Benefiting member states", 'Unknown country "Narnia".')
    ]
    assert Project.objects.count() == 1
    assert Project.objects.get().budget_usd == 1
    assert not Project.member_states.through.objects.exists()


def test_a_clean_ten_thousand_row_file_is_written_in_bulk_with_its_member_states():
    result = ProjectResource(diff=False).import_data(dataset_of(project_rows(10_000)))

    assert result.totals["new"] == 10_000
    project = Project.objects.get(project_code="PO.09999")
    assert sorted(project.member_states.values_list("iso_code", flat=True)) == ["AR", "CL", "PE"]
    assert project.budget_usd == Decimal("150000.50")


def test_a_bulk_imported_project_is_found_by_the_site_search(client):
    rows = project_rows(3)
    descriptions = ["Roads.", "Desalination plants.", "Schools."]
    for row, description in zip(rows, descriptions, strict=True):
        row["Description"] = description

    ProjectResource(diff=False).import_data(dataset_of(rows))

    found = client.get(reverse("site:search"), {"q": "desalination"})
    assert Project.objects.get(project_code="PO.00001").get_absolute_url() in found.text
    assert Project.objects.get(project_code="PO.00000").get_absolute_url() not in found.text
    if connection.vendor == "postgresql":
        assert not Project.objects.filter(search_vector__isnull=True).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's bulk inserts")
def test_bulk_imported_rows_reach_postgresql_as_one_array_a_column():
    with CaptureQueriesContext(connection) as queries:
        ProjectResource(diff=False).import_data(dataset_of(project_rows(3)))

    [insert] = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "projects_project"')]
    assert "UNNEST" in insert


def test_a_duplicate_projects_id_is_an_error_never_a_merge():
    rows = project_rows(3, {2: {"Projects ID": "PO.00000", "Title": "Other"}})

    result = ProjectResource().import_data(dataset_of(rows))

    assert result_errors(result) == [
        (3, "Projects ID", '"PO.00000" is also on row 1 of this file.')
    ]
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    "changed_rows", [[1], [0], [], [0, 1]], ids=["later", "first", "neither", "both"]
)
def test_a_repeated_projects_id_is_an_error_whatever_the_rows_hold(changed_rows):
    factories.project("Roads", project_code="PO.1", budget_usd=100)
    rows = [{"Projects ID": "PO.1", "Title": "Roads", "Budget (USD)": "100"} for _ in range(2)]
    for index in changed_rows:
        rows[index]["Budget (USD)"] = "999"

    result = ProjectResource().import_data(dataset_of(rows))

    assert result_errors(result) == [(2, "Projects ID", '"PO.1" is also on row 1 of this file.')]
    assert Project.objects.get().budget_usd == 100


def test_errors_name_the_row_and_column():
    rows = project_rows(
        3,
        {
            0: {"Budget (USD)": "lots"},
            1: {"Start": "2024", "End": "2020"},
            2: {"Budget (USD)": "-5", "Status": "maybe"},
        },
    )

    errors = result_errors(ProjectResource().import_data(dataset_of(rows)))

    assert (1, "Budget (USD)", '"lots" is not a number.') in errors
    assert (2, "End", "The end year cannot be before the start year.") in errors
    assert (3, "Budget (USD)", "Ensure this value is greater than or equal to 0.") in errors
    assert any(row == 3 and column == "Status" for row, column, _ in errors)


def test_a_file_missing_required_columns_is_refused_with_their_names():
    dataset = load_dataset(b"Title,Budget (USD)\nA,1\n", CSV)

    errors = result_errors(ProjectResource().import_data(dataset))

    assert errors == [(0, "", "Missing required columns: Projects ID.")]


def test_a_file_with_an_unknown_column_is_refused_with_its_name():
    dataset = load_dataset(b"Projects ID,Title,Budjet\nPO.1,A,1\n", CSV)

    [(row, _, message)] = result_errors(ProjectResource().import_data(dataset))

    assert row == 0 and message.startswith("Unknown columns: Budjet.")


@override_settings(SPREADSHEET_MAX_ROWS=5)
def test_a_file_over_the_row_limit_is_refused_before_any_row_is_read():
    errors = result_errors(ProjectResource().import_data(dataset_of(project_rows(6))))

    assert errors == [
        (
            0,
            "",
            "The file has 6 rows; at most 5 can be imported at once. Split it into smaller files.",
        )
    ]
    assert not Project.objects.exists()


def test_a_negative_number_in_a_numeric_column_stays_a_number():
    unsaved = Project(
        title="Refund", project_code="PO.9", budget_usd=Decimal("-5"), start_year=2020
    )
    dataset = ProjectResource().export([unsaved])

    assert rows_of(CSV().export_data(dataset), "csv")[0]["Budget (USD)"] == "-5"
    assert rows_of(JSON().export_data(dataset), "json")[0]["Budget (USD)"] == -5
    assert rows_of(XLSX().export_data(dataset), "xlsx")[0]["Budget (USD)"] == -5


# ---- command line ------------------------------------------------------------------------


def test_the_command_imports_and_reports_totals(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(CSV().export_data(dataset_of(project_rows(3))))
    out = io.StringIO()

    call_command("import_spreadsheet", "projects", str(path), stdout=out, stderr=io.StringIO())

    assert "projects.csv: 3 new, 0 updated, 0 unchanged." in out.getvalue()
    assert Project.objects.count() == 3


def test_the_command_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(CSV().export_data(dataset_of(project_rows(3))))
    out = io.StringIO()

    call_command("import_spreadsheet", "projects", str(path), "--dry-run", stdout=out)

    assert "3 new" in out.getvalue() and "Dry run: nothing was written." in out.getvalue()
    assert not Project.objects.exists()
    assert not Project.member_states.through.objects.exists()
    assert not Version.objects.exists()


def test_the_command_fails_naming_file_row_and_column(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(CSV().export_data(dataset_of(project_rows(3, {1: {"Start": "soon"}}))))

    with pytest.raises(CommandError) as failure:
        call_command("import_spreadsheet", "projects", str(path))

    assert 'projects.csv, row 2, column "Start": "soon" is not a number.' in str(failure.value)
    assert not Project.objects.exists()


def test_the_command_refuses_a_repeated_key_even_when_its_first_row_is_unchanged(tmp_path):
    factories.project("Roads", project_code="PO.1", budget_usd=100)
    path = tmp_path / "projects.csv"
    path.write_text("Projects ID,Title,Budget (USD)\nPO.1,Roads,100\nPO.1,Roads,999\n")

    with pytest.raises(CommandError) as failure:
        call_command("import_spreadsheet", "projects", str(path))

    assert (
        'projects.csv, row 2, column "Projects ID": "PO.1" is also on row 1 of this file.'
    ) in str(failure.value)
    assert Project.objects.get().budget_usd == 100


def test_the_command_exports_a_workbook_whose_sheet_is_named_after_what_it_holds(tmp_path):
    factories.project("Roads", project_code="PO.1")
    path = tmp_path / "projects.xlsx"

    call_command("export_spreadsheet", "projects", "-o", str(path), stderr=io.StringIO())

    assert openpyxl.load_workbook(path).active.title == "Projects"


def test_the_command_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes("Projects ID,Title\nPO.1,Proyecto en Perú\n".encode("latin-1"))

    with pytest.raises(CommandError, match=r"projects.csv: The file is not UTF-8 text"):
        call_command("import_spreadsheet", "projects", str(path))


def test_the_command_shows_progress_on_long_files(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(CSV().export_data(dataset_of(project_rows(2000))))
    err = io.StringIO()

    call_command("import_spreadsheet", "projects", str(path), stdout=io.StringIO(), stderr=err)

    assert "projects.csv: 1,000 of 2,000 rows read" in err.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_command_line_exports_neutralise_formulas(tmp_path, fmt, start):
    title = f'{start}HYPERLINK("http://x")'
    factories.project(title, project_code="PO.1", budget_usd=Decimal("10"))
    path = tmp_path / f"projects.{fmt}"

    call_command("export_spreadsheet", "projects", "-o", str(path), stderr=io.StringIO())

    [row] = rows_of(path.read_bytes(), fmt)
    # XLSX is XML, which reads a carriage return back as a line feed.
    expected = "'" + (title.replace("\r", "\n") if fmt == "xlsx" else title)
    assert row["Title"] == expected
    assert row["Projects ID"] == "PO.1"
    assert Decimal(str(row["Budget (USD)"])) == 10


def test_published_rows_without_a_go_live_time_go_live_at_import_and_keep_it():
    ProjectResource(diff=False).import_data(dataset_of(project_rows(3)))
    first = dict(Project.objects.values_list("project_code", "go_live_at"))
    assert None not in first.values()  # lists sort them among the others, newest first

    again = ProjectResource(diff=False).import_data(dataset_of(project_rows(3)))

    assert again.totals["skip"] == 3
    assert dict(Project.objects.values_list("project_code", "go_live_at")) == first
