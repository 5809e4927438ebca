"""A fingerprint of what the index holds for an entry, so that `search_check` compares the
index with the site through short digests instead of full texts.

The database engine's `digest` column is computed BY THE DATABASE from the stored row
(triggers of migration 0005: `trame_digest`, i.e. `row_digest`, on SQLite; `sha256()` of the
same columns joined the same way on PostgreSQL),
so a row changed by any means, even by hand, shows as stale. `entry_digest()` computes the
same value from an `IndexEntry`, and the Elasticsearch engine stores it with each document.
Popularity and boost are left out: they follow the views and only order results.
"""

import datetime
import hashlib
from collections.abc import Iterable

# The stored columns a digest covers, in order.
DIGEST_COLUMNS = (
    "key",
    "kind",
    "kind_label",
    "title",
    "url",
    "date",
    "resource_type",
    "resource_type_label",
    "structure",
    "structure_label",
    "group",
    "group_label",
    "locks",
    "file_format",
    "file_size",
    "autocomplete",
    "body",
    "document_text",
)
SEPARATOR = "\x1f"


def stored_values(entry) -> dict:
    """The columns the database engine stores for an `IndexEntry`, but the scores
    (popularity, boost) and the year (derived from the date)."""
    return {
        "key": entry.key,
        "kind": entry.kind.value,
        "kind_label": entry.kind.label,
        "title": entry.title,
        "url": entry.url,
        "date": entry.date,
        "resource_type": entry.resource_type.value if entry.resource_type else "",
        "resource_type_label": entry.resource_type.label if entry.resource_type else "",
        "structure": entry.structure.value if entry.structure else "",
        "structure_label": entry.structure.label if entry.structure else "",
        "group": entry.group.value if entry.group else "",
        "group_label": entry.group.label if entry.group else "",
        "locks": f" {' '.join(entry.locks)} " if entry.locks else "",
        "file_format": entry.file_format,
        "file_size": entry.file_size,
        "autocomplete": " ".join(entry.autocomplete),
        "body": entry.body,
        "document_text": entry.document_text,
    }


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def row_digest(*values) -> str:
    """SHA-256 of the columns joined by U+001F, as PostgreSQL's trigger computes it."""
    joined = SEPARATOR.join(_text(value) for value in values)
    return hashlib.sha256(joined.encode()).hexdigest()


def with_thematics(digest: str, thematics: Iterable[tuple[str, str]]) -> str:
    """The row's digest extended with its thematics (a side table), as (value, label)."""
    thematics = sorted(set(thematics))
    if not thematics:
        return digest
    parts = [digest] + [f"{value}{SEPARATOR}{label}" for value, label in thematics]
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


def entry_digest(entry) -> str:
    values = stored_values(entry)
    return with_thematics(
        row_digest(*(values[column] for column in DIGEST_COLUMNS)),
        ((thematic.value, thematic.label) for thematic in entry.thematics),
    )
