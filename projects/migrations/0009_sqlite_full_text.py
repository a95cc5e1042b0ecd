"""An FTS5 index of the searchable text, kept by triggers, on SQLite only. The SQL is written
out as it was when this migration was made."""

from django.db import migrations

PROJECTS_PROJECT_FORWARD = [
    """CREATE VIRTUAL TABLE projects_project_fts USING fts5(title, project_code, prima_id, project_type, description, content='projects_project',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER projects_project_fts_insert AFTER INSERT ON projects_project BEGIN INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END",
    "CREATE TRIGGER projects_project_fts_delete AFTER DELETE ON projects_project BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); END",
    """CREATE TRIGGER projects_project_fts_update AFTER UPDATE OF title, project_code, prima_id, project_type, description ON projects_project
        BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END""",
    "INSERT INTO projects_project_fts(projects_project_fts) VALUES ('rebuild')",
]

PROJECTS_PROJECT_BACKWARD = [
    "DROP TRIGGER IF EXISTS projects_project_fts_insert",
    "DROP TRIGGER IF EXISTS projects_project_fts_delete",
    "DROP TRIGGER IF EXISTS projects_project_fts_update",
    "DROP TABLE IF EXISTS projects_project_fts",
]


def on_sqlite(statements):
    """Run `statements` on SQLite only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("projects", "0008_list_order_index")]

    operations = [
        migrations.RunPython(on_sqlite(PROJECTS_PROJECT_FORWARD), on_sqlite(PROJECTS_PROJECT_BACKWARD)),
    ]
