"""generate_demo_data: the same seed gives the same content, filed and searchable."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from iomcms.core.search import found
from newsroom.models import Contact, NewsRelease, Office, ReleaseContact, Theme
from projects.models import Project

pytestmark = pytest.mark.django_db


def generate(seed=1):
    call_command("generate_demo_data", news=40, projects=10, seed=seed, verbosity=0)
    releases = [
        (
            release.slug,
            release.body,
            release.status,
            sorted(release.countries.values_list("slug", flat=True)),
            sorted(release.themes.values_list("slug", flat=True)),
            list(
                ReleaseContact.objects.filter(release=release).values_list(
                    "contact__slug", "position"
                )
            ),
        )
        for release in NewsRelease.objects.order_by("slug")
    ]
    projects = [
        (project.slug, project.budget_usd, list(project.member_states.values_list("slug")))
        for project in Project.objects.order_by("slug")
    ]
    return releases, projects


def empty():
    for model in (NewsRelease, Project, Contact, Office, Theme):
        model.objects.all().delete()


def test_the_same_seed_gives_the_same_content_and_another_seed_other_content():
    first = generate()
    empty()
    assert generate() == first
    empty()
    assert generate(seed=2) != first


def test_every_release_is_filed_and_found_by_search():
    generate()
    assert NewsRelease.objects.count() == 40 and Project.objects.count() == 10
    assert not NewsRelease.objects.filter(countries=None).exists()
    assert not NewsRelease.objects.filter(themes=None).exists()
    assert not NewsRelease.objects.filter(contacts=None).exists()
    release = NewsRelease.objects.published().first()
    matches = found(NewsRelease.objects.published(), release.title)
    assert release in matches
    if connection.vendor == "postgresql":
        # Rows are written without the vector column; the database's trigger fills it.
        assert not NewsRelease.objects.filter(search_vector=None).exists()
        assert not Project.objects.filter(search_vector=None).exists()


def test_a_database_that_holds_demo_content_is_refused():
    generate()
    with pytest.raises(CommandError, match="already holds demo content"):
        call_command("generate_demo_data", news=1, projects=0, verbosity=0)
    assert NewsRelease.objects.count() == 40
