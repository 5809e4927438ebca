"""PDF copies of pages and listings, drawn by WeasyPrint from an HTML template.

Every PDF is one call to `pdf_response`: a template extending `pdf/document.html` (which
puts the network's name, the date and page numbers in the page margins), a title and a file
name. The PDF is tagged (PDF/UA-1) with its title and language. A new kind of PDF (the
results of a consultation, say) is one view that builds its context and calls this.

WeasyPrint fetches the stylesheets and images of the HTML itself: `PermissionCheckedFetcher`
serves it static files and the media files the requesting user may view (the same check as
the media view), and nothing else: no external address, no other file of the server.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/ua-1"  # tagged, with its title shown and its language declared


class PermissionCheckedFetcher(URLFetcher):
    """Answers WeasyPrint's requests from this server's files, never from the network. A
    refused address only leaves its image or stylesheet out of the PDF."""

    def __init__(self, user, host: str):
        super().__init__(allowed_protocols=("http", "https"), allow_redirects=False)
        self.user = user
        self.host = host

    def fetch(self, url: str, headers=None):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != self.host:
            raise ValueError(f"Refused outside address: {url}")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            body = self._static(path.removeprefix(settings.STATIC_URL))
        elif path.startswith(settings.MEDIA_URL):
            body = self._media(path.removeprefix(settings.MEDIA_URL))
        else:
            body = None
        if body is None:
            raise ValueError(f"Refused address: {url}")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _static(name: str) -> bytes | None:
        name = posixpath.normpath(name)
        if name.startswith((".", "/")):
            return None
        if settings.STATIC_ROOT and staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return handle.read()
        found = finders.find(name)
        if not found:
            return None
        with open(found, "rb") as handle:
            return handle.read()

    def _media(self, name: str) -> bytes | None:
        from home.views import media_path_visible_to

        name = media_path_visible_to(name, self.user)
        if name is None or not default_storage.exists(name):
            return None
        with default_storage.open(name) as handle:
            return handle.read()


def pdf_bytes(request, template: str, context: dict) -> bytes:
    html = render_to_string(template, context, request=request)
    fetcher = PermissionCheckedFetcher(request.user, request.get_host())
    document = HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher
    ).render()
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def pdf_response(request, template: str, context: dict, *, title: str) -> HttpResponse:
    """The PDF of `template` as a download named after `title`; the template gets `title`."""
    content = pdf_bytes(request, template, {**context, "pdf_title": title})
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{slugify(title)[:80] or 'document'}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response
