"""Bytes to numbered lines: plain text or Markdown in any usual encoding, or a DOCX read
with bounded sizes (a DOCX is a zip archive and may be a zip bomb), bounded nesting and
checked attributes. Every bound is in `limits`."""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from . import formats, limits
from .errors import PlanImportError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
HEADING_STYLE_RE = re.compile(r"^(?:Heading|Titre|Title)([0-9]?)$", re.IGNORECASE)
LIST_STYLE_RE = re.compile(r"List|Liste|Puce", re.IGNORECASE)
STYLE_LEVEL_RE = re.compile(r"([0-9])$")


@dataclass
class Source:
    lines: list[tuple[int, str]]  # (line or paragraph number, text)
    unit: str  # "line" or "paragraph": how messages name a number
    deadline: limits.Deadline = field(default_factory=limits.Deadline)


def read_source(path) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PlanImportError(_("Cannot read the file %(path)s.") % {"path": path}) from error
    _check_size(size)
    return read_bytes(path.read_bytes())


def _check_size(size: int):
    if size > limits.MAX_FILE_BYTES:
        raise PlanImportError(
            _("The file is too large (%(size)d MB; at most %(max)d MB).")
            % {"size": size // 2**20, "max": limits.MAX_FILE_BYTES // 2**20}
        )


def read_bytes(data: bytes) -> Source:
    _check_size(len(data))
    deadline = limits.Deadline()
    if data.startswith(b"PK\x03\x04"):
        return _read_docx(data, deadline)
    if data.startswith(b"%PDF"):
        return _checked(formats.pdf_lines(data, deadline), "line", deadline)
    text = _decode(data)
    if not text.strip():
        raise PlanImportError(_("The file is empty: expected the text of a plan."), line=1)
    if len(text) > limits.MAX_CHARACTERS:
        raise _too_many_characters()
    lines = text.splitlines()
    _check_line_count(len(lines), "line")
    for number, line in enumerate(lines, start=1):
        _check_line_length(number, line, "line")
    return Source(list(enumerate(lines, start=1)), unit="line", deadline=deadline)


def _checked(lines: list[str], unit: str, deadline) -> Source:
    """Lines of an ODT or a PDF, within the bounds of any other file."""
    _check_line_count(len(lines), unit)
    for number, line in enumerate(lines, start=1):
        _check_line_length(number, line, unit)
    if not any(line.strip() for line in lines):
        raise PlanImportError(_("The file is empty: expected the text of a plan."), line=1)
    return Source(list(enumerate(lines, start=1)), unit=unit, deadline=deadline)


def _count(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")  # French digit grouping


def _too_many_characters():
    return PlanImportError(
        _("The file holds more than %(max)s characters: import refused.")
        % {"max": _count(limits.MAX_CHARACTERS)}
    )


def _check_line_count(count: int, unit: str):
    if count > limits.MAX_LINES:
        message = (
            _("The document has more than %(max)s paragraphs: import refused.")
            if unit == "paragraph"
            else _("The file has more than %(max)s lines: import refused.")
        )
        raise PlanImportError(message % {"max": _count(limits.MAX_LINES)})


def _check_line_length(number: int, line: str, unit: str):
    if len(line) > limits.MAX_LINE_CHARACTERS:
        raise PlanImportError(
            _("too long: %(length)s characters (at most %(max)s).")
            % {"length": _count(len(line)), "max": _count(limits.MAX_LINE_CHARACTERS)},
            line=number,
            unit=unit,
            text=line[:200],
        )


def _decode(data: bytes) -> str:
    not_text = PlanImportError(
        _(
            "The file is not readable text (a binary file?). Accepted formats: text or "
            "Markdown (.txt, .md), Word (.docx), LibreOffice (.odt) and PDF with text."
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
    if info.file_size > limits.MAX_XML_BYTES or (
        ratio > limits.MAX_COMPRESSION_RATIO and info.file_size > 2**20
    ):
        raise too_big
    with archive.open(info) as stream:
        content = stream.read(limits.MAX_XML_BYTES + 1)  # the header's size may lie
    if len(content) > limits.MAX_XML_BYTES:
        raise too_big
    return content


def _read_docx(data: bytes, deadline: limits.Deadline) -> Source:
    invalid = PlanImportError(_("The file is not a valid Word document (.docx)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if formats.is_odt(archive):
            lines = formats.odt_lines(_bounded_read(archive, "content.xml"), deadline)
            return _checked(lines, "paragraph", deadline)
        xml = _bounded_read(archive, "word/document.xml")
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, RuntimeError) as error:
        raise invalid from error  # RuntimeError: an encrypted entry
    # Word never writes a DTD; refusing one leaves no room for entity expansion attacks.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise invalid
    try:
        lines = _body_lines(xml, deadline)
    except ElementTree.ParseError as error:
        raise invalid from error
    if lines is None:
        raise invalid
    if not any(line.strip() for line in lines):
        raise PlanImportError(_("The file is empty: expected the text of a plan."), line=1)
    return Source(list(enumerate(lines, start=1)), unit="paragraph", deadline=deadline)


def _body_lines(xml: bytes, deadline: limits.Deadline) -> list[str] | None:
    """The body's paragraphs and table rows as lines, read as a stream: each one is
    dropped from memory once read, and nesting is bounded before anything is built."""
    lines: list[str] = []
    characters = 0
    stack: list[str] = []
    found_body = False
    events = ElementTree.iterparse(io.BytesIO(xml), events=("start", "end"))  # noqa: S314 - bounded size, DTD refused
    for event, element in events:
        if event == "start":
            stack.append(element.tag)
            if len(stack) > limits.MAX_XML_DEPTH:
                raise PlanImportError(
                    _(
                        "the Word document nests its elements too deeply (more than %(max)d "
                        "levels): import refused."
                    )
                    % {"max": limits.MAX_XML_DEPTH},
                    line=len(lines) + 1,
                    unit="paragraph",
                )
            found_body = found_body or stack[:2] == [f"{W}document", f"{W}body"]
            continue
        stack.pop()
        if stack != [f"{W}document", f"{W}body"]:
            continue
        if element.tag == f"{W}p":
            new_lines = [_paragraph_line(element, len(lines) + 1)]
        elif element.tag == f"{W}tbl":
            new_lines = [
                "| " + " | ".join(_text(cell) for cell in row.findall(f"{W}tc")) + " |"
                for row in element.iter(f"{W}tr")
            ]
        else:
            new_lines = []
        element.clear()  # read once: nothing of the body stays in memory
        for line in new_lines:
            lines.append(line)
            _check_line_length(len(lines), line, "paragraph")
            characters += len(line)
        _check_line_count(len(lines), "paragraph")
        if characters > limits.MAX_CHARACTERS:
            raise _too_many_characters()
        deadline.check(len(lines), "paragraph")
    return lines if found_body else None


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


def _list_level(value: str, number: int, text: str) -> int:
    """Word's list level (w:ilvl): a whole number from 0 to 8. Anything else is a broken or
    hostile file, named by its paragraph rather than guessed."""
    if value.isascii() and value.isdigit() and len(value) <= 3:
        level = int(value)
        if level <= limits.MAX_LIST_LEVEL:
            return level
    raise PlanImportError(
        _(
            "the list level (w:ilvl) “%(value)s” is not valid: expected a whole number from "
            "0 to %(max)d."
        )
        % {"value": value[:20], "max": limits.MAX_LIST_LEVEL},
        line=number,
        unit="paragraph",
        text=text,
    )


def _paragraph_line(paragraph, number: int) -> str:
    text = _text(paragraph)
    properties = paragraph.find(f"{W}pPr")
    style, level = "", 0
    if properties is not None:
        style_element = properties.find(f"{W}pStyle")
        style = style_element.get(f"{W}val", "") if style_element is not None else ""
        numbering = properties.find(f"{W}numPr")
        if numbering is not None:
            level_element = numbering.find(f"{W}ilvl")
            if level_element is not None:
                level = _list_level(level_element.get(f"{W}val", "0"), number, text)
            style = style or "List"
    heading = HEADING_STYLE_RE.match(style)
    if heading and text:
        return "#" * int(heading.group(1) or 1) + " " + text
    if LIST_STYLE_RE.search(style) and text:
        style_level = STYLE_LEVEL_RE.search(style)
        depth = max(level, int(style_level.group(1)) - 1 if style_level else 0)
        return "  " * depth + "- " + text
    return text
