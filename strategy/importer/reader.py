"""Bytes to numbered lines: plain text or Markdown in any usual encoding, or a DOCX read
with bounded sizes (a DOCX is a zip archive and may be a zip bomb)."""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from .errors import PlanImportError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class Source:
    lines: list[tuple[int, str]]  # (line or paragraph number, text)
    unit: str  # how the numbers are called in messages


def read_source(path) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PlanImportError(_("Cannot read the file %(path)s.") % {"path": path}) from error
    if size > MAX_FILE_BYTES:
        raise PlanImportError(
            _("The file is too large (%(size)d MB; at most %(max)d MB).")
            % {"size": size // 2**20, "max": MAX_FILE_BYTES // 2**20}
        )
    return read_bytes(path.read_bytes())


def read_bytes(data: bytes) -> Source:
    if data.startswith(b"PK\x03\x04"):
        return _read_docx(data)
    if data.startswith(b"%PDF"):
        raise PlanImportError(
            _("PDF files cannot be imported: save the plan as Word (.docx) or text (.txt).")
        )
    text = _decode(data)
    if not text.strip():
        raise PlanImportError(_("The file is empty: expected the text of a plan."), line=1)
    return Source(list(enumerate(text.splitlines(), start=1)), unit="ligne")


def _decode(data: bytes) -> str:
    not_text = PlanImportError(
        _(
            "The file is not readable text (a binary file?). Accepted formats: text or "
            "Markdown (.txt, .md) and Word (.docx)."
        )
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode text" saved by Word
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise not_text from error
    if b"\x00" in data[:65536]:
        raise not_text
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if len(CONTROL_CHARACTERS.findall(text)) > max(len(text) // 100, 0):
        raise not_text
    return text


def _bounded_read(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    ratio = info.file_size / max(info.compress_size, 1)
    too_big = PlanImportError(
        _("The Word document is abnormally large once decompressed (%(size)d MB): import refused.")
        % {"size": info.file_size // 2**20}
    )
    if info.file_size > MAX_XML_BYTES or (ratio > MAX_COMPRESSION_RATIO and info.file_size > 2**20):
        raise too_big
    with archive.open(info) as stream:
        content = stream.read(MAX_XML_BYTES + 1)  # the header's size may lie
    if len(content) > MAX_XML_BYTES:
        raise too_big
    return content


def _read_docx(data: bytes) -> Source:
    invalid = PlanImportError(_("The file is not a valid Word document (.docx)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        xml = _bounded_read(archive, "word/document.xml")
    except (zipfile.BadZipFile, KeyError, EOFError, OSError) as error:
        raise invalid from error
    # Word never writes a DTD; refusing one leaves no room for entity expansion attacks.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise invalid
    try:
        root = ElementTree.fromstring(xml)  # noqa: S314 - bounded size, DTD refused above
    except ElementTree.ParseError as error:
        raise invalid from error
    body = root.find(f"{W}body")
    if body is None:
        raise invalid
    lines = []
    for element in body:
        if element.tag == f"{W}p":
            lines.append(_paragraph_line(element))
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                cells = [_text(cell) for cell in row.findall(f"{W}tc")]
                lines.append("| " + " | ".join(cells) + " |")
    if not any(line.strip() for line in lines):
        raise PlanImportError(_("The file is empty: expected the text of a plan."), line=1)
    return Source(list(enumerate(lines, start=1)), unit="paragraphe")


def _text(element) -> str:
    parts = []
    for node in element.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr") or node.tag == f"{W}p" and parts:
            parts.append(" ")
    return "".join(parts).strip()


def _paragraph_line(paragraph) -> str:
    text = _text(paragraph)
    properties = paragraph.find(f"{W}pPr")
    style, level = "", 0
    if properties is not None:
        style_element = properties.find(f"{W}pStyle")
        style = style_element.get(f"{W}val", "") if style_element is not None else ""
        numbering = properties.find(f"{W}numPr")
        if numbering is not None:
            level_element = numbering.find(f"{W}ilvl")
            level = int(level_element.get(f"{W}val", "0")) if level_element is not None else 0
            style = style or "List"
    heading = re.match(r"^(?:Heading|Titre|Title)(\d?)$", style, re.IGNORECASE)
    if heading and text:
        return "#" * int(heading.group(1) or 1) + " " + text
    is_list = re.search(r"List|Liste|Puce", style, re.IGNORECASE)
    if is_list and text:
        depth = max(level, int(style[-1]) - 1 if style[-1:].isdigit() else 0)
        return "  " * depth + "- " + text
    return text
