"""SQLite FTS5: French matching through analysed text, highlighting of the original text.

The FTS5 tables and triggers are created by migration 0003 (`search.engines.fulltext_sql`).
The triggers call `trame_index_text`, registered here on every SQLite connection: it replaces
each token of a column by its French stem (`search.analysis.stem`), keeping one token per
token, so positions match the original text and FTS5 `snippet()`/`highlight()` mark the
words the user typed in the original text. Queries are built from analysed terms only,
double-quoted, so no FTS5 operator typed by a user ever reaches the MATCH expression.
"""

from contextlib import nullcontext

from django.db import connection

from search.analysis import TOKEN_RE, stem, tokens
from search.engines.digest import row_digest
from search.engines.fulltext_sql import SQLITE_CREATE
from search.engines.sql import Match, best_snippet
from search.query import Clause, ParsedQuery

# bm25() column weights: title, body, document_text.
WEIGHTS = (10.0, 3.0, 1.0)
MARK_START, MARK_END = "\ue000", "\ue001"
SNIPPET_TOKENS = 28


def index_token(token: str) -> str:
    """The stem of one token, guaranteed to stay ONE FTS5 token (folding may split some
    characters: "½" -> "1⁄2")."""
    return "".join(TOKEN_RE.findall(stem(token))) or "_"


def index_text(text) -> str:
    if not text:
        return ""
    return " ".join(index_token(token) for token in tokens(text))


def register_functions(sender, connection, **kwargs):
    """connection_created receiver: the triggers of the FTS5 tables need `trame_index_text`,
    those of the digest column `trame_digest`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("trame_index_text", 1, index_text, deterministic=True)
        connection.connection.create_function("trame_digest", -1, row_digest, deterministic=True)


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def clause_expression(clause: Clause) -> str:
    if clause.is_phrase:
        return quoted(" ".join(index_token(token) for token in clause.tokens))
    return quoted(index_token(clause.terms[0]))


def match_expression(query: ParsedQuery) -> str:
    """The FTS5 MATCH expression: requirements AND-ed, alternatives OR-ed, exclusions NOT."""
    required = " AND ".join(
        "(" + " OR ".join(clause_expression(c) for c in requirement.alternatives) + ")"
        for requirement in query.required
    )
    expression = f"({required})"
    for clause in query.excluded:
        expression = f"({expression} NOT {clause_expression(clause)})"
    return expression


def match(query: ParsedQuery) -> Match:
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    return Match(
        from_sql="search_fts JOIN search_searchentry e ON e.id = search_fts.rowid",
        where_sql="search_fts MATCH %s",
        where_params=[match_expression(query)],
        score_sql=f"bm25(search_fts, {weights}) * e.boost",
    )


def highlights(query: ParsedQuery, ids: list[int]) -> dict[int, tuple[str, str]]:
    """{entry id: (title, snippet)} with the matched words between the private-use markers,
    from the body when it matches, otherwise from the document text."""
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    marks = [MARK_START, MARK_END]
    sql = (
        "SELECT rowid, highlight(search_fts, 0, %s, %s), "
        f"snippet(search_fts, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
        f"snippet(search_fts, 2, %s, %s, '…', {SNIPPET_TOKENS}) "
        f"FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*marks, *marks, *marks, match_expression(query), *ids])
        rows = cursor.fetchall()
    return {
        rowid: (title, best_snippet(body, document, MARK_START))
        for rowid, title, body, document in rows
    }


def vocabulary() -> list[str]:
    """Words of the titles, for "did you mean"."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT term FROM search_suggest_vocab WHERE length(term) > 3")
        return [row[0] for row in cursor.fetchall()]


def clear_index() -> None:
    """Empty the entries and their FTS5 index fast: the per-row delete trigger (which
    re-analyses every old text) is dropped for the statement, then FTS5 forgets everything at
    once. DDL is transactional on SQLite: the caller's transaction restores the trigger."""
    trigger = next(sql for sql in SQLITE_CREATE if "search_entry_deleted" in sql)
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_entry_deleted")
        cursor.execute("DELETE FROM search_searchentrythematic")
        cursor.execute("DELETE FROM search_suggestionterm")
        cursor.execute("DELETE FROM search_searchentry")
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        cursor.execute("INSERT INTO search_suggest(search_suggest) VALUES ('delete-all')")
        cursor.execute(trigger)


def planned_on_the_index():
    return nullcontext()


def after_write(ids: list[int]) -> None:
    """Nothing to do: the triggers index what was written."""


def after_rebuild() -> None:
    """Fold the FTS5 segments written by the rebuild into one, for faster queries."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        cursor.execute("INSERT INTO search_suggest(search_suggest) VALUES ('optimize')")
