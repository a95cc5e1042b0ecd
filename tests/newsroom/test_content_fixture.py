"""The shipped fixture is what the importer makes of the shipped sources, and it loads."""

from pathlib import Path

import pytest
from django.core.management import call_command

from newsroom.management.commands.build_content_fixture import build_fixture
from newsroom.models import NewsRelease, Statement
from projects.models import Project

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_committed_fixture_matches_what_the_importer_produces_now():
    committed = (FIXTURES / "content.json").read_text(encoding="utf-8")
    assert build_fixture([FIXTURES / "sources"]) == committed, (
        "fixtures/content.json is stale: run 'make fixtures' and commit the result"
    )


def test_building_the_fixture_leaves_the_database_untouched():
    build_fixture([FIXTURES / "sources"])
    assert not NewsRelease.objects.exists()


def test_fixture_loads_into_an_empty_database_and_is_public():
    call_command("loaddata", FIXTURES / "content.json", verbosity=0)
    assert NewsRelease.objects.published().count() == 3
    assert Project.objects.published().count() == 1
    assert Statement.objects.published().count() == 3
    release = NewsRelease.objects.get(title__startswith="Uniting to Combat")
    assert [c.email for c in release.ordered_contacts()] == ["esolari@iom.int", "sroth@iom.int"]


def test_the_site_fixtures_hold_a_release_in_english_and_spanish_linked():
    call_command("load_site_fixtures", verbosity=0)
    english = NewsRelease.objects.get(slug="uniting-to-combat-human-trafficking-in-argentina")
    spanish = english.translation("es")
    assert spanish is not None and spanish.language == "es"
    assert spanish.title == "Unidos para combatir la trata de personas en Argentina"
    assert spanish.translated_from == english and not spanish.is_out_of_date()
    assert [record.pk for record in english.translations()] == [spanish.pk]
    assert [c.email for c in spanish.ordered_contacts()] == ["esolari@iom.int", "sroth@iom.int"]
    assert list(spanish.countries.values_list("iso_code", flat=True)) == ["AR"]


def test_the_shipped_content_is_in_the_language_it_is_written_in():
    call_command("load_site_fixtures", verbosity=0)
    spanish = {"unidos-para-combatir-la-trata-de-personas-en-argentina"}
    for model in (NewsRelease, Project, Statement):
        for slug, language in model.objects.values_list("slug", "language"):
            assert language == ("es" if slug in spanish else "en"), slug
