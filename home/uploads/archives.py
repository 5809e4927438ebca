"""Zip containers: office documents (OOXML, OpenDocument) and plain ZIP archives. Only their
table of contents and the first bytes of their XML parts are read: nothing is expanded
before the limits are checked."""

import posixpath
import xml.etree.ElementTree as ElementTree  # noqa: S405 - only the ParseError class
import zipfile
import zlib

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from . import errors
from .rules import UploadRules, ZipLimits

PACKAGE_SIGNATURE = b"PK\x03\x04"  # an office package starts with its first part
ZIP_SIGNATURES = (PACKAGE_SIGNATURE, b"PK\x05\x06")  # any archive, or an empty one
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office writes a password-protected DOCX/XLSX/PPTX as an OLE2 file holding this stream.
ENCRYPTED_OOXML_STREAM = "EncryptedPackage".encode("utf-16-le")
# Small parts may compress very well legitimately; only sizeable ones are judged on ratio.
RATIO_THRESHOLD = 1024 * 1024
# Relationships, content types and manifests are a few kB; more is not read.
PACKAGE_PART_MAX = 4 * 1024 * 1024

# Extension → the content type the package's main part must have (OOXML).
OOXML_MAIN_TYPES = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    ),
}
OFFICE_DOCUMENT_RELATION = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
# Extension → the `mimetype` entry every OpenDocument file starts with.
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}


def zip_entries(file, *, extension: str, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """The entries of a zip archive, once it is known to stay within the limits: not too
    many parts, not too large once uncompressed, not compressed suspiciously well (a "zip
    bomb"). Raises ValidationError otherwise, or when the archive is damaged."""
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise errors.corrupt(extension=extension) from None
    finally:
        file.seek(0)
    if len(entries) > limits.max_entries:
        raise errors.archive_too_many_parts(count=len(entries), limit=limits.max_entries)
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_total:
        raise errors.archive_too_large_uncompressed(size=total, limit=limits.max_total)
    compressed = sum(entry.compress_size for entry in entries)
    for entry in entries:
        if entry.file_size > RATIO_THRESHOLD and entry.file_size > limits.max_ratio * max(
            entry.compress_size, 1
        ):
            raise errors.archive_abnormal_ratio(ratio=limits.max_ratio)
    if total > RATIO_THRESHOLD and total > limits.max_ratio * max(compressed, 1):
        raise errors.archive_abnormal_ratio(ratio=limits.max_ratio)
    return entries


def check_zip(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """A plain ZIP archive: within the limits and not password-protected."""
    if not head.startswith(ZIP_SIGNATURES):
        raise errors.content_mismatch(extension=extension)
    _unencrypted(zip_entries(file, extension=extension, limits=rules.zip_limits))


def check_ooxml(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """A Word, Excel or PowerPoint file: a zip package whose main part (found through the
    package relationships, not guessed from its name) has the type of the extension."""
    if head.startswith(OLE2_SIGNATURE) and _contains(file, ENCRYPTED_OOXML_STREAM):
        raise errors.encrypted()
    if not head.startswith(PACKAGE_SIGNATURE):
        raise errors.content_mismatch(extension=extension)
    entries = _unencrypted(zip_entries(file, extension=extension, limits=rules.zip_limits))
    with zipfile.ZipFile(file) as archive:
        try:
            _check_xml_parts(archive, entries, extension=extension)
            main_part = _ooxml_main_part(archive)
            content_type = _ooxml_content_type(archive, main_part)
        except KeyError:  # a part every package has is missing: another kind of zip
            raise errors.content_mismatch(extension=extension) from None
        except ElementTree.ParseError:
            raise errors.corrupt(extension=extension) from None
        finally:
            file.seek(0)
        if content_type not in OOXML_MAIN_TYPES[extension] or main_part not in archive.NameToInfo:
            raise errors.content_mismatch(extension=extension)


def check_odf(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """An OpenDocument file: a zip package that starts with the mimetype of its extension."""
    if not head.startswith(PACKAGE_SIGNATURE):
        raise errors.content_mismatch(extension=extension)
    entries = _unencrypted(zip_entries(file, extension=extension, limits=rules.zip_limits))
    with zipfile.ZipFile(file) as archive:
        try:
            mimetype = _read(archive, "mimetype", 200).strip()
            if mimetype != ODF_MIMETYPES[extension] or "content.xml" not in archive.NameToInfo:
                raise errors.content_mismatch(extension=extension)
            # An encrypted OpenDocument keeps a readable manifest that says so.
            if b"encryption-data" in _read(archive, "META-INF/manifest.xml", PACKAGE_PART_MAX):
                raise errors.encrypted()
            _check_xml_parts(archive, entries, extension=extension)
        except KeyError:  # a part every package has is missing: another kind of zip
            raise errors.content_mismatch(extension=extension) from None
        finally:
            file.seek(0)


def _unencrypted(entries: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise errors.encrypted()
    return entries


def _check_xml_parts(archive: zipfile.ZipFile, entries, *, extension: str) -> None:
    """No XML part may declare a DTD or entities (XXE, "billion laughs"). A declaration can
    only come before the root element, so each part is read up to its first element."""
    for entry in entries:
        if not entry.filename.lower().endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(entry) as part:
                for _event in iterparse(part, events=("start",), forbid_dtd=True):
                    break
        except DefusedXmlException:
            raise errors.xml_declarations() from None
        except (
            ElementTree.ParseError,
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            NotImplementedError,  # an unknown compression method
            ValueError,
        ):
            raise errors.corrupt(extension=extension) from None


def _ooxml_main_part(archive: zipfile.ZipFile) -> str:
    rels = _parse(archive, "_rels/.rels")
    for relation in rels.iter():
        if relation.get("Type") == OFFICE_DOCUMENT_RELATION:
            target = relation.get("Target", "")
            return posixpath.normpath(target.lstrip("/"))
    raise KeyError("officeDocument")


def _ooxml_content_type(archive: zipfile.ZipFile, part_name: str) -> str:
    types = _parse(archive, "[Content_Types].xml")
    extension = part_name.rsplit(".", 1)[-1].lower()
    default = ""
    for element in types.iter():
        if element.tag.endswith("Override") and element.get("PartName", "").lstrip("/") == (
            part_name
        ):
            return element.get("ContentType", "")
        if element.tag.endswith("Default") and element.get("Extension", "").lower() == extension:
            default = element.get("ContentType", "")
    return default


def _parse(archive: zipfile.ZipFile, name: str):
    """A small package part (relationships, content types), parsed safely. Its size is
    already bounded by the archive limits."""
    from defusedxml.ElementTree import fromstring

    return fromstring(_read(archive, name, PACKAGE_PART_MAX), forbid_dtd=True)


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as part:
        return part.read(limit)


def _contains(file, needle: bytes, chunk_size: int = 1024 * 1024) -> bool:
    """Whether `needle` occurs in the file, read in chunks (the file is already bounded by
    the upload size limit)."""
    file.seek(0)
    tail = b""
    try:
        while chunk := file.read(chunk_size):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
        return False
    finally:
        file.seek(0)
