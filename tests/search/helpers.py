"""Test helpers for code that searches through the real engine."""

from search import sources
from search.engines.database import DatabaseEngine


def rebuild_search_index() -> None:
    """Index everything created so far. Index updates run once a transaction commits, which a
    test inside a rolled-back transaction never reaches: tests that search call this first."""
    DatabaseEngine().rebuild(sources.all_entries(), sources.all_entries_count(), lambda done: None)
