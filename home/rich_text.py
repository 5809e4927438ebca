"""Rich-text links and image embeds that point to something the reader may not view render
a neutral « Contenu réservé »: no URL, no title, no rendition. They replace Wagtail's own
handlers (registered in home/wagtail_hooks.py, after Wagtail's)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler

from home.viewer import current_viewer
from home.visibility import document_is_visible_to, image_is_visible_to, page_is_visible_to


def _reserved_link() -> str:
    # Only the opening tag is rewritten: the link keeps the words its author wrote, and
    # loses its destination.
    return format_html('<a class="link-reserved" title="{}">', _("Restricted content"))


def _reserved_embed() -> str:
    return format_html('<span class="block-reserved">{}</span>', _("Restricted content"))


class ReservedLinkMixin:
    """A link handler whose links to what the reader may not view lose their destination."""

    @staticmethod
    def is_visible(target, viewer) -> bool:
        raise NotImplementedError

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        viewer = current_viewer()
        targets = cls.get_many(attrs_list)
        expanded = super().expand_db_attributes_many(attrs_list)
        return [
            tag if target is None or cls.is_visible(target, viewer) else _reserved_link()
            for target, tag in zip(targets, expanded, strict=True)
        ]


class ReservedPageLinkHandler(ReservedLinkMixin, PageLinkHandler):
    is_visible = staticmethod(page_is_visible_to)


class ReservedDocumentLinkHandler(ReservedLinkMixin, DocumentLinkHandler):
    is_visible = staticmethod(document_is_visible_to)


class ReservedImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        viewer = current_viewer()
        images = cls.get_many(attrs_list)
        visible = [image is None or image_is_visible_to(image, viewer) for image in images]
        shown = [attrs for attrs, ok in zip(attrs_list, visible, strict=True) if ok]
        expanded = iter(super().expand_db_attributes_many(shown))
        return [next(expanded) if ok else _reserved_embed() for ok in visible]
