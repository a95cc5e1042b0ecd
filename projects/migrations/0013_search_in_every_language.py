"""Search in every language, accents folded, on both databases.

PostgreSQL: a text search configuration a language (`spanish_unaccent`, ...) that takes the
accents off each word before its language's Snowball stemmer, so "migracion" finds
"migración"; each record's vector is made again in its language's configuration.

SQLite: FTS5 has no stemmer but an English one, so the index no longer stems: it holds the
searchable text already stemmed, accents folded, by the Snowball stemmer of the record's
language, which the function `search_stems(language, text)` gives (every SQLite connection
of the site has it). The index keeps its own copy of that text (it is no longer the table's
text), and is filled again from every row.

The SQL is written out as it was when this migration was made."""

from django.db import migrations

TEXT_SEARCH_CONFIGURATIONS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'english_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION english_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
        END $$""",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'spanish_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = spanish);
            ALTER TEXT SEARCH CONFIGURATION spanish_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
        END IF;
        END $$""",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
        END $$""",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portuguese_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION portuguese_unaccent (COPY = portuguese);
            ALTER TEXT SEARCH CONFIGURATION portuguese_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
        END IF;
        END $$""",
]

PROJECTS_PROJECT_POSTGRESQL_FORWARD = [
    """CREATE OR REPLACE FUNCTION projects_project_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english_unaccent' WHEN 'es' THEN 'spanish_unaccent' WHEN 'fr' THEN 'french_unaccent' WHEN 'pt' THEN 'portuguese_unaccent' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.project_code, '') || ' ' || coalesce(NEW.prima_id, '') || ' ' || coalesce(NEW.project_type, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.description, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE projects_project SET search_vector = NULL",
]

PROJECTS_PROJECT_POSTGRESQL_BACKWARD = [
    """CREATE OR REPLACE FUNCTION projects_project_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.project_code, '') || ' ' || coalesce(NEW.prima_id, '') || ' ' || coalesce(NEW.project_type, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.description, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE projects_project SET search_vector = NULL",
]

PROJECTS_PROJECT_SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS projects_project_fts_insert",
    "DROP TRIGGER IF EXISTS projects_project_fts_delete",
    "DROP TRIGGER IF EXISTS projects_project_fts_update",
    "DROP TABLE IF EXISTS projects_project_fts",
    "CREATE VIRTUAL TABLE projects_project_fts USING fts5(title, project_code, prima_id, project_type, description, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER projects_project_fts_insert AFTER INSERT ON projects_project BEGIN INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.project_code), search_stems(new.language, new.prima_id), search_stems(new.language, new.project_type), search_stems(new.language, new.description)); END",
    "CREATE TRIGGER projects_project_fts_delete AFTER DELETE ON projects_project BEGIN DELETE FROM projects_project_fts WHERE rowid = old.id; END",
    """CREATE TRIGGER projects_project_fts_update AFTER UPDATE OF language, title, project_code, prima_id, project_type, description ON projects_project
        BEGIN DELETE FROM projects_project_fts WHERE rowid = old.id; INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.project_code), search_stems(new.language, new.prima_id), search_stems(new.language, new.project_type), search_stems(new.language, new.description)); END""",
    "INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) SELECT id, search_stems(language, title), search_stems(language, project_code), search_stems(language, prima_id), search_stems(language, project_type), search_stems(language, description) FROM projects_project",
]

PROJECTS_PROJECT_SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS projects_project_fts_insert",
    "DROP TRIGGER IF EXISTS projects_project_fts_delete",
    "DROP TRIGGER IF EXISTS projects_project_fts_update",
    "DROP TABLE IF EXISTS projects_project_fts",
    """CREATE VIRTUAL TABLE projects_project_fts USING fts5(title, project_code, prima_id, project_type, description, content='projects_project',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER projects_project_fts_insert AFTER INSERT ON projects_project BEGIN INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END",
    "CREATE TRIGGER projects_project_fts_delete AFTER DELETE ON projects_project BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); END",
    """CREATE TRIGGER projects_project_fts_update AFTER UPDATE OF title, project_code, prima_id, project_type, description ON projects_project
        BEGIN INSERT INTO projects_project_fts(projects_project_fts, rowid, title, project_code, prima_id, project_type, description) VALUES ('delete', old.id, old.title, old.project_code, old.prima_id, old.project_type, old.description); INSERT INTO projects_project_fts(rowid, title, project_code, prima_id, project_type, description) VALUES (new.id, new.title, new.project_code, new.prima_id, new.project_type, new.description); END""",
    "INSERT INTO projects_project_fts(projects_project_fts) VALUES ('rebuild')",
]



def on_vendor(vendor, statements):
    """Run `statements` on the database `vendor` only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("projects", "0012_translations")]

    operations = [
        migrations.RunPython(on_vendor("postgresql", TEXT_SEARCH_CONFIGURATIONS), migrations.RunPython.noop),
        migrations.RunPython(on_vendor("postgresql", PROJECTS_PROJECT_POSTGRESQL_FORWARD), on_vendor("postgresql", PROJECTS_PROJECT_POSTGRESQL_BACKWARD)),
        migrations.RunPython(on_vendor("sqlite", PROJECTS_PROJECT_SQLITE_FORWARD), on_vendor("sqlite", PROJECTS_PROJECT_SQLITE_BACKWARD)),
    ]
