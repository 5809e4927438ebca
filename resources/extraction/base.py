import logging
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import formats
from .errors import ExtractionError
from .limits import Budget, Limits

logger = logging.getLogger(__name__)

# Extension → (reader, what the first bytes must be, or None when any content is fine).
READERS = {
    "pdf": (formats.read_pdf, (b"%PDF-",)),
    "docx": (formats.read_docx, (b"PK\x03\x04",)),
    "pptx": (formats.read_pptx, (b"PK\x03\x04",)),
    "xlsx": (formats.read_xlsx, (b"PK\x03\x04",)),
    "odt": (formats.read_odf, (b"PK\x03\x04",)),
    "ods": (formats.read_odf, (b"PK\x03\x04",)),
    "odp": (formats.read_odf, (b"PK\x03\x04",)),
    "txt": (formats.read_plain_text, None),
    "md": (formats.read_plain_text, None),
    "csv": (formats.read_plain_text, None),
    "html": (formats.read_html, None),
    "htm": (formats.read_html, None),
}
# Files without text to extract: extraction succeeds with no text (they get a thumbnail).
WITHOUT_TEXT = {"png", "jpg", "jpeg", "gif", "webp"}

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")
SPACES = re.compile(r"[ \t\u00a0]{2,}")


@dataclass
class ExtractionResult:
    text: str
    page_count: int | None
    truncated: bool = False


def normalise_text(text: str) -> str:
    """NFKC turns ligatures (ﬁ, ﬂ) and compatibility characters into plain letters, so that
    search finds "profil" in a PDF that draws "proﬁl"; control characters (NUL among them,
    which PostgreSQL refuses) go."""
    text = unicodedata.normalize("NFKC", text)
    text = CONTROL_CHARACTERS.sub("", text)
    text = SPACES.sub(" ", text)
    return BLANK_LINES.sub("\n\n", text).strip()


def extract(file, extension: str, limits: Limits | None = None) -> ExtractionResult:
    """Extract the text of an open binary file whose name ends with `extension`.

    Raises ExtractionError with a French reason for editors; never anything else.
    """
    limits = limits or Limits.from_settings()
    extension = extension.lower().lstrip(".")
    head = file.read(1024)
    file.seek(0)
    if not head:
        raise ExtractionError(_("The file is empty."))
    if extension in WITHOUT_TEXT:
        return ExtractionResult(text="", page_count=None)
    if extension not in READERS:
        raise ExtractionError(
            _("Text cannot be extracted from .%(extension)s files.") % {"extension": extension}
        )
    reader, signatures = READERS[extension]
    if signatures and not head.startswith(signatures):
        raise ExtractionError(
            _("The content of the file does not match its extension (.%(extension)s).")
            % {"extension": extension}
        )
    budget = Budget(limits)
    try:
        page_count = reader(file, budget)
    except ExtractionError:
        raise
    except MemoryError as error:
        raise ExtractionError(_("The document is too large to be read.")) from error
    except RecursionError as error:
        raise ExtractionError(_("The document is damaged or is not a valid document.")) from error
    except Exception as error:
        # Parsers raise many kinds of errors on damaged files; all mean the same to editors.
        logger.info("Extraction failed on a .%s file: %r", extension, error)
        raise ExtractionError(_("The document is damaged or is not a valid document.")) from error
    return ExtractionResult(
        text=normalise_text(budget.text()), page_count=page_count, truncated=budget.truncated
    )
