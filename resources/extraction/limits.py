import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from home.uploads import ZipLimits
from home.uploads.archives import zip_entries

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
    parser opens it: the same check as at upload (`home.uploads.archives`), for files
    stored before it existed or under other limits."""
    try:
        zip_entries(
            file,
            extension="zip",
            limits=ZipLimits(
                max_total=limits.zip_max_total,
                max_ratio=limits.zip_max_ratio,
                max_entries=limits.zip_max_entries,
            ),
        )
    except ValidationError as error:
        if error.code == "corrupt":
            raise ExtractionError(_("The file is damaged or is not a valid document.")) from error
        raise ExtractionError(error.message) from error
