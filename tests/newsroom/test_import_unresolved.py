"""A re-import never replaces what the site knows with what the importer could not read."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from newsroom.importing import FileReport
from newsroom.importing.records import Importer
from newsroom.sourcetext import CountryNames, ParsedPage, ProjectFields, ProjectStatus, Reading
from projects.models import Country, Project
from tests.site.test_conflicts import seen

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
PROJECT_PAGE = next(SOURCES.glob("002_*.txt"))


def run(*args):
    out = StringIO()
    try:
        call_command("import_sources", *map(str, args), stdout=out, stderr=StringIO())
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def member_states(project):
    return [country.iso_code for country in project.member_states.all()]


def edited_copy(tmp_path, old, new):
    """The project page as the office saved it again, with `old` replaced by `new`."""
    text = PROJECT_PAGE.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / PROJECT_PAGE.name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_renaming_a_country_in_the_admin_keeps_the_projects_member_states(admin_client):
    run(SOURCES)
    argentina = Country.objects.get(iso_code="AR")
    url = reverse("admin:projects_country_change", args=[argentina.pk])
    response = admin_client.post(
        url,
        {
            "seen": seen(admin_client, url),
            "name": "Argentine Republic",
            "iso_code": "AR",
            "slug": argentina.slug,
            "region": argentina.region_id,
            "other_names": "",
        },
    )
    assert response.status_code == 302

    out, error = run(SOURCES)

    assert error is None, out
    assert member_states(Project.objects.get()) == ["AR"]
    assert "0 updated" in out and "0 conflicts" in out


def test_an_unknown_member_state_keeps_the_current_ones_and_is_a_conflict(tmp_path):
    run(PROJECT_PAGE)
    page = edited_copy(tmp_path, "States\nArgentina\n", "States\nAtlantis\n")

    out, error = run(page)

    assert error is None
    project = Project.objects.get()
    assert member_states(project) == ["AR"]
    assert "1 conflicts" in out
    assert f"{page.name}: benefiting member states: 'Atlantis' is not a known country" in out
    assert "the current value was kept" in out


def test_strict_makes_an_unresolved_value_a_failure(tmp_path):
    run(PROJECT_PAGE)
    page = edited_copy(tmp_path, "States\nArgentina\n", "States\nArgentina, Atlantis\n")

    out, error = run(page, "--strict")

    assert error is not None and "1 conflict;" in str(error)
    assert member_states(Project.objects.get()) == ["AR"]  # not [AR] alone by luck: kept


def test_an_unreadable_status_or_year_keeps_the_current_value(tmp_path):
    run(PROJECT_PAGE)
    page = edited_copy(tmp_path, "Completed", "Finished")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n2022\n", "\nnext spring\n"), encoding="utf-8")

    out, _ = run(page)

    project = Project.objects.get()
    assert (project.project_status, project.start_year) == ("completed", 2022)
    assert "project status: 'Finished' is not a known status" in out
    assert "start: 'next spring' holds no year" in out


def test_a_new_project_gets_the_member_states_that_were_found(tmp_path):
    page = edited_copy(tmp_path, "States\nArgentina\n", "States\nArgentina, Atlantis\n")

    out, error = run(page, "--publish")

    assert error is None
    assert member_states(Project.objects.get()) == ["AR"]
    assert "'Atlantis' is not a known country" in out


def typed_project_page(**fields):
    """A project page as the parser hands it over, built by hand: no text is parsed."""
    values = {
        "start": Reading("2019", 2019),
        "status": Reading("En curso", ProjectStatus.ACTIVE),
        "budget_usd": Reading("US$ 300,000", Decimal("300000")),
        "region": Reading("América Latina y el Caribe", "Latin America and the Caribbean"),
        "member_states": CountryNames(
            ["Bolivia (Plurinational State of)", "Atlantis"], ["BO"], ["Atlantis"]
        ),
        **fields,
    }
    return ParsedPage(
        source="typed.txt",
        kind="project",
        title="Andean Region: Labour Migration Data",
        language="es",
        paragraphs=["El proyecto apoya a las oficinas nacionales de estadística."],
        project=ProjectFields(project_code="PX.0001", **values),
    )


def apply(page):
    importer = Importer(countries={c.iso_code: c for c in Country.objects.all()})
    importer.apply(page, source_key="typed")
    report = FileReport(page.source, page)
    for outcome in importer.outcomes:
        report.add(outcome)
    return report


def test_the_importer_maps_the_typed_values_it_is_given():
    report = apply(typed_project_page())

    project = Project.objects.get()
    assert (project.start_year, project.project_status) == (2019, "active")
    assert project.budget_usd == Decimal("300000")
    assert project.language == "es"
    assert project.idf_region.name == "Latin America and the Caribbean"
    assert member_states(project) == ["BO"]
    assert report.conflicts == [
        "typed.txt: benefiting member states: 'Atlantis' is not a known country (add it, or "
        "give it as another name of a country, in the admin's Countries); project “Andean "
        "Region: Labour Migration Data” was created without it"
    ]


def test_a_value_the_parser_could_not_read_is_reported_with_its_text():
    apply(typed_project_page())

    report = apply(typed_project_page(budget_usd=Reading("three hundred thousand", None)))

    assert Project.objects.get().budget_usd == Decimal("300000")
    assert (
        "typed.txt: budget (USD): 'three hundred thousand' is not an amount in USD; "
        "the current value was kept" in report.conflicts[0]
    )
