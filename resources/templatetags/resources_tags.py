from django import template
from django.utils.translation import gettext as _

register = template.Library()

ICON_KINDS = {
    "pdf": "pdf",
    "doc": "text", "docx": "text", "odt": "text", "rtf": "text", "txt": "text", "md": "text",
    "xls": "sheet", "xlsx": "sheet", "ods": "sheet", "csv": "sheet",
    "ppt": "slides", "pptx": "slides", "odp": "slides",
    "png": "image", "jpg": "image", "jpeg": "image",
    "zip": "archive", "html": "web",
}  # fmt: skip


@register.inclusion_tag("resources/tags/latest_resources.html", takes_context=True)
def latest_resources(context, count=4, thematic=None):
    """The newest resources the user may view ("Nouveautés"), of one thematic if given, in two
    queries."""
    from resources.models import ResourceIndexPage, ResourcePage

    user = context["request"].user
    resources = ResourcePage.objects.visible_to(user).select_related(
        "resource_type", "producing_structure"
    )
    if thematic is not None:
        resources = resources.filter(thematics=thematic)
    resources = resources.newest()[:count]
    library = ResourceIndexPage.objects.visible_to(user).first() if resources else None
    return {"resources": resources, "library": library, "request": context["request"]}


@register.inclusion_tag("resources/tags/document_preview.html")
def document_preview(document):
    """The document's thumbnail, or an icon naming its format."""
    file_format = document.file_format if document else ""
    return {
        "document": document,
        "kind": ICON_KINDS.get(file_format, "other"),
        "label": file_format.upper() or _("Link"),
    }
