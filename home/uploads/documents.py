"""Formats that are not zip containers: PDF, legacy Office (OLE2), RTF and plain text."""

import logging

from django.core.exceptions import ValidationError

import filetype

from . import errors
from .rules import UploadRules

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_SIGNATURE = b"{\\rtf"
TEXT_SAMPLE = 8192


def check_pdf(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """A PDF that opens, whose pages can be listed, and that needs no password (a PDF
    encrypted with an empty password, which only restricts printing or copying, is fine)."""
    from pypdf import PasswordType, PdfReader

    if not head.startswith(PDF_SIGNATURE):
        raise errors.content_mismatch(extension=extension)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unknown algorithm, missing crypto provider
                raise errors.encrypted() from None
            if opened == PasswordType.NOT_DECRYPTED:
                raise errors.encrypted()
        page_count = len(reader.pages)
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001
        # pypdf raises many kinds of errors on a damaged file; all mean the same to people.
        logger.info("Refused a damaged PDF upload: %r", error)
        raise errors.corrupt(extension=extension) from None
    finally:
        file.seek(0)
    if page_count == 0:
        raise errors.corrupt(extension=extension)


def check_ole2(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """Word 97-2003, Excel 97-2003, PowerPoint 97-2003: a compound file."""
    if not head.startswith(OLE2_SIGNATURE):
        raise errors.content_mismatch(extension=extension)


def check_rtf(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    if not head.startswith(RTF_SIGNATURE):
        raise errors.content_mismatch(extension=extension)


def check_text(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """Text (TXT, Markdown, CSV, HTML): no NUL byte, which no text encoding we read
    (UTF-8, Windows-1252) produces and which nearly every binary format has, and no
    signature of a binary format."""
    sample = head[:TEXT_SAMPLE]
    if b"\x00" in sample or filetype.guess(sample) is not None:
        raise errors.content_mismatch(extension=extension)
