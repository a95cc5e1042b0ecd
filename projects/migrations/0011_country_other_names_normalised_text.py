"""Countries answer to other names (a renamed country keeps its former one); project
descriptions hold normalised text: LF line ends, no trailing whitespace.

The description column stays a text column (only the model field changes: no table is
rebuilt, so SQLite's full-text triggers stay); the text already stored is cleaned here.
"""

import iomcms.core.fields
from django.db import migrations


def normalise_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def clean_stored_text(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    for pk, description in Project.objects.values_list("pk", "description").iterator(
        chunk_size=500
    ):
        cleaned = normalise_text(description)
        if cleaned != description:
            # update(), not save(): cleaning is not an edit (updated_at stays).
            Project.objects.filter(pk=pk).update(description=cleaned)


class Migration(migrations.Migration):
    dependencies = [("projects", "0010_search_vectors_in_row")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="other_names",
            field=iomcms.core.fields.NormalisedTextField(
                blank=True,
                help_text=(
                    "Other names source texts and spreadsheets give the country, one a line. "
                    "Renaming the country adds its former name here, so imports still find it."
                ),
                verbose_name="other names",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="project",
                    name="description",
                    field=iomcms.core.fields.NormalisedTextField(
                        blank=True,
                        help_text="Paragraphs separated by a blank line.",
                        verbose_name="description",
                    ),
                )
            ]
        ),
        migrations.RunPython(clean_stored_text, migrations.RunPython.noop, elidable=True),
    ]
