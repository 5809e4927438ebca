"""Rich-text links and image embeds that point to something the reader may not view render
a neutral « Contenu réservé »: no URL, no title, no rendition, and not even the words the
author wrote inside the link (they may say the private title). They replace Wagtail's own
handlers (registered in home/wagtail_hooks.py, after Wagtail's).

A link handler only rewrites the opening tag, so it marks a reserved link; the link is then
replaced whole by `hide_reserved_links`, which runs where rich text becomes HTML (the
`wagtailcore/shared/richtext.html` template, which Wagtail's `RichText` and `|richtext`
both render) and where it becomes indexed text (`text_for_index`)."""

import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.fields import RichTextField
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text import features, get_text_for_indexing
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import LinkRewriter

from home.viewer import current_viewer, nobody_reading
from home.visibility import document_is_visible_to, image_is_visible_to, page_is_visible_to

RESERVED_LINK_MARK = "<a data-reserved-link>"
# Rich-text links never nest: a reserved link ends at the first closing tag.
_RESERVED_LINK = re.compile(
    re.escape(RESERVED_LINK_MARK) + r".*?</a\s*>", re.DOTALL | re.IGNORECASE
)


def _reserved_link() -> str:
    return RESERVED_LINK_MARK


def hide_reserved_links(html: str, replacement: str | None = None) -> str:
    """Replace each marked link, its words included, by the placeholder (or `replacement`)."""
    if RESERVED_LINK_MARK not in html:
        return html
    if replacement is None:
        replacement = format_html('<span class="link-reserved">{}</span>', _("Restricted content"))
    return _RESERVED_LINK.sub(lambda _match: replacement, html)


def text_for_index(source: str) -> str:
    """The indexed text of rich text: as Wagtail's, less the words of links to what an
    anonymous reader may not view (the index is shared by every reader). Only links are
    expanded: an image embed has no indexed text, and expanding it would make renditions."""
    if "linktype=" in source:
        rewriter = LinkRewriter(
            bulk_rules={
                linktype: handler.expand_db_attributes_many
                for linktype, handler in features.get_link_types().items()
            }
        )
        with nobody_reading():
            source = hide_reserved_links(rewriter(source), replacement=" ")
    return get_text_for_indexing(source)


def searchable_value(obj, search_field):
    """A search field's indexed value, rich-text fields through `text_for_index`."""
    try:
        field = search_field.get_field(obj.__class__)
    except FieldDoesNotExist:
        field = None
    if isinstance(field, RichTextField):
        return text_for_index(field.value_from_object(obj) or "")
    return search_field.get_value(obj)


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
