"""Writes of the resource library: extraction results, usage figures."""

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.search import index

from resources.extraction import ExtractionError, detect_language, extract
from resources.models import (
    DocumentDownloadDay,
    ExtractionStatus,
    ResourceDocument,
    ResourceViewDay,
)
from resources.previews import make_thumbnail
from resources.signals import document_text_extracted

logger = logging.getLogger(__name__)


def _read_seekable(document: ResourceDocument):
    """The stored file as a seekable binary file (remote storages may not be)."""
    handle = document.file.open("rb")
    if handle.seekable():
        return handle
    data = handle.read()
    handle.close()
    return io.BytesIO(data)


def _sha256(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def document_extract_text(*, document: ResourceDocument) -> ResourceDocument:
    """Read the document's file: checksum (and duplicate in its collection), text, page count,
    language and thumbnail. A failure is recorded with its reason; the file is left alone.

    Writes with `update()` so that the document's `save()` (which enqueues this work) is not
    triggered again.
    """
    values = {"extracted_at": timezone.now(), "duplicate_of": None}
    try:
        handle = _read_seekable(document)
    except OSError:
        values.update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_error=_("The file cannot be found in storage."),
        )
        ResourceDocument.objects.filter(pk=document.pk).update(**values)
        document.refresh_from_db()
        return document
    with handle:
        checksum = _sha256(handle)
        values["checksum_sha256"] = checksum
        values["duplicate_of"] = (
            ResourceDocument.objects.filter(
                collection_id=document.collection_id, checksum_sha256=checksum, pk__lt=document.pk
            )
            .order_by("pk")
            .first()
        )
        extension = document.file_format or document.file_extension
        try:
            result = extract(handle, extension)
        except ExtractionError as error:
            values.update(
                extraction_status=ExtractionStatus.FAILED,
                extraction_error=str(error),
                extracted_text="",
                page_count=None,
                language="",
            )
        else:
            values.update(
                extraction_status=ExtractionStatus.DONE,
                extraction_error="",
                extracted_text=result.text,
                page_count=result.page_count,
                language=detect_language(result.text),
            )
        handle.seek(0)
        thumbnail = make_thumbnail(handle, extension)
    if document.thumbnail:
        document.thumbnail.delete(save=False)
    if thumbnail:
        name = document.thumbnail.field.generate_filename(document, f"{document.pk}.png")
        values["thumbnail"] = document.thumbnail.storage.save(name, ContentFile(thumbnail))
    else:
        values["thumbnail"] = ""
    ResourceDocument.objects.filter(pk=document.pk).update(**values)
    document.refresh_from_db()
    # update() sends no post_save: the search indexes learn the extracted text here.
    index.insert_or_update_object(document)
    document_text_extracted.send(sender=type(document), document=document)
    return document


def _viewer_structure_id(user):
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.structure_id if profile else None


def resource_record_view(*, resource, user) -> None:
    """Count one view of a resource page today, for the viewer's structure."""
    counter, created = ResourceViewDay.objects.get_or_create(
        day=timezone.localdate(),
        resource_id=resource.pk,
        structure_id=_viewer_structure_id(user),
        defaults={"views": 1},
    )
    if not created:
        ResourceViewDay.objects.filter(pk=counter.pk).update(views=F("views") + 1)


def document_record_download(*, document, user) -> None:
    """Count one download of a document today, for the downloader's structure."""
    counter, created = DocumentDownloadDay.objects.get_or_create(
        day=timezone.localdate(),
        document_id=document.pk,
        structure_id=_viewer_structure_id(user),
        defaults={"downloads": 1},
    )
    if not created:
        DocumentDownloadDay.objects.filter(pk=counter.pk).update(downloads=F("downloads") + 1)
