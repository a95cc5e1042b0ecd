"""Search in every language (the configurations are made by projects' 0013), accents folded, on both databases.

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

NEWSROOM_NEWSRELEASE_POSTGRESQL_FORWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_newsrelease_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english_unaccent' WHEN 'es' THEN 'spanish_unaccent' WHEN 'fr' THEN 'french_unaccent' WHEN 'pt' THEN 'portuguese_unaccent' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.summary, '') || ' ' || coalesce(NEW.location, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE newsroom_newsrelease SET search_vector = NULL",
]

NEWSROOM_NEWSRELEASE_POSTGRESQL_BACKWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_newsrelease_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.summary, '') || ' ' || coalesce(NEW.location, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE newsroom_newsrelease SET search_vector = NULL",
]

NEWSROOM_NEWSRELEASE_SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_update",
    "DROP TABLE IF EXISTS newsroom_newsrelease_fts",
    "CREATE VIRTUAL TABLE newsroom_newsrelease_fts USING fts5(title, summary, location, body, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER newsroom_newsrelease_fts_insert AFTER INSERT ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.summary), search_stems(new.language, new.location), search_stems(new.language, new.body)); END",
    "CREATE TRIGGER newsroom_newsrelease_fts_delete AFTER DELETE ON newsroom_newsrelease BEGIN DELETE FROM newsroom_newsrelease_fts WHERE rowid = old.id; END",
    """CREATE TRIGGER newsroom_newsrelease_fts_update AFTER UPDATE OF language, title, summary, location, body ON newsroom_newsrelease
        BEGIN DELETE FROM newsroom_newsrelease_fts WHERE rowid = old.id; INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.summary), search_stems(new.language, new.location), search_stems(new.language, new.body)); END""",
    "INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) SELECT id, search_stems(language, title), search_stems(language, summary), search_stems(language, location), search_stems(language, body) FROM newsroom_newsrelease",
]

NEWSROOM_NEWSRELEASE_SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_newsrelease_fts_update",
    "DROP TABLE IF EXISTS newsroom_newsrelease_fts",
    """CREATE VIRTUAL TABLE newsroom_newsrelease_fts USING fts5(title, summary, location, body, content='newsroom_newsrelease',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER newsroom_newsrelease_fts_insert AFTER INSERT ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END",
    "CREATE TRIGGER newsroom_newsrelease_fts_delete AFTER DELETE ON newsroom_newsrelease BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); END",
    """CREATE TRIGGER newsroom_newsrelease_fts_update AFTER UPDATE OF title, summary, location, body ON newsroom_newsrelease
        BEGIN INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts, rowid, title, summary, location, body) VALUES ('delete', old.id, old.title, old.summary, old.location, old.body); INSERT INTO newsroom_newsrelease_fts(rowid, title, summary, location, body) VALUES (new.id, new.title, new.summary, new.location, new.body); END""",
    "INSERT INTO newsroom_newsrelease_fts(newsroom_newsrelease_fts) VALUES ('rebuild')",
]

NEWSROOM_STATEMENT_POSTGRESQL_FORWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_statement_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english_unaccent' WHEN 'es' THEN 'spanish_unaccent' WHEN 'fr' THEN 'french_unaccent' WHEN 'pt' THEN 'portuguese_unaccent' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.institution, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE newsroom_statement SET search_vector = NULL",
]

NEWSROOM_STATEMENT_POSTGRESQL_BACKWARD = [
    """CREATE OR REPLACE FUNCTION newsroom_statement_search_vector_update() RETURNS trigger AS $$
        DECLARE config regconfig := (CASE NEW.language WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'pt' THEN 'portuguese' ELSE 'simple' END)::regconfig;
        BEGIN NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') || setweight(to_tsvector(config, coalesce(NEW.institution, '')), 'B') || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C'); RETURN NEW; END
        $$ LANGUAGE plpgsql""",
    "UPDATE newsroom_statement SET search_vector = NULL",
]

NEWSROOM_STATEMENT_SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_update",
    "DROP TABLE IF EXISTS newsroom_statement_fts",
    "CREATE VIRTUAL TABLE newsroom_statement_fts USING fts5(title, institution, body, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER newsroom_statement_fts_insert AFTER INSERT ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.institution), search_stems(new.language, new.body)); END",
    "CREATE TRIGGER newsroom_statement_fts_delete AFTER DELETE ON newsroom_statement BEGIN DELETE FROM newsroom_statement_fts WHERE rowid = old.id; END",
    """CREATE TRIGGER newsroom_statement_fts_update AFTER UPDATE OF language, title, institution, body ON newsroom_statement
        BEGIN DELETE FROM newsroom_statement_fts WHERE rowid = old.id; INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, search_stems(new.language, new.title), search_stems(new.language, new.institution), search_stems(new.language, new.body)); END""",
    "INSERT INTO newsroom_statement_fts(rowid, title, institution, body) SELECT id, search_stems(language, title), search_stems(language, institution), search_stems(language, body) FROM newsroom_statement",
]

NEWSROOM_STATEMENT_SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_insert",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_delete",
    "DROP TRIGGER IF EXISTS newsroom_statement_fts_update",
    "DROP TABLE IF EXISTS newsroom_statement_fts",
    """CREATE VIRTUAL TABLE newsroom_statement_fts USING fts5(title, institution, body, content='newsroom_statement',
        content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    "CREATE TRIGGER newsroom_statement_fts_insert AFTER INSERT ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END",
    "CREATE TRIGGER newsroom_statement_fts_delete AFTER DELETE ON newsroom_statement BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); END",
    """CREATE TRIGGER newsroom_statement_fts_update AFTER UPDATE OF title, institution, body ON newsroom_statement
        BEGIN INSERT INTO newsroom_statement_fts(newsroom_statement_fts, rowid, title, institution, body) VALUES ('delete', old.id, old.title, old.institution, old.body); INSERT INTO newsroom_statement_fts(rowid, title, institution, body) VALUES (new.id, new.title, new.institution, new.body); END""",
    "INSERT INTO newsroom_statement_fts(newsroom_statement_fts) VALUES ('rebuild')",
]



def on_vendor(vendor, statements):
    """Run `statements` on the database `vendor` only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0013_translations"), ("projects", "0013_search_in_every_language")]

    operations = [
        migrations.RunPython(on_vendor("postgresql", NEWSROOM_NEWSRELEASE_POSTGRESQL_FORWARD), on_vendor("postgresql", NEWSROOM_NEWSRELEASE_POSTGRESQL_BACKWARD)),
        migrations.RunPython(on_vendor("sqlite", NEWSROOM_NEWSRELEASE_SQLITE_FORWARD), on_vendor("sqlite", NEWSROOM_NEWSRELEASE_SQLITE_BACKWARD)),
        migrations.RunPython(on_vendor("postgresql", NEWSROOM_STATEMENT_POSTGRESQL_FORWARD), on_vendor("postgresql", NEWSROOM_STATEMENT_POSTGRESQL_BACKWARD)),
        migrations.RunPython(on_vendor("sqlite", NEWSROOM_STATEMENT_SQLITE_FORWARD), on_vendor("sqlite", NEWSROOM_STATEMENT_SQLITE_BACKWARD)),
    ]
