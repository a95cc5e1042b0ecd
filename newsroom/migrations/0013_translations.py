"""Releases and statements in several languages: a translation group key shared by a record
and its translations (one a language), and what a translation was made from.

Each existing record gets a key of its own. Adding the key's constraint rebuilds the tables
on SQLite, which drops the triggers keeping their full-text indexes: they are made again
here, as they were written in 0010 (the indexes keep their rows, which kept their ids).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

NEWSROOM_FTS_TRIGGERS = [
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_update",
    "CREATE TRIGGER newsroom_newsrelease_fts_insert AFTER INSERT ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END",
    "CREATE TRIGGER newsroom_newsrelease_fts_delete AFTER DELETE ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); END",
    """CREATE TRIGGER newsroom_newsrelease_fts_update AFTER UPDATE OF title, summary, location, body ON newsroom_newsrelease
        BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END""",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_update",
    "CREATE TRIGGER newsroom_statement_fts_insert AFTER INSERT ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END",
    "CREATE TRIGGER newsroom_statement_fts_delete AFTER DELETE ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); END",
    """CREATE TRIGGER newsroom_statement_fts_update AFTER UPDATE OF title, institution, body ON newsroom_statement
        BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END""",
]

MODELS = ("NewsRelease", "Statement")

LANGUAGE_CHOICES = [("es", "Spanish"), ("en", "English"), ("pt", "Portuguese"), ("fr", "French")]


def on_sqlite(statements):
    """Run `statements` on SQLite only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


def give_each_a_key(apps, schema_editor):
    """A translation group of its own for every release and statement."""
    for name in MODELS:
        model = apps.get_model("newsroom", name)
        rows = model.objects.filter(translation_key__isnull=True)
        pks = list(rows.values_list("pk", flat=True))
        for start in range(0, len(pks), 1000):
            model.objects.bulk_update(
                [model(pk=pk, translation_key=uuid.uuid4()) for pk in pks[start : start + 1000]],
                ["translation_key"],
            )


def translation_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False, verbose_name="translation group"),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translated_from",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=f"newsroom.{model_name}",
                verbose_name="translated from",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
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
            model_name=model_name,
            name="translated_from_version",
            field=models.PositiveIntegerField(
                blank=True,
                editable=False,
                help_text="The version of the source the translation follows.",
                null=True,
                verbose_name="version translated",
            ),
        ),
    ]


def translation_key_required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Shared by a record and its translations, one of them a language.",
                verbose_name="translation group",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
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
            model_name=model_name,
            constraint=models.UniqueConstraint(
                fields=("translation_key", "language"),
                name=f"{model_name}_one_translation_per_language",
                violation_error_message="This record already has a translation in that language.",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0012_normalised_text")]

    operations = [
        # Undone last: the tables rebuilt again, their triggers are made again.
        migrations.RunPython(migrations.RunPython.noop, on_sqlite(NEWSROOM_FTS_TRIGGERS)),
        *translation_fields("newsrelease"),
        *translation_fields("statement"),
        migrations.RunPython(give_each_a_key, migrations.RunPython.noop),
        *translation_key_required("newsrelease"),
        *translation_key_required("statement"),
        migrations.RunPython(on_sqlite(NEWSROOM_FTS_TRIGGERS), migrations.RunPython.noop),
    ]
