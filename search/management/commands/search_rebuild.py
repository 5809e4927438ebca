import sys
import time

from django.core.management.base import BaseCommand

from search import sources
from search.indexing import engines
from search.tasks import warm_results_on_commit


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the site's content: the database index, and the "
        "Elasticsearch index when ELASTICSEARCH_URL is set (built aside, then swapped in)."
    )

    def handle(self, *args, **options):
        total = sources.all_entries_count()
        for engine in engines():
            started = time.monotonic()
            self.stdout.write(f"Index {engine.name} : {total} entrée(s) à indexer.")
            engine.rebuild(sources.all_entries(), total, lambda done: self._progress(done, total))
            if total:
                self.stdout.write("")
            self.stdout.write(
                f"Index {engine.name} reconstruit en {time.monotonic() - started:.1f} s."
            )
        warm_results_on_commit()

    def _progress(self, number, total, width=30):
        number = min(number, total)
        filled = int(width * number / total) if total else width
        bar = "█" * filled + "·" * (width - filled)
        end = "\r" if self.stdout.isatty() or sys.stdout.isatty() else "\n"
        self.stdout.write(f"[{bar}] {number}/{total}", ending=end)
