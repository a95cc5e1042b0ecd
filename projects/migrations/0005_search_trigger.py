"""A trigger keeping each row's weighted `search_vector` in the language of the row, and its GIN
index, on PostgreSQL only. The SQL is written out as it was when this migration was made."""

from django.db import migrations

PROJECTS_PROJECT_FORWARD = [
    """CREATE OR REPLACE FUNCTION projects_project_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.project_code, '') || ' ' || coalesce(NEW.prima_id, '') || ' ' || coalesce(NEW.project_type, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.description, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS projects_project_search_vector ON projects_project",
    """CREATE TRIGGER projects_project_search_vector BEFORE INSERT OR UPDATE ON projects_project
        FOR EACH ROW EXECUTE FUNCTION projects_project_search_vector_update()""",
    "CREATE INDEX IF NOT EXISTS projects_project_search_gin ON projects_project USING gin (search_vector)",
    "UPDATE projects_project SET search_vector = NULL",
]

PROJECTS_PROJECT_BACKWARD = [
    "DROP INDEX IF EXISTS projects_project_search_gin",
    "DROP TRIGGER IF EXISTS projects_project_search_vector ON projects_project",
    "DROP FUNCTION IF EXISTS projects_project_search_vector_update()",
]


def on_postgresql(statements):
    """Run `statements` on PostgreSQL only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_searchable")]

    operations = [
        migrations.RunPython(on_postgresql(PROJECTS_PROJECT_FORWARD), on_postgresql(PROJECTS_PROJECT_BACKWARD)),
    ]
