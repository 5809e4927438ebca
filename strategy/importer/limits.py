"""Hard bounds of the importer. A file past one of them is refused with a French message
naming the bound, so that no file can exhaust memory or time. The code reads them through
this module (`limits.MAX_LINES`), so a test may lower one."""

import time

from django.utils.translation import gettext as _

from .errors import PlanImportError

MAX_FILE_BYTES = 10 * 2**20
MAX_XML_BYTES = 20 * 2**20  # word/document.xml once decompressed
MAX_COMPRESSION_RATIO = 200
MAX_XML_DEPTH = 64  # nesting of Word elements; Word itself stays far below
MAX_LIST_LEVEL = 8  # Word's list levels (w:ilvl) go from 0 to 8
MAX_LINES = 100_000  # lines of text, or paragraphs and table rows of a Word document
MAX_LINE_CHARACTERS = 20_000
MAX_CHARACTERS = 5_000_000
MAX_NUMBER_DIGITS = 3  # orientation, axis and each part of an action number: 0 to 999
MAX_ITEMS = 5_000  # orientations, axes and actions together
MAX_SECONDS = 30  # reading and parsing together


class Deadline:
    """The time a file may take to be read and parsed, checked line after line."""

    def __init__(self, seconds: float | None = None):
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self, line: int | None = None, unit: str = "line"):
        if time.monotonic() > self.end:
            raise PlanImportError(
                _(
                    "reading the file takes too long (more than %(seconds)d s): import "
                    "stopped. Split the file or simplify its layout."
                )
                % {"seconds": self.seconds},
                line=line,
                unit=unit,
            )
