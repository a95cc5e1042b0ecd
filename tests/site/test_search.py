"""Site search over a large archive: the newest matches of a common word, every match of
a rare one, a count capped above the number ranked."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from iomcms.core.publishing import Status
from iomcms.core.search import CANDIDATES, fts_index, merge_search_indexes
from iomcms.site.views import search_site
from newsroom.models import NewsRelease, Statement
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """CANDIDATES + 20 releases about the border, newest last; one old one about a quetzal."""
    start = timezone.now() - timedelta(days=1000)
    factories.release(
        "Quetzal habitat and migrants",
        body="Rangers count the quetzal.",
        go_live_at=start - timedelta(days=1),
    )
    for number in range(CANDIDATES + 20):
        factories.release(
            f"Border report {number}",
            body="Border crossings were counted at the border post.",
            go_live_at=start + timedelta(days=number),
        )


def releases(text):
    return next(group for group in search_site(text) if group.name == "News releases")


def test_a_rare_word_finds_its_only_match_however_old(archive):
    group = releases("quetzal")
    assert [hit.record.title for hit in group.hits] == ["Quetzal habitat and migrants"]
    assert group.total == 1


def test_a_common_word_ranks_the_newest_matches_and_caps_the_count(archive):
    group = releases("border")
    assert group.total == CANDIDATES + 1
    assert len(group.hits) == 20
    # Every hit is among the newest matches: the oldest twenty are not ranked.
    numbers = [int(hit.record.title.rsplit(" ", 1)[1]) for hit in group.hits]
    assert min(numbers) >= 19


def test_a_word_found_nowhere_finds_nothing(archive, client):
    response = client.get(reverse("site:search") + "?q=zzqqx")
    assert response.status_code == 200
    assert all(group.total == 0 and not group.hits for group in response.context["groups"])


def titles(text):
    return [hit.record.title for hit in releases(text).hits]


def test_search_follows_edits_and_deletions():
    release = factories.release("Harbour report", body="Fishermen crossed the strait.")
    assert titles("strait") == ["Harbour report"]

    release.body = "Fishermen crossed the lagoon."
    release.save()
    assert titles("strait") == []
    assert titles("lagoon") == ["Harbour report"]

    release.delete()
    assert titles("lagoon") == []


def test_every_word_must_match_in_any_form_and_field():
    factories.release("Children on the move", body="Families crossed the border.")
    factories.release("Border statistics", body="Counts of crossings.")
    assert titles("children border") == ["Children on the move"]
    # "crossing", "crossed" and "crossings" are one word stemmed.
    assert sorted(titles("crossing")) == ["Border statistics", "Children on the move"]


def contacts_found(text):
    group = next(group for group in search_site(text) if group.name == "Media contacts")
    return [hit.record.name for hit in group.hits]


def test_contacts_match_every_word_in_name_role_email_or_office():
    lima = factories.office("IOM Peru")
    factories.contact("Ana Torres", office=lima, role="Media Officer", email="atorres@iom.int")
    factories.contact("Luis Vega", role="Press officer", email="lvega@iom.int")
    factories.contact("Hidden Officer", office=lima, status=Status.DRAFT)
    assert contacts_found("officer") == ["Ana Torres", "Luis Vega"]
    assert contacts_found("PERU officer") == ["Ana Torres"]
    assert contacts_found("lvega") == ["Luis Vega"]
    assert contacts_found("torres vega") == []
    hit = next(group for group in search_site("media") if group.name == "Media contacts").hits[0]
    assert hit.excerpt == ("Ana Torres, <mark>Media</mark> Officer · IOM Peru · atorres@iom.int")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 indexes are SQLite's")
def test_merging_the_search_indexes_keeps_every_match(archive):
    before = releases("border").total
    merge_search_indexes()
    with connection.cursor() as cursor:
        for model in (NewsRelease, Statement, Project):
            table = fts_index(model)
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    assert releases("border").total == before == CANDIDATES + 1
    assert titles("quetzal") == ["Quetzal habitat and migrants"]
