"""Bodies and summaries hold normalised text: LF line ends, no trailing whitespace.

The column stays a text column (only the model field changes: no table is rebuilt, so
SQLite's full-text triggers stay); the text already stored is cleaned here.
"""

import iomcms.core.fields
from django.db import migrations

FIELDS = {"NewsRelease": ["body", "summary"], "Statement": ["body"]}


def normalise_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def clean_stored_text(apps, schema_editor):
    for model_name, names in FIELDS.items():
        model = apps.get_model("newsroom", model_name)
        rows = model.objects.values_list("pk", *names)
        for pk, *texts in rows.iterator(chunk_size=500):
            cleaned = {name: normalise_text(text) for name, text in zip(names, texts)}
            if cleaned != dict(zip(names, texts)):
                # update(), not save(): cleaning is not an edit (updated_at stays).
                model.objects.filter(pk=pk).update(**cleaned)


def text_field(**kwargs):
    return iomcms.core.fields.NormalisedTextField(**kwargs)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0011_search_vectors_in_row")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="newsrelease",
                    name="body",
                    field=text_field(
                        help_text="Paragraphs separated by a blank line.", verbose_name="body"
                    ),
                ),
                migrations.AlterField(
                    model_name="newsrelease",
                    name="summary",
                    field=text_field(
                        blank=True,
                        help_text="One or two sentences for lists and search.",
                        verbose_name="summary",
                    ),
                ),
                migrations.AlterField(
                    model_name="statement",
                    name="body",
                    field=text_field(
                        help_text="Paragraphs separated by a blank line.", verbose_name="body"
                    ),
                ),
            ]
        ),
        migrations.RunPython(clean_stored_text, migrations.RunPython.noop, elidable=True),
    ]
