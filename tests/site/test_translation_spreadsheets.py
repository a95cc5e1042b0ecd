"""Spreadsheets carry each record's language and translation group: out and back in
unchanged, into an empty database linked again, and refused cell by cell when wrong."""

import json

import pytest

from iomcms.spreadsheets.resources import CSV, JSON, load_dataset, result_errors
from newsroom.models import NewsRelease
from newsroom.resources import NewsReleaseResource
from projects.models import Project
from projects.resources import ProjectResource
from tests import factories

pytestmark = pytest.mark.django_db


def exported(resource, fmt=JSON):
    return fmt().export_data(resource().export())


def imported(resource, content, fmt=JSON):
    data = content.encode() if isinstance(content, str) else content
    return resource().import_data(load_dataset(data, fmt))


def linked_releases():
    spanish = factories.release("Retorno voluntario", language="es")
    english = factories.release(
        "Voluntary return",
        language="en",
        translation_key=spanish.translation_key,
        translated_from=spanish,
    )
    return spanish, english


def test_releases_go_out_with_their_language_and_group_and_come_back_unchanged():
    spanish, english = linked_releases()
    content = exported(NewsReleaseResource)
    rows = {row["Slug"]: row for row in json.loads(content)}
    assert rows[spanish.slug]["Language"] == "es"
    assert rows[english.slug]["Language"] == "en"
    assert rows[spanish.slug]["Translation group"] == str(spanish.translation_key)
    assert rows[english.slug]["Translation group"] == str(spanish.translation_key)

    result = imported(NewsReleaseResource, content)
    assert not result_errors(result)
    assert result.totals["skip"] == 2

    NewsRelease.objects.all().delete()
    result = imported(NewsReleaseResource, content)
    assert not result_errors(result) and result.totals["new"] == 2
    again = NewsRelease.objects.get(slug=english.slug)
    assert again.translation_key == spanish.translation_key
    assert again.translation("es").slug == spanish.slug


def test_an_import_links_a_record_to_a_group_and_a_new_row_without_one_starts_its_own():
    spanish = factories.release("Retorno voluntario", language="es")
    result = imported(
        NewsReleaseResource,
        "Slug,Title,Body,Language,Translation group\n"
        f"voluntary-return,Voluntary return,Text.,English,{spanish.translation_key}\n"
        "alone,Alone,Text.,pt,\n",
        CSV,
    )
    assert not result_errors(result)
    english = NewsRelease.objects.get(slug="voluntary-return")
    assert english.translation_key == spanish.translation_key and english.language == "en"
    assert english.translation("es") == spanish
    alone = NewsRelease.objects.get(slug="alone")
    assert alone.translation_key not in (spanish.translation_key, None)


def test_an_unknown_language_is_refused_naming_row_and_column():
    factories.release("Kept", language="es")
    result = imported(
        NewsReleaseResource,
        "Slug,Title,Body,Language\nkept,Kept,Text.,es\nother,Other,Text.,Klingon\n",
        CSV,
    )
    assert result_errors(result) == [(2, "Language", '"Klingon" is not one of: es, en, pt, fr.')]
    assert not NewsRelease.objects.filter(slug="other").exists()


def test_a_bad_translation_group_is_refused_naming_row_and_column():
    result = imported(
        NewsReleaseResource,
        "Slug,Title,Body,Language,Translation group\nr,R,Text.,es,not-a-key\n",
        CSV,
    )
    [(row, column, message)] = result_errors(result)
    assert (row, column) == (1, "Translation group") and "not-a-key" in message
    assert not NewsRelease.objects.exists()


def test_two_records_of_a_group_in_one_language_are_refused():
    spanish, english = linked_releases()
    key = spanish.translation_key
    in_file = imported(
        NewsReleaseResource,
        f"Slug,Title,Body,Language,Translation group\na,A,Text.,fr,{key}\nb,B,Text.,fr,{key}\n",
        CSV,
    )
    assert result_errors(in_file) == [
        (2, "Language", "Row 1 of this file is in this translation group and language too.")
    ]
    in_database = imported(
        NewsReleaseResource,
        f"Slug,Title,Body,Language,Translation group\nc,C,Text.,en,{key}\n",
        CSV,
    )
    assert result_errors(in_database) == [
        (1, "Language", "Another news release of this translation group is in English.")
    ]
    assert NewsRelease.objects.count() == 2


def test_a_projects_translations_share_its_projects_id_and_rows_match_by_language():
    source = factories.project("Fortalecimiento", language="es", project_code="PO.0181")
    translation = factories.project(
        "Strengthening",
        language="en",
        project_code="PO.0181",
        translation_key=source.translation_key,
    )
    content = exported(ProjectResource)
    result = imported(ProjectResource, content)
    assert not result_errors(result) and result.totals["skip"] == 2

    changed = content.replace('"Strengthening"', '"Strengthening local governments"')
    result = imported(ProjectResource, changed)
    assert not result_errors(result) and result.totals["update"] == 1
    translation.refresh_from_db()
    source.refresh_from_db()
    assert translation.title == "Strengthening local governments"
    assert source.title == "Fortalecimiento"

    repeated = imported(
        ProjectResource,
        "Projects ID,Title,Language\nPO.0200,A,es\nPO.0200,B,en\nPO.0200,C,en\n",
        CSV,
    )
    assert result_errors(repeated) == [
        (3, "Projects ID", '"PO.0200" is also on row 2 of this file.')
    ]
    assert not Project.objects.filter(project_code="PO.0200").exists()
