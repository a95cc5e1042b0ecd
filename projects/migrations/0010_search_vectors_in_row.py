"""Search vectors kept in the row (storage MAIN) on PostgreSQL only: a vector is the row's
largest value, and out of line each record tested for a word cost more page reads. The long
text goes out of line instead. VACUUM FULL rewrites the rows already written. The SQL is
written out as it was when this migration was made."""

from django.db import migrations

PROJECTS_PROJECT_FORWARD = [
    "ALTER TABLE projects_project ALTER COLUMN search_vector SET STORAGE MAIN",
    "VACUUM FULL projects_project",
    "ANALYZE projects_project",
]

PROJECTS_PROJECT_BACKWARD = [
    "ALTER TABLE projects_project ALTER COLUMN search_vector SET STORAGE EXTENDED",
]


def on_postgresql(statements):
    """Run `statements` on PostgreSQL only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    # VACUUM FULL cannot run inside a transaction.
    atomic = False

    dependencies = [("projects", "0009_sqlite_full_text")]

    operations = [
        migrations.RunPython(on_postgresql(PROJECTS_PROJECT_FORWARD), on_postgresql(PROJECTS_PROJECT_BACKWARD)),
    ]
