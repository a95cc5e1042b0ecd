"""Editors translate in the admin: "Translate into…" makes a linked draft, the lists show
each record's languages and find those missing one, and a translation whose source changed
since is marked out of date."""

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcms.core.publishing import Status
from iomcms.editorial.revisions import versions_of
from newsroom.models import NewsRelease, ReleaseContact, Statement
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def spanish_release():
    argentina, chile = factories.country("AR"), factories.country("CL")
    first, second = factories.contact(email="a@iom.int"), factories.contact(email="b@iom.int")
    return factories.release(
        "Retorno voluntario asistido",
        language="es",
        summary="La OIM apoya el retorno.",
        body="Primer párrafo.\n\nSegundo párrafo.",
        location="Buenos Aires",
        countries=[argentina, chile],
        contacts=[second, first],
        themes=[factories.theme("Return")],
        source_key="001_seed",
    )


def translate(client, record, language):
    return client.post(admin_url(type(record), "translate", record.pk, language))


def test_translating_makes_a_linked_draft_prefilled_with_a_version(editor_client, spanish_release):
    spanish_release.refresh_from_db()
    response = translate(editor_client, spanish_release, "en")

    english = NewsRelease.objects.get(language="en")
    assert response.status_code == 302
    assert response.url == admin_url(NewsRelease, "change", english.pk)
    assert english.translation_key == spanish_release.translation_key
    assert english.translated_from == spanish_release
    assert english.translated_from_at == spanish_release.updated_at
    assert (english.title, english.summary, english.body, english.location) == (
        spanish_release.title,
        spanish_release.summary,
        spanish_release.body,
        spanish_release.location,
    )
    assert english.slug == "retorno-voluntario-asistido-en"
    assert english.status == Status.DRAFT and english.go_live_at is None
    assert english.source_key == ""
    assert set(english.countries.all()) == set(spanish_release.countries.all())
    assert set(english.themes.all()) == set(spanish_release.themes.all())
    assert english.ordered_contacts() == spanish_release.ordered_contacts()
    assert ReleaseContact.objects.filter(release=spanish_release).count() == 2
    versions = list(versions_of(english))
    assert len(versions) == 1 and "Translated from" in versions[0].revision.get_comment()
    assert english.translated_from_version == versions_of(spanish_release).get().pk
    assert not english.is_out_of_date()


def test_a_second_translation_into_the_same_language_is_refused(editor_client, spanish_release):
    translate(editor_client, spanish_release, "en")
    response = translate(editor_client, spanish_release, "en")
    assert response.status_code == 302
    assert response.url == admin_url(NewsRelease, "change", spanish_release.pk)
    assert NewsRelease.objects.filter(language="en").count() == 1
    english = NewsRelease.objects.get(language="en")
    # Nor from the translation back into its source's language, nor into an unknown one.
    translate(editor_client, english, "es")
    translate(editor_client, english, "xx")
    assert NewsRelease.objects.count() == 2
    page = editor_client.get(admin_url(NewsRelease, "change", spanish_release.pk), follow=True)
    assert "already has a version in English" in page.content.decode()


def test_the_change_page_offers_each_missing_language(editor_client, spanish_release):
    translate(editor_client, spanish_release, "fr")
    page = editor_client.get(admin_url(NewsRelease, "change", spanish_release.pk)).content.decode()
    assert "Translate into English" in page and "Translate into Portuguese" in page
    assert "Translate into French" not in page and "Translate into Spanish" not in page
    assert admin_url(NewsRelease, "translate", spanish_release.pk, "en") in page


def test_translating_needs_the_add_permission(spanish_release):
    reader = User.objects.create_user("reader", password="pw", is_staff=True)
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_newsrelease", "change_newsrelease"])
    )
    client = Client()
    client.force_login(reader)
    page = client.get(admin_url(NewsRelease, "change", spanish_release.pk)).content.decode()
    assert "Translate into" not in page
    assert translate(client, spanish_release, "en").status_code == 403
    assert NewsRelease.objects.count() == 1


def test_translating_is_a_post(editor_client, spanish_release):
    url = admin_url(NewsRelease, "translate", spanish_release.pk, "en")
    assert editor_client.get(url).status_code == 405
    assert NewsRelease.objects.count() == 1


@pytest.mark.parametrize("build", [factories.project, factories.statement])
def test_projects_and_statements_translate_too(editor_client, build):
    source = build(
        language="es", **({"project_code": "PO.1"} if build is factories.project else {})
    )
    translate(editor_client, source, "pt")
    model = type(source)
    copy = model.objects.get(language="pt")
    assert copy.translated_from == source and copy.status == Status.DRAFT
    if model is Project:
        assert copy.project_code == "PO.1"


def test_the_list_shows_each_records_languages(editor_client, spanish_release):
    translate(editor_client, spanish_release, "en")
    english = NewsRelease.objects.get(language="en")
    page = editor_client.get(admin_url(NewsRelease, "changelist")).content.decode()
    assert (
        f'<a href="{admin_url(NewsRelease, "change", english.pk)}" title="English">EN</a>' in page
    )
    assert '<strong title="Spanish">ES</strong>' in page


def test_missing_a_spanish_version_filter(editor_client, spanish_release):
    english_only = factories.release("Only in English", language="en")
    translated = factories.release("Translated", language="en")
    translate(editor_client, translated, "es")
    url = admin_url(NewsRelease, "changelist") + "?missing=es"
    page = editor_client.get(url)
    shown = {record.pk for record in page.context["cl"].result_list}
    assert shown == {english_only.pk}
    assert "Missing a Spanish version" in page.content.decode()
    assert "Missing an English version" in page.content.decode()


def test_an_edited_source_marks_its_translation_out_of_date_with_a_diff_link(
    editor_client, spanish_release
):
    translate(editor_client, spanish_release, "en")
    english = NewsRelease.objects.get(language="en")
    change = admin_url(NewsRelease, "change", english.pk)
    assert "This translation is out of date" not in editor_client.get(change).content.decode()

    spanish_release.body += "\n\nUn párrafo nuevo."
    spanish_release.save()

    page = editor_client.get(change).content.decode()
    assert "This translation is out of date" in page
    english.refresh_from_db()
    compare = admin_url(NewsRelease, "compare", spanish_release.pk)
    assert f"{compare}?a={english.translated_from_version}&amp;b=current" in page
    listing = editor_client.get(admin_url(NewsRelease, "changelist")).content.decode()
    assert listing.count("translation-out-of-date") == 1

    editor_client.post(admin_url(NewsRelease, "translation_up_to_date", english.pk))
    assert "This translation is out of date" not in editor_client.get(change).content.decode()
    assert (
        editor_client.get(admin_url(NewsRelease, "changelist"))
        .content.decode()
        .count("translation-out-of-date")
        == 0
    )


def test_a_translation_cannot_take_a_language_its_group_has(editor_client, spanish_release):
    translate(editor_client, spanish_release, "en")
    english = NewsRelease.objects.get(language="en")
    page = editor_client.get(admin_url(NewsRelease, "change", english.pk))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"language": "es", "contact_links-TOTAL_FORMS": "0"})
    data.update({"contact_links-INITIAL_FORMS": "0"})
    response = editor_client.post(admin_url(NewsRelease, "change", english.pk), data)
    assert response.status_code == 200
    assert "has a translation in Spanish already" in response.content.decode()
    english.refresh_from_db()
    assert english.language == "en"


@pytest.mark.parametrize("rows", [3, 12])
def test_the_languages_column_adds_no_query_per_row(editor_client, rows):
    for number in range(rows):
        source = factories.release(f"Release {number}", language="es")
        factories.release(
            f"Release {number} en",
            language="en",
            translation_key=source.translation_key,
            translated_from=source,
        )
    url = admin_url(NewsRelease, "changelist")
    editor_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert editor_client.get(url).status_code == 200
    assert len(queries) == CHANGELIST_QUERIES


# The release changelist's queries for an editor (session, user, permissions, the counts,
# the page, the filters' choices), as many as before languages were shown: the column's
# languages and out-of-date marks come in the page's own query.
CHANGELIST_QUERIES = 12


def test_statements_list_and_filter(editor_client):
    source = factories.statement(language="en")
    page = editor_client.get(admin_url(Statement, "changelist") + "?missing=es")
    assert [record.pk for record in page.context["cl"].result_list] == [source.pk]
