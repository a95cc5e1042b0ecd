"""An FTS5 index of the searchable text, kept by triggers, on SQLite only. The SQL is written
out as it was when this migration was made."""

from django.db import migrations

NEWSROOM_NEWSRELEASE_FORWARD = [
    """CREATE VIRTUAL TABLE newsroom_newsrelease_fts USING fts5(title, summary, location, body, content='newsroom_newsrelease',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER newsroom_newsrelease_fts_insert AFTER INSERT ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END",
    "CREATE TRIGGER newsroom_newsrelease_fts_delete AFTER DELETE ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); END",
    """CREATE TRIGGER newsroom_newsrelease_fts_update AFTER UPDATE OF title, summary, location, body ON newsroom_newsrelease
        BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END""",
    "INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts) VALUES ('rebuild')",
]

NEWSROOM_NEWSRELEASE_BACKWARD = [
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_update",
    "DROP TABLE IF EXISTS newsroom_newsrelease_fts",
]

NEWSROOM_STATEMENT_FORWARD = [
    """CREATE VIRTUAL TABLE newsroom_statement_fts USING fts5(title, institution, body, content='newsroom_statement',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER newsroom_statement_fts_insert AFTER INSERT ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END",
    "CREATE TRIGGER newsroom_statement_fts_delete AFTER DELETE ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); END",
    """CREATE TRIGGER newsroom_statement_fts_update AFTER UPDATE OF title, institution, body ON newsroom_statement
        BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END""",
    "INSERT INTO newsroom_statement_fts(newsroom_statement_fts) VALUES ('rebuild')",
]

NEWSROOM_STATEMENT_BACKWARD = [
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_update",
    "DROP TABLE IF EXISTS newsroom_statement_fts",
]


def on_sqlite(statements):
    """Run `statements` on SQLite only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0009_expiry")]

    operations = [
        migrations.RunPython(on_sqlite(NEWSROOM_NEWSRELEASE_FORWARD), on_sqlite(NEWSROOM_NEWSRELEASE_BACKWARD)),
        migrations.RunPython(on_sqlite(NEWSROOM_STATEMENT_FORWARD), on_sqlite(NEWSROOM_STATEMENT_BACKWARD)),
    ]
