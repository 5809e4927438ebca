"""The demo ends with a complete search index: rebuilt once, after every app's content."""

from search import sources
from search.indexing import engines


def build_demo(demo) -> None:
    total = sources.all_entries_count()
    for engine in engines():
        engine.rebuild(sources.all_entries(), total, lambda done: None)
    demo.log(f"{total} entrées dans l'index de recherche")
