"""A trigger keeping each row's weighted `search_vector` in the language of the row, and its GIN
index, on PostgreSQL only. The SQL is written out as it was when this migration was made."""

from django.db import migrations

NEWSROOM_NEWSRELEASE_FORWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_newsrelease_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.summary, '') || ' ' || coalesce(NEW.location, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_search_vector ON newsroom_newsrelease",
    """CREATE TRIGGER newsroom_newsrelease_search_vector BEFORE INSERT OR UPDATE ON newsroom_newsrelease
        FOR EACH ROW EXECUTE FUNCTION newsroom_newsrelease_search_vector_update()""",
    "CREATE INDEX IF NOT EXISTS newsroom_newsrelease_search_gin ON newsroom_newsrelease USING gin (search_vector)",
    "UPDATE newsroom_newsrelease SET search_vector = NULL",
]

NEWSROOM_NEWSRELEASE_BACKWARD = [
    "DROP INDEX IF EXISTS newsroom_newsrelease_search_gin",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_search_vector ON newsroom_newsrelease",
    "DROP FUNCTION IF EXISTS newsroom_newsrelease_search_vector_update()",
]

NEWSROOM_STATEMENT_FORWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_statement_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.institution, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS newsroom_statement_search_vector ON newsroom_statement",
    """CREATE TRIGGER newsroom_statement_search_vector BEFORE INSERT OR UPDATE ON newsroom_statement
        FOR EACH ROW EXECUTE FUNCTION newsroom_statement_search_vector_update()""",
    "CREATE INDEX IF NOT EXISTS newsroom_statement_search_gin ON newsroom_statement USING gin (search_vector)",
    "UPDATE newsroom_statement SET search_vector = NULL",
]

NEWSROOM_STATEMENT_BACKWARD = [
    "DROP INDEX IF EXISTS newsroom_statement_search_gin",
    "DROP TRIGGER IF EXISTS newsroom_statement_search_vector ON newsroom_statement",
    "DROP FUNCTION IF EXISTS newsroom_statement_search_vector_update()",
]


def on_postgresql(statements):
    """Run `statements` on PostgreSQL only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0004_searchable")]

    operations = [
        migrations.RunPython(on_postgresql(NEWSROOM_NEWSRELEASE_FORWARD), on_postgresql(NEWSROOM_NEWSRELEASE_BACKWARD)),
        migrations.RunPython(on_postgresql(NEWSROOM_STATEMENT_FORWARD), on_postgresql(NEWSROOM_STATEMENT_BACKWARD)),
    ]
