"""Every file of the library (current document, old version, thumbnail) leaves through here,
after the same permission check (`home.visibility.document_is_visible_to`)."""

import mimetypes
import os

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from home.visibility import document_is_visible_to

# A browser could run scripts from these: always downloaded, never displayed.
ACTIVE_CONTENT_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
}
ACTIVE_EXTENSIONS = {"html", "htm", "xhtml", "svg", "svgz", "xml"}


def check_document_access(document, user) -> None:
    """404 rather than 403: a user who may not view a document does not learn it exists."""
    if not document_is_visible_to(document, user):
        raise Http404


def file_response(file_field, filename: str) -> FileResponse:
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    try:
        handle = file_field.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    inline_types = getattr(
        settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf", "text/plain"]
    )
    as_attachment = (
        content_type in ACTIVE_CONTENT_TYPES
        or extension in ACTIVE_EXTENSIONS
        or content_type not in inline_types
    )
    # RFC 6266 with an ASCII fallback and the UTF-8 name: accents survive in every browser.
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-transform"
    response["Content-Length"] = file_field.size
    return response


def serve_document(document, request) -> FileResponse:
    from resources.services import document_record_download

    check_document_access(document, request.user)
    response = file_response(document.file, document.filename)
    document_record_download(document=document, user=request.user)
    return response
