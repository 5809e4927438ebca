"""Reads of the resource library that several views share."""

import datetime

from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone

from home.visibility import hidden_collection_ids
from resources.models import (
    DocumentDownloadDay,
    DocumentVersion,
    ResourcePage,
    ResourceViewDay,
)


def resource_figures(resource, *, days: int = 30) -> dict:
    """Views of the page and downloads of its documents, over `days` and in total."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    views = ResourceViewDay.objects.filter(resource=resource)
    links = resource.resource_documents.all()
    # A preview's page is a revision's: its documents are in memory, not a queryset.
    document_ids = (
        links.values("document_id")
        if isinstance(links, QuerySet)
        else [link.document_id for link in links]
    )
    downloads = DocumentDownloadDay.objects.filter(document_id__in=document_ids)
    return {
        "days": days,
        "views_recent": views.filter(day__gte=since).aggregate(n=Sum("views"))["n"] or 0,
        "views_total": views.aggregate(n=Sum("views"))["n"] or 0,
        "downloads_recent": downloads.filter(day__gte=since).aggregate(n=Sum("downloads"))["n"]
        or 0,
        "downloads_total": downloads.aggregate(n=Sum("downloads"))["n"] or 0,
    }


def resource_page_context(resource, user) -> dict:
    """The documents the user may download (each with its previous versions, current first),
    the links, the related resources the user may view, and the figures for its editors."""
    hidden = hidden_collection_ids(user)
    links = resource.resource_documents.select_related("document").prefetch_related(
        Prefetch("document__versions", queryset=DocumentVersion.objects.order_by("-replaced_at"))
    )
    documents = [link for link in links if link.document.collection_id not in hidden]
    related_ids = [item.related_id for item in resource.related_resources.all()]
    related = ResourcePage.objects.visible_to(user).filter(pk__in=related_ids).newest()
    context = {
        "documents": documents,
        "external_links": resource.links.all(),
        "related": related,
    }
    if user.is_authenticated and resource.permissions_for_user(user).can_edit():
        context["figures"] = resource_figures(resource)
    return context
