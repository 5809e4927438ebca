import sys
import time

from django.core.management.base import BaseCommand

from resources.models import ExtractionStatus, ResourceDocument
from resources.services import document_extract_text


class Command(BaseCommand):
    help = "Extract the text of every document again (or only of those whose extraction failed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="Only the documents whose extraction failed."
        )

    def handle(self, *args, failed=False, **options):
        documents = ResourceDocument.objects.order_by("pk")
        if failed:
            documents = documents.filter(extraction_status=ExtractionStatus.FAILED)
        total = documents.count()
        started = time.monotonic()
        results = {ExtractionStatus.DONE: 0, ExtractionStatus.FAILED: 0}
        # Run here rather than through the task queue: the operator watches it progress.
        for number, document in enumerate(documents.iterator(chunk_size=100), start=1):
            status = document_extract_text(document=document).extraction_status
            results[status] = results.get(status, 0) + 1
            self._progress(number, total)
        if total:
            self.stdout.write("")
        self.stdout.write(
            f"{total} document(s) traité(s) en {time.monotonic() - started:.1f} s : "
            f"{results[ExtractionStatus.DONE]} réussi(s), "
            f"{results[ExtractionStatus.FAILED]} en échec."
        )

    def _progress(self, number, total, width=30):
        filled = int(width * number / total) if total else width
        bar = "█" * filled + "·" * (width - filled)
        end = "\r" if self.stdout.isatty() or sys.stdout.isatty() else "\n"
        self.stdout.write(f"[{bar}] {number}/{total}", ending=end)
