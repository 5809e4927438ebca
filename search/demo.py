"""The demo ends with a complete search index: rebuilt once, after every app's content."""

from search import sources
from search.indexing import discard_pending, engines


def build_demo(demo) -> None:
    # The pages created above asked for their reindexing at commit: the rebuild covers them.
    discard_pending()
    total = sources.all_entries_count()
    for engine in engines():
        engine.rebuild(sources.all_entries(), total, lambda done: None)
    demo.log(f"{total} entrées dans l'index de recherche")
