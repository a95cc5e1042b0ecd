"""Search vectors kept in the row (storage MAIN) on PostgreSQL only: a vector is the row's
largest value, and out of line each record tested for a word cost more page reads. The long
text goes out of line instead. VACUUM FULL rewrites the rows already written. The SQL is
written out as it was when this migration was made."""

from django.db import migrations

NEWSROOM_NEWSRELEASE_FORWARD = [
    "ALTER TABLE newsroom_newsrelease ALTER COLUMN search_vector SET STORAGE MAIN",
    "VACUUM FULL newsroom_newsrelease",
    "ANALYZE newsroom_newsrelease",
]

NEWSROOM_NEWSRELEASE_BACKWARD = [
    "ALTER TABLE newsroom_newsrelease ALTER COLUMN search_vector SET STORAGE EXTENDED",
]

NEWSROOM_STATEMENT_FORWARD = [
    "ALTER TABLE newsroom_statement ALTER COLUMN search_vector SET STORAGE MAIN",
    "VACUUM FULL newsroom_statement",
    "ANALYZE newsroom_statement",
]

NEWSROOM_STATEMENT_BACKWARD = [
    "ALTER TABLE newsroom_statement ALTER COLUMN search_vector SET STORAGE EXTENDED",
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

    dependencies = [("newsroom", "0010_sqlite_full_text")]

    operations = [
        migrations.RunPython(on_postgresql(NEWSROOM_NEWSRELEASE_FORWARD), on_postgresql(NEWSROOM_NEWSRELEASE_BACKWARD)),
        migrations.RunPython(on_postgresql(NEWSROOM_STATEMENT_FORWARD), on_postgresql(NEWSROOM_STATEMENT_BACKWARD)),
    ]
