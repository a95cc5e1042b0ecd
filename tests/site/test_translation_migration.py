"""The migration adding translation groups gives every existing record a group of its own,
and on SQLite the full-text index keeps following the rebuilt tables."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("newsroom", "0012_normalised_text"),
    ("projects", "0011_country_other_names_normalised_text"),
]
AFTER = [("newsroom", "0013_translations"), ("projects", "0012_translations")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_records_get_a_translation_group_each_and_stay_searchable():
    old = migrate(BEFORE)
    release = old.get_model("newsroom", "NewsRelease")
    project = old.get_model("projects", "Project")
    for number in range(3):
        release.objects.create(
            title=f"Retorno voluntario {number}", slug=f"retorno-{number}", body="Migrantes."
        )
        project.objects.create(title=f"Project {number}", slug=f"project-{number}")
    try:
        new = migrate(AFTER)
        for model in (
            new.get_model("newsroom", "NewsRelease"),
            new.get_model("projects", "Project"),
        ):
            keys = list(model.objects.values_list("translation_key", flat=True))
            assert len(keys) == 3 and None not in keys and len(set(keys)) == 3
        if connection.vendor == "sqlite":
            from iomcms.core.search import fts_rowids
            from newsroom.models import NewsRelease

            edited = NewsRelease.objects.get(slug="retorno-1")
            edited.body = "Trabajadores agrícolas."
            edited.save()
            assert sorted(fts_rowids(NewsRelease, "agrícolas")) == [edited.pk]
            assert len(fts_rowids(NewsRelease, "migrantes")) == 2
    finally:
        migrate(AFTER)
