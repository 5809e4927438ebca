"""Pages as JSON: the fields every page shares, then the structured fields of its own type,
read from its model (so a new page type needs no new serializer). Whatever a page links to
(documents, related pages) is narrowed to what the caller may view, as the site does."""

from django.db import models

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.rich_text import hide_reserved_links
from home.visibility import hidden_collection_ids

# Kept by services, or internal to Wagtail: never part of an answer.
SKIPPED_FIELDS = {"members_group", "leads_group", "collection", "has_minutes", "page_ptr"}


def page_type(page) -> str:
    return f"{page._meta.app_label}.{page._meta.model_name}"


def absolute(request, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url and request is not None else url


def page_summary(page, request) -> dict:
    """What a list shows of any page."""
    return {
        "id": page.pk,
        "type": page_type(page),
        "title": page.title,
        "slug": page.slug,
        "url": absolute(request, page.get_url(request=request)),
        "summary": getattr(page, "summary", ""),
        "parent_id": None,  # filled by page_detail
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


# Named in full: open lists of the network. Anything else (people, images, documents,
# pages) is given by id only, since its own endpoint or URL checks who may see it.
LABELLED_MODELS = {"groups.structure", "groups.thematic", "resources.resourcetype"}


def _related_value(field, value):
    if value is None:
        return None
    if value._meta.label_lower not in LABELLED_MODELS:
        return {"id": value.pk}
    return {"id": value.pk, "label": str(value)}


def _rich_text(source: str) -> str:
    """As the site renders it for the caller: a link to what they may not view loses its
    destination and its words (home/rich_text.py)."""
    return hide_reserved_links(expand_db_html(source))


def _stream_data(data):
    """A StreamField's stored data with its rich text rendered for the caller; chosen
    pages, documents and images stay ids, which their own endpoints check."""
    if isinstance(data, dict):
        return {key: _stream_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_stream_data(item) for item in data]
    if isinstance(data, str) and "linktype=" in data:
        return _rich_text(data)
    return data


def _field_value(page, field):
    if isinstance(field, StreamField):
        return _stream_data(field.get_prep_value(getattr(page, field.name)))
    if isinstance(field, RichTextField):
        return _rich_text(getattr(page, field.name) or "")
    if field.many_to_many:
        return [_related_value(field, item) for item in getattr(page, field.name).all()]
    if isinstance(field, models.ForeignKey):
        return _related_value(field, getattr(page, field.name))
    if isinstance(field, models.FileField):
        return None
    return getattr(page, field.name)


def own_fields(page) -> dict:
    """The fields the page's type adds to Wagtail's Page."""
    result = {}
    for field in type(page)._meta.get_fields():
        if not getattr(field, "concrete", False) and not field.many_to_many:
            continue
        if field.model is Page or field.name in SKIPPED_FIELDS or field.auto_created:
            continue
        if getattr(field, "remote_field", None) and field.remote_field.parent_link:
            continue
        result[field.name] = _field_value(page, field)
    return result


def resource_documents(page, user, request) -> list[dict]:
    """The files of a resource the caller may download, with their download addresses
    (served by the site's permission-checked document view)."""
    hidden = hidden_collection_ids(user)
    links = page.resource_documents.select_related("document").order_by("sort_order")
    return [
        {
            "id": link.document.pk,
            "title": link.document.title,
            "label": link.label or link.document.title,
            "file_format": link.document.file_format,
            "file_size": link.document.file_size,
            "download_url": absolute(request, link.document.url),
        }
        for link in links
        if link.document.collection_id not in hidden
    ]


def _extras(page, user, request) -> dict:
    from groups.models import MeetingPage
    from resources.models import ResourcePage
    from strategy.models import ActionPage

    if isinstance(page, ResourcePage):
        related_ids = [item.related_id for item in page.related_resources.all()]
        related = ResourcePage.objects.visible_to(user).filter(pk__in=related_ids).newest()
        return {
            "documents": resource_documents(page, user, request),
            "links": [{"title": link.title, "url": link.url} for link in page.links.all()],
            "related": [page_summary(item, request) for item in related],
        }
    if isinstance(page, MeetingPage):
        hidden = hidden_collection_ids(user)
        return {
            "attachments": [
                {
                    "id": item.document.pk,
                    "title": item.document.title,
                    "download_url": absolute(request, item.document.url),
                }
                for item in page.attachments.select_related("document")
                if item.document.collection_id not in hidden
            ]
        }
    if isinstance(page, ActionPage):
        return {"indicators": _indicators(page)}
    return {}


def _indicators(action) -> list[dict]:
    return [
        {
            "name": indicator.name,
            "unit": indicator.unit,
            "baseline": indicator.baseline,
            "target": indicator.target,
            "direction": indicator.direction,
            "values": [
                {"year": value.year, "value": value.value, "comment": value.comment}
                for value in indicator.values.all()
            ],
        }
        for indicator in action.indicators.all()
    ]


def page_detail(page, user, request) -> dict:
    data = page_summary(page, request)
    parent = page.get_parent()
    data["parent_id"] = parent.pk if parent and parent.depth > 1 else None
    data["revision_id"] = page.latest_revision_id
    data["fields"] = own_fields(page)
    data.update(_extras(page, user, request))
    return data
