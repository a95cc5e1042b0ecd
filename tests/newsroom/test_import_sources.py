"""An operator imports the office's saved pages, again and again, with good and bad files."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsroom.models import Contact, NewsRelease, Office, Statement, Summit
from projects.models import Project

pytestmark = pytest.mark.django_db

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"


def seed(number):
    return next(SOURCES.glob(f"{number:03d}_*.txt"))


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_sources", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_importing_the_seeds_with_publish_creates_every_record_published():
    out, _, error = run(SOURCES, "--publish")

    assert error is None, out
    assert "5 files: " in out and "0 failed" in out
    assert NewsRelease.objects.published().count() == 3
    assert Project.objects.published().count() == 1
    assert Statement.objects.published().count() == 3
    assert set(Contact.objects.values_list("email", flat=True)) == {
        "mbocca@iom.int",
        "esolari@iom.int",
        "sroth@iom.int",
        "aamaya@iom.int",
    }
    offices = dict(Office.objects.values_list("name", "country__iso_code"))
    assert offices == {"IOM Buenos Aires": "AR", "IOM El Salvador": "SV"}


def test_a_release_keeps_its_dateline_contacts_and_countries():
    run(seed(1), seed(3))

    trafficking = NewsRelease.objects.get(title="Uniting to Combat Human Trafficking in Argentina")
    assert [c.name for c in trafficking.ordered_contacts()] == ["Elena Solari", "Sabrina Roth"]
    assert [c.iso_code for c in trafficking.countries.all()] == ["AR"]
    assert trafficking.published_on is None

    children = NewsRelease.objects.get(
        slug="iom-partners-work-with-the-americas-to-protect-migrant-children"
    )
    assert children.location == "El Salvador"
    assert children.body.startswith("IOM, UNHCR and ICRC yesterday concluded")
    assert children.body.count("\n\n") == 6
    assert [c.iso_code for c in children.countries.all()] == ["SV"]
    amaya = children.ordered_contacts()[0]
    assert (amaya.name, amaya.office.name, amaya.phone, amaya.email) == (
        "Alba Miriam Amaya",
        "IOM El Salvador",
        "+503 2521 0500",
        "aamaya@iom.int",
    )


def test_a_project_keeps_every_labelled_field():
    run(seed(2))

    project = Project.objects.get()
    assert project.title.startswith("Argentina: Strengthening the Capacity")
    assert (project.start_year, project.end_year, project.funding_year) == (2022, 2024, 2021)
    assert project.get_project_status_display() == "Completed"
    assert project.project_type == "Migration Policy Activities"
    assert str(project.budget_usd) == "300000.00"
    assert project.coverage == "National"
    assert project.idf_region.name == "Latin America and the Caribbean"
    assert (project.prima_id, project.project_code) == ("AR10P0514", "PO.0181")
    assert [c.iso_code for c in project.member_states.all()] == ["AR"]
    assert project.description.count("\n\n") == 4


FRENCH_PROJECT = """Projets
Haïti : Renforcement de la gestion des frontières
• Date de début
2021
• Date de fin
2023
• Statut du projet
En cours
• Montant du budget (USD)
USD 1,250,000
• Région IDF
Amérique latine et Caraïbes
• États membres bénéficiaires
Haïti, République dominicaine
Le projet vise à renforcer la gestion des frontières.
"""


def test_a_french_project_page_lands_in_the_same_fields(tmp_path):
    page = tmp_path / "projet.txt"
    page.write_text(FRENCH_PROJECT)

    run(page)

    project = Project.objects.get()
    assert (project.start_year, project.end_year) == (2021, 2023)
    assert project.get_project_status_display() == "Active"
    assert str(project.budget_usd) == "1250000.00"
    assert project.idf_region.name == "Latin America and the Caribbean"
    assert [c.iso_code for c in project.member_states.order_by("iso_code")] == ["DO", "HT"]


def test_statements_keep_their_dates_and_mandate_references():
    run(seed(4))

    statements = {s.date.isoformat(): s for s in Statement.objects.all()}
    assert sorted(statements) == ["2011-06-21", "2016-06-08", "2018-03-16"]
    assert statements["2011-06-21"].mandate_paragraphs == "17"
    assert statements["2018-03-16"].mandate_paragraphs == ""
    assert statements["2016-06-08"].body.count("\n\n") == 4
    assert {s.summit for s in statements.values()} == {Summit.objects.get(name="VII Summit")}


def test_reimport_creates_nothing_and_duplicates_nothing():
    run(SOURCES)
    counts = [m.objects.count() for m in (NewsRelease, Project, Statement, Contact, Office)]

    out, _, error = run(SOURCES)

    assert error is None
    assert "0 created, 0 updated" in out and "0 conflicts" in out
    assert [
        m.objects.count() for m in (NewsRelease, Project, Statement, Contact, Office)
    ] == counts


def test_an_editors_change_survives_reimport_and_is_reported():
    run(seed(0))
    release = NewsRelease.objects.get()
    release.title = "New Life for Migrant Children in Buenos Aires"
    release.save()

    out, _, error = run(seed(0))

    assert error is None
    release.refresh_from_db()
    assert release.title == "New Life for Migrant Children in Buenos Aires"
    assert "1 conflicts" in out and "changed by an editor" in out

    run(seed(0), "--overwrite")
    release.refresh_from_db()
    assert release.title.startswith("New Life for IOM Programme")


def test_a_changed_source_updates_what_editors_left_alone(tmp_path):
    run(seed(0))
    edited = tmp_path / seed(0).name
    edited.write_text(
        seed(0).read_text().replace("has\nbeen given new life.", "has\nbeen renewed.")
    )

    out, _, _ = run(edited)

    assert "1 updated" in out
    assert "has been renewed." in NewsRelease.objects.get().body


def test_dry_run_writes_nothing():
    out, _, error = run(SOURCES, "--dry-run")
    assert error is None
    assert "dry run" in out and "created" in out
    assert not NewsRelease.objects.exists() and not Contact.objects.exists()


def test_json_format_prints_the_parsed_pages(tmp_path):
    out, err, error = run(seed(2), seed(3), "--format", "json")

    assert error is None
    pages = json.loads(out)
    assert [page["kind"] for page in pages] == ["project", "news"]
    assert pages[0]["project"]["project_code"] == "PO.0181"
    assert pages[1]["location"] == "El Salvador"
    assert "2 files:" in err  # the report goes to stderr, out of the JSON's way


def test_bad_files_are_named_and_the_good_ones_still_import(tmp_path):
    shutil.copy(seed(3), tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "unknown.txt").write_text("Lorem\n\nipsum dolor\n")

    out, _, error = run(tmp_path)

    assert error is not None and "3 of 4 files failed" in str(error)
    assert "empty.txt: the file is empty" in out
    assert "binary.txt: the file is binary" in out
    assert "unknown.txt" in out
    assert NewsRelease.objects.count() == 1


def test_a_windows_1252_file_imports_with_a_warning(tmp_path):
    text = seed(3).read_text().replace("’", "'").replace("”", '"')
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.replace("IOM, UNHCR", "IOM, ACNUR – UNHCR").encode("cp1252"))

    out, _, error = run(legacy)

    assert error is None
    assert "read as Windows-1252" in out
    assert "ACNUR – UNHCR" in NewsRelease.objects.get().body


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    _, _, error = run(tmp_path / "nowhere.txt")
    assert "nowhere.txt: no such file or folder" in str(error)


def test_a_contact_an_editor_created_keeps_their_values_and_gains_the_missing_ones():
    from tests import factories

    editor_made = factories.contact(
        "Mariana Bocca", email="MBocca@iom.int", phone="+54 11 4815 5194"
    )

    out, _, _ = run(seed(0))

    editor_made.refresh_from_db()
    assert editor_made.phone == "+54 11 4815 5194"
    assert editor_made.office.name == "IOM Buenos Aires"
    assert "phone was changed by an editor" in out
    assert Contact.objects.count() == 1
    assert NewsRelease.objects.get().ordered_contacts() == [editor_made]


def test_a_spanish_page_becomes_a_spanish_record_and_english_seeds_stay_english(tmp_path):
    """The Spanish release shipped with the site (fixtures/translations.json), saved as a
    page like the seeds, imports as a record in Spanish."""
    fixture = json.loads((SOURCES.parent / "translations.json").read_text(encoding="utf-8"))
    spanish = next(item["fields"] for item in fixture if item["model"] == "newsroom.newsrelease")
    page = tmp_path / "trata.txt"
    page.write_text(f"{spanish['title']}\n{spanish['body']}\n", encoding="utf-8")

    _, _, error = run(page, seed(0), seed(4))

    assert error is None
    record = NewsRelease.objects.get(title=spanish["title"])
    assert record.language == "es"
    assert record.body == spanish["body"]
    others = NewsRelease.objects.exclude(pk=record.pk)
    assert set(others.values_list("language", flat=True)) == {"en"}
    assert set(Statement.objects.values_list("language", flat=True)) == {"en"}
