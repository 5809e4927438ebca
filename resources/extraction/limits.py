import time
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ExtractionError


@dataclass(frozen=True)
class Limits:
    max_pages: int
    max_chars: int
    time_limit: float
    zip_max_total: int
    zip_max_ratio: int
    zip_max_entries: int

    @classmethod
    def from_settings(cls):
        return cls(
            max_pages=settings.TRAME_EXTRACTION_MAX_PAGES,
            max_chars=settings.TRAME_EXTRACTION_MAX_CHARS,
            time_limit=settings.TRAME_EXTRACTION_TIME_LIMIT,
            zip_max_total=settings.TRAME_EXTRACTION_ZIP_MAX_TOTAL,
            zip_max_ratio=settings.TRAME_EXTRACTION_ZIP_MAX_RATIO,
            zip_max_entries=settings.TRAME_EXTRACTION_ZIP_MAX_ENTRIES,
        )


class Budget:
    """Collects text within the character limit and checks the time limit between parts
    (pages, paragraphs, slides, rows): pure-Python parsers cannot be interrupted safely, so
    the deadline is checked at every step of their loops."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.deadline = time.monotonic() + limits.time_limit
        self.parts: list[str] = []
        self.length = 0
        self.truncated = False

    @property
    def full(self) -> bool:
        return self.length >= self.limits.max_chars

    def check_time(self):
        if time.monotonic() > self.deadline:
            raise ExtractionError(
                _("Text extraction took longer than the %(seconds)s second limit.")
                % {"seconds": f"{self.limits.time_limit:g}"}
            )

    def add(self, text: str) -> bool:
        """Add a part; False once the character limit is reached (stop reading)."""
        self.check_time()
        if not text:
            return not self.full
        room = self.limits.max_chars - self.length
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self.parts.append(text)
        self.length += len(text)
        return not self.full

    def text(self) -> str:
        return "\n".join(self.parts)


def check_zip_archive(file, limits: Limits) -> None:
    """Refuse a zip container (OOXML, ODF) that would expand beyond the limits, before any
    parser opens it: too many entries, too large once uncompressed, or compressed suspiciously
    well (a "zip bomb")."""
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExtractionError(_("The file is damaged or is not a valid document.")) from error
    finally:
        file.seek(0)
    if len(entries) > limits.zip_max_entries:
        raise ExtractionError(_("The document contains too many parts to be read safely."))
    total = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if total > limits.zip_max_total:
        raise ExtractionError(
            _("The document would take %(size)s MB once uncompressed, more than allowed.")
            % {"size": total // (1024 * 1024)}
        )
    for entry in entries:
        # Small entries may compress very well legitimately; only sizeable ones are judged.
        if entry.file_size > 1024 * 1024 and entry.file_size > limits.zip_max_ratio * max(
            entry.compress_size, 1
        ):
            raise ExtractionError(
                _("The document is compressed abnormally (possible zip bomb): it was not opened.")
            )
    if total > 1024 * 1024 and total > limits.zip_max_ratio * max(compressed, 1):
        raise ExtractionError(
            _("The document is compressed abnormally (possible zip bomb): it was not opened.")
        )
