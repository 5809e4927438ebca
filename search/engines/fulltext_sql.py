"""The database objects of the full-text index that Django's ORM cannot declare: created by
migration 0003 for the database in use.

SQLite: FTS5 tables over `search_searchentry` (external content), kept in sync by triggers.
`search_fts` indexes the French analysis of each column (`trame_index_text`, a Python function
registered on every SQLite connection, see `search.engines.sqlite`), one stem per original
token, so that `snippet()`/`highlight()`, which re-read and re-tokenise the ORIGINAL text from
the entry table, mark the original words. `search_suggest` indexes the unstemmed, folded
titles with prefix indexes: once for autocomplete, now the vocabulary of "did you mean" (the
suggestions read `search.models.SuggestionTerm`, migration 0006).

PostgreSQL: an unstemmed accent-folding configuration (once for autocomplete, now the
vocabulary of "did you mean"), and GIN indexes on the two vectors the engine fills.
"""

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, document_text,
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE VIRTUAL TABLE search_suggest USING fts5(
        title, autocomplete,
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    "CREATE VIRTUAL TABLE search_suggest_vocab USING fts5vocab(search_suggest, row)",
    """
    CREATE TRIGGER search_entry_inserted AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, body, document_text) VALUES (
            new.id, trame_index_text(new.title), trame_index_text(new.body),
            trame_index_text(new.document_text));
        INSERT INTO search_suggest(rowid, title, autocomplete)
            VALUES (new.id, new.title, new.autocomplete);
    END
    """,
    """
    CREATE TRIGGER search_entry_deleted AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, document_text) VALUES (
            'delete', old.id, trame_index_text(old.title), trame_index_text(old.body),
            trame_index_text(old.document_text));
        INSERT INTO search_suggest(search_suggest, rowid, title, autocomplete)
            VALUES ('delete', old.id, old.title, old.autocomplete);
    END
    """,
    """
    CREATE TRIGGER search_entry_updated
    AFTER UPDATE OF title, body, document_text, autocomplete ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body, document_text) VALUES (
            'delete', old.id, trame_index_text(old.title), trame_index_text(old.body),
            trame_index_text(old.document_text));
        INSERT INTO search_suggest(search_suggest, rowid, title, autocomplete)
            VALUES ('delete', old.id, old.title, old.autocomplete);
        INSERT INTO search_fts(rowid, title, body, document_text) VALUES (
            new.id, trame_index_text(new.title), trame_index_text(new.body),
            trame_index_text(new.document_text));
        INSERT INTO search_suggest(rowid, title, autocomplete)
            VALUES (new.id, new.title, new.autocomplete);
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_updated",
    "DROP TRIGGER IF EXISTS search_entry_deleted",
    "DROP TRIGGER IF EXISTS search_entry_inserted",
    "DROP TABLE IF EXISTS search_suggest_vocab",
    "DROP TABLE IF EXISTS search_suggest",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRESQL_CREATE = [
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION simple_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    # Narrow heap rows: texts and vectors go to TOAST, so that counting facets over a word
    # found in every entry reads a few thousand pages instead of every text.
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 256)",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector)",
    "CREATE INDEX search_entry_suggest ON search_searchentry USING gin (suggest_vector)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS search_entry_suggest",
    "DROP INDEX IF EXISTS search_entry_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
]

STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
}


def create(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[0]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[1]:
        schema_editor.execute(statement)
