from django.http import Http404
from django.shortcuts import get_object_or_404

from resources.models import DocumentVersion, ResourceDocument
from resources.serving import check_document_access, file_response


def document_version(request, version_id, filename):
    version = get_object_or_404(DocumentVersion.objects.select_related("document"), pk=version_id)
    if version.filename != filename:
        raise Http404
    check_document_access(version.document, request.user)
    return file_response(version.file, version.filename)


def document_thumbnail(request, document_id):
    document = get_object_or_404(ResourceDocument, pk=document_id)
    check_document_access(document, request.user)
    if not document.thumbnail:
        raise Http404
    return file_response(document.thumbnail, f"{document.pk}.png")
