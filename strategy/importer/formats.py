"""ODT (LibreOffice) and PDF files to the numbered lines the parsers read, with the same
conventions as the Word reader: a heading of level n is `#`×n, a list item is `- ` indented
by its depth, a table row is `| a | b |`. The ODT is read with the bounds of a DOCX (a zip
archive; its XML with no DTD); a PDF only through its text layer, and one without text (a
scan) is refused with a French message saying so."""

import io
import zipfile
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from . import limits
from .errors import PlanImportError

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MAX_PDF_PAGES = 500


def is_odt(archive: zipfile.ZipFile) -> bool:
    try:
        return archive.read("mimetype")[:60].startswith(b"application/vnd.oasis.opendocument")
    except KeyError:
        return False


def odt_lines(content: bytes, deadline) -> list[str]:
    """The body of an ODT's content.xml as lines; `content` is already bounded in size."""
    invalid = PlanImportError(_("The file is not a valid OpenDocument text (.odt)."))
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise invalid
    try:
        root = ElementTree.fromstring(content)  # noqa: S314 - bounded size, DTD refused
    except ElementTree.ParseError as error:
        raise invalid from error
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise invalid
    lines: list[str] = []
    _walk(body, lines, 0, 0, deadline)
    return lines


def _walk(element, lines, list_depth, depth, deadline):
    if depth > limits.MAX_XML_DEPTH:
        raise PlanImportError(
            _("the document nests its elements too deeply (more than %(max)d levels): import "
              "refused.") % {"max": limits.MAX_XML_DEPTH}
        )  # fmt: skip
    for child in element:
        deadline.check(len(lines), "paragraph")
        if len(lines) > limits.MAX_LINES:
            raise PlanImportError(
                _("The document has more than %(max)s paragraphs: import refused.")
                % {"max": limits.MAX_LINES}
            )
        if child.tag == f"{TEXT}h":
            level = child.get(f"{TEXT}outline-level", "1")
            level = int(level) if level.isdigit() and len(level) == 1 else 1
            lines.append("#" * max(1, min(level, 6)) + " " + _text(child))
        elif child.tag == f"{TEXT}p":
            text = _text(child)
            lines.append("  " * (list_depth - 1) + "- " + text if list_depth and text else text)
        elif child.tag == f"{TEXT}list":
            _walk(child, lines, list_depth + 1, depth + 1, deadline)
        elif child.tag in (f"{TEXT}list-item", f"{TEXT}section", f"{TEXT}list-header"):
            _walk(child, lines, list_depth, depth + 1, deadline)
        elif child.tag == f"{TABLE}table":
            for row in child.iter(f"{TABLE}table-row"):
                cells = [_text(cell) for cell in row.findall(f"{TABLE}table-cell")]
                lines.append("| " + " | ".join(cells) + " |")


def _text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{TEXT}s":
            parts.append(" " * min(int(child.get(f"{TEXT}c", "1") or 1), 10))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append(" ")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def pdf_lines(data: bytes, deadline) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    invalid = PlanImportError(_("The file is not a readable PDF."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PlanImportError(
                _("The PDF is protected by a password: save it without protection, or as Word.")
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise PlanImportError(
                _("The PDF has more than %(max)d pages: import refused.") % {"max": MAX_PDF_PAGES}
            )
        lines: list[str] = []
        characters = 0
        for page in reader.pages:
            deadline.check(len(lines), "line")
            text = page.extract_text() or ""
            characters += len(text)
            if characters > limits.MAX_CHARACTERS:
                raise PlanImportError(
                    _("The file holds more than %(max)s characters: import refused.")
                    % {"max": limits.MAX_CHARACTERS}
                )
            lines.extend(text.splitlines())
            lines.append("")
    except PlanImportError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise invalid from error
    if not any(line.strip() for line in lines):
        raise PlanImportError(
            _("This PDF holds no text, only images: it is probably a scan. The importer reads "
              "the text of a document, not pictures of it. Import the Word or LibreOffice "
              "file the plan was written in, or a PDF exported from it (not scanned).")
        )  # fmt: skip
    return lines
