"""Records in several languages: one record a language in a translation group, the public
side's look-ups (one query for a group), and translations going out of date."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from iomcms.core.publishing import Status
from iomcms.core.translations import Language
from newsroom.models import NewsRelease, Statement
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def test_languages_are_offered_spanish_first():
    assert [code for code, _label in NewsRelease._meta.get_field("language").choices] == [
        "es",
        "en",
        "pt",
        "fr",
    ]


def test_each_new_record_has_a_translation_group_of_its_own():
    first, second = factories.release(), factories.release()
    assert first.translation_key and first.translation_key != second.translation_key


@pytest.mark.parametrize("build", [factories.release, factories.project, factories.statement])
def test_a_group_holds_one_record_a_language(build):
    source = build(language="es")
    build(language="en", translation_key=source.translation_key)
    with pytest.raises(IntegrityError), transaction.atomic():
        build(language="en", translation_key=source.translation_key)


def test_a_project_and_its_translation_share_the_projects_id_but_one_language_may_not():
    source = factories.project(language="es", project_code="PO.0181", prima_id="AR10P0514")
    factories.project(
        language="en",
        project_code="PO.0181",
        prima_id="AR10P0514",
        translation_key=source.translation_key,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.project(language="es", project_code="PO.0181")


def group(*languages, **fields):
    """Releases in `languages`, one translation group, the first the source."""
    source = factories.release(language=languages[0], **fields)
    others = [
        factories.release(
            language=code, translation_key=source.translation_key, translated_from=source
        )
        for code in languages[1:]
    ]
    return source, others


def test_translations_are_the_published_others_of_the_group_in_the_sites_order():
    source, (french, english, portuguese) = group("es", "fr", "en", "pt")
    portuguese.status = Status.DRAFT
    portuguese.save()
    factories.release(language="en")  # another group
    with CaptureQueriesContext(connection) as queries:
        found = english.translations()
    assert len(queries) == 1
    assert [record.language for record in found] == ["es", "fr"]
    assert [record.pk for record in found] == [source.pk, french.pk]
    assert [record.get_absolute_url() for record in found] == [
        source.get_absolute_url(),
        french.get_absolute_url(),
    ]


def test_translation_in_a_language_is_published_only():
    source, (english, french) = group("es", "en", "fr")
    french.status = Status.DRAFT
    french.save()
    assert source.translation("en") == english
    assert english.translation("es") == source
    assert source.translation("fr") is None
    assert source.translation("pt") is None


def test_in_language_and_missing_language():
    source, (english,) = group("es", "en")
    alone = factories.release(language="es")
    assert set(NewsRelease.objects.in_language("es")) == {source, alone}
    assert set(NewsRelease.objects.missing_language("en")) == {alone}
    assert set(NewsRelease.objects.missing_language("es")) == set()
    assert set(Project.objects.in_language("fr")) == set()
    assert set(Statement.objects.in_language(Language.SPANISH)) == set()


def test_with_translations_names_each_languages_record_in_the_same_query():
    source, (english,) = group("es", "en")
    with CaptureQueriesContext(connection) as queries:
        row = NewsRelease.objects.with_translations().get(pk=english.pk)
    assert len(queries) == 1
    assert (row.translation_es, row.translation_en) == (source.pk, english.pk)
    assert row.translation_pt is None and row.translation_fr is None


def test_a_translation_is_out_of_date_once_its_source_is_saved_after_it():
    source, (english,) = group("es", "en")
    english.translated_from_at = source.updated_at
    english.save()
    assert not english.is_out_of_date()
    assert not NewsRelease.objects.with_out_of_date().get(pk=english.pk).out_of_date

    source.body += "\n\nA paragraph added later."
    source.save()
    english.refresh_from_db()
    assert english.is_out_of_date()
    flagged = NewsRelease.objects.with_out_of_date().filter(out_of_date=True)
    assert list(flagged) == [english]
    assert not source.is_out_of_date()


def test_a_translation_whose_source_is_deleted_is_not_out_of_date():
    source, (english,) = group("es", "en")
    english.translated_from_at = source.updated_at - timedelta(days=1)
    english.save()
    source.delete()
    english.refresh_from_db()
    assert english.translated_from is None and not english.is_out_of_date()
    assert not NewsRelease.objects.with_out_of_date().get(pk=english.pk).out_of_date
    assert NewsRelease.objects.filter(Q(pk=english.pk)).exists()


def test_a_page_can_read_its_published_translations_slugs_in_its_own_query():
    source, (english, french) = group("es", "en", "fr")
    french.status = Status.DRAFT
    french.save()
    with CaptureQueriesContext(connection) as queries:
        page = NewsRelease.objects.published().with_translations("slug", published=True)
        row = page.get(slug=source.slug)
    assert len(queries) == 1
    assert (row.translation_es, row.translation_en) == (source.slug, english.slug)
    assert row.translation_fr is None and row.translation_pt is None
