import os
import zipfile

from django.core.exceptions import ValidationError

import filetype

from . import archives, documents, errors, images
from .rules import UploadRules

HEAD_SIZE = 8192

# Extension → the check of its content. An extension an administrator allows that is not
# listed here is accepted on its name, size and the polyglot check only.
CONTENT_CHECKS = {
    "pdf": documents.check_pdf,
    "doc": documents.check_ole2,
    "xls": documents.check_ole2,
    "ppt": documents.check_ole2,
    "rtf": documents.check_rtf,
    "txt": documents.check_text,
    "md": documents.check_text,
    "csv": documents.check_text,
    "html": documents.check_text,
    "htm": documents.check_text,
    "docx": archives.check_ooxml,
    "xlsx": archives.check_ooxml,
    "pptx": archives.check_ooxml,
    "odt": archives.check_odf,
    "ods": archives.check_odf,
    "odp": archives.check_odf,
    "zip": archives.check_zip,
    **dict.fromkeys(images.IMAGE_FORMATS, images.check_image),
}
# Formats that are zip containers themselves: for every other one, being also a valid zip
# archive means a hybrid ("polyglot") file, made to be read differently by different tools.
ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}


def file_extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def validate_upload(file, rules: UploadRules) -> None:
    """Check an uploaded file against `rules` before anything is stored: not empty, an
    accepted extension, within the size limit, and content that is what the extension says
    (whole, not password-protected, not a zip or pixel bomb, not a hybrid file).

    Raises a `ValidationError` whose message tells the person what is wrong and what is
    accepted (see `errors`). Leaves the file at its start.
    """
    extension = file_extension(file.name)
    size = file.size
    if not size:
        raise errors.empty()
    if extension not in rules.extensions:
        raise errors.extension_refused(extension=extension, allowed=rules.extensions)
    if rules.max_size is not None and size > rules.max_size:
        raise errors.too_large(size=size, limit=rules.max_size)
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    check = CONTENT_CHECKS.get(extension)
    try:
        if check is not None:
            check(file, head, extension=extension, rules=rules)
        if extension not in ZIP_BASED and _is_zip(file):
            raise errors.polyglot(extension=extension)
    except ValidationError as error:
        if error.code == "mismatch":
            raise _with_guess(error, head, extension) from None
        raise
    finally:
        file.seek(0)


def _is_zip(file) -> bool:
    try:
        return zipfile.is_zipfile(file)
    finally:
        file.seek(0)


def _with_guess(error, head: bytes, extension: str):
    """A mismatch says what the file seems to be, when its signature is known."""
    kind = filetype.guess(head)
    if kind is None or kind.extension == extension:
        return error
    return errors.content_mismatch(extension=extension, looks_like=kind.extension.upper())
