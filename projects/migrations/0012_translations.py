"""Projects in several languages: a translation group key shared by a project and its
translations (one a language), and what a translation was made from. The Projects ID and
Prima ID are unique within a language, as a project's translations share them.

Each existing project gets a key of its own. Adding the key's constraint rebuilds the table
on SQLite, which drops the triggers keeping its full-text index: they are made again here,
as they were written in 0009 (the index itself keeps its rows, which kept their ids).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

PROJECTS_PROJECT_FTS_TRIGGERS = [
    "DROP TRIGGER IF EXISTS projects_project_fts_insert",
    "DROP TRIGGER IF EXISTS projects_project_fts_delete",
    "DROP TRIGGER IF EXISTS projects_project_fts_update",
    "CREATE TRIGGER projects_project_fts_insert AFTER INSERT ON projects_project BEGIN INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END",
    "CREATE TRIGGER projects_project_fts_delete AFTER DELETE ON projects_project BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); END",
    """CREATE TRIGGER projects_project_fts_update AFTER UPDATE OF title, project_code, prima_id, project_type, description ON projects_project
        BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END""",
]


def on_sqlite(statements):
    """Run `statements` on SQLite only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


def give_each_a_key(apps, schema_editor):
    """A translation group of its own for every project."""
    model = apps.get_model("projects", "Project")
    pks = list(model.objects.filter(translation_key__isnull=True).values_list("pk", flat=True))
    for start in range(0, len(pks), 1000):
        model.objects.bulk_update(
            [model(pk=pk, translation_key=uuid.uuid4()) for pk in pks[start : start + 1000]],
            ["translation_key"],
        )


LANGUAGE_CHOICES = [("es", "Spanish"), ("en", "English"), ("pt", "Portuguese"), ("fr", "French")]


class Migration(migrations.Migration):
    dependencies = [("projects", "0011_country_other_names_normalised_text")]

    operations = [
        # Undone last: the table rebuilt again, its triggers are made again.
        migrations.RunPython(migrations.RunPython.noop, on_sqlite(PROJECTS_PROJECT_FTS_TRIGGERS)),
        migrations.AddField(
            model_name="project",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False, verbose_name="translation group"),
        ),
        migrations.AddField(
            model_name="project",
            name="translated_from",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="projects.project",
                verbose_name="translated from",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="translated_from_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the source had last been saved, as the translation follows it.",
                null=True,
                verbose_name="source saved at",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="translated_from_version",
            field=models.PositiveIntegerField(
                blank=True,
                editable=False,
                help_text="The version of the source the translation follows.",
                null=True,
                verbose_name="version translated",
            ),
        ),
        migrations.RunPython(give_each_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="project",
            name="translation_key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Shared by a record and its translations, one of them a language.",
                verbose_name="translation group",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="language",
            field=models.CharField(
                choices=LANGUAGE_CHOICES,
                default="en",
                help_text=(
                    "The language the record is written in: its readers in that language "
                    "find it, and search finds every form of its words."
                ),
                max_length=2,
                verbose_name="language",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "language"),
                name="project_one_translation_per_language",
                violation_error_message="This record already has a translation in that language.",
            ),
        ),
        migrations.RemoveConstraint(model_name="project", name="project_unique_project_code"),
        migrations.RemoveConstraint(model_name="project", name="project_unique_prima_id"),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(
                condition=models.Q(("project_code", ""), _negated=True),
                fields=("project_code", "language"),
                name="project_unique_project_code_language",
                violation_error_message="Another project has this Projects ID in this language.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(
                condition=models.Q(("prima_id", ""), _negated=True),
                fields=("prima_id", "language"),
                name="project_unique_prima_id_language",
                violation_error_message="Another project has this Prima ID in this language.",
            ),
        ),
        migrations.RunPython(on_sqlite(PROJECTS_PROJECT_FTS_TRIGGERS), migrations.RunPython.noop),
    ]
