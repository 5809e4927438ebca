"""StreamField blocks shared by every app; app-specific blocks import these."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from home.visibility import document_is_visible_to, image_is_visible_to, page_is_visible_to


def viewer(parent_context) -> object:
    """Who the block is rendered for: the request's user, or nobody in particular (an
    anonymous reader) when it is rendered outside a request (digest, export, index)."""
    request = (parent_context or {}).get("request")
    return getattr(request, "user", None) or AnonymousUser()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"
        description = _("A section heading that structures the page")
        preview_value = {"text": "Nos engagements", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/blocks/paragraph.html"
        description = _("Formatted text with links and lists")
        preview_value = "<p>Le réseau accompagne chaque année des milliers de jeunes.</p>"

    def get_searchable_content(self, value):
        # Words of links to what an anonymous reader may not view stay out of the index.
        from home.rich_text import text_for_index  # link handlers load models

        return [text_for_index(str(value.source))]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for screen readers; leave empty if it is decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "components/blocks/image_with_caption.html"
        description = _("An image, its alternative text and an optional caption")

    def get_context(self, value, parent_context=None):
        # An image of a collection the reader may not view shows a neutral placeholder:
        # no title, no rendition.
        context = super().get_context(value, parent_context=parent_context)
        image = value.get("image")
        context["reserved"] = image is not None and not image_is_visible_to(
            image, viewer(parent_context)
        )
        return context


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=30)
    label = blocks.CharBlock(label=_("Label"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "components/blocks/key_figures.html"
        description = _("A few figures that tell the story at a glance")
        preview_value = {
            "heading": "Le réseau en chiffres",
            "figures": [
                {"figure": "26", "label": "Missions Locales"},
                {"figure": "229", "label": "lieux d'accueil"},
            ],
        }


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.CharBlock(label=_("Date"), max_length=40, help_text=_("For example 2017"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    events = blocks.ListBlock(TimelineEventBlock(), label=_("Events"), min_num=1)

    class Meta:
        icon = "date"
        label = _("Timeline")
        template = "components/blocks/timeline.html"
        description = _("Dated milestones, in order")
        preview_value = {
            "heading": "Dates clés",
            "events": [
                {"date": "2017", "title": "Création de l'association régionale", "text": ""},
                {"date": "2018", "title": "Ouverture de l'intranet régional", "text": ""},
            ],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"
        description = _("A quotation and who said it")
        preview_value = {"quote": "Travailler ensemble, c'est notre force.", "attribution": ""}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"
        description = _("A highlighted invitation with one button")
        preview_value = {
            "title": "Rejoindre un groupe de travail",
            "text": "Partagez vos pratiques avec vos collègues du réseau.",
            "url": "https://example.org/",
            "button_label": "Découvrir",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        context["reserved"] = page is not None and not page_is_visible_to(
            page, viewer(parent_context)
        )
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose either a page or a link."))}
            )
        return value


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "components/blocks/document_list.html"
        description = _("Documents to download")

    def get_context(self, value, parent_context=None):
        # A document the reader may not download is a placeholder: no title, URL or size.
        context = super().get_context(value, parent_context=parent_context)
        user = viewer(parent_context)
        context["viewable_documents"] = [
            document if document_is_visible_to(document, user) else None
            for document in value.get("documents") or []
            if document is not None
        ]
        return context


class OptionalEmbedBlock(EmbedBlock):
    """An embed that only works where an administrator enabled embeds.

    Embeds call external hosts (oEmbed), which the intranet avoids by default; the block
    stays declared so that enabling it never needs a migration.
    """

    def clean(self, value):
        if value and not settings.TRAME_EMBEDS_ENABLED:
            raise ValidationError(_("Embedded content is disabled on this intranet."))
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embeds_enabled"] = settings.TRAME_EMBEDS_ENABLED
        return context

    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "components/blocks/embed.html"
        description = _("A video or media from another site (disabled unless enabled)")


class ContentBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageWithCaptionBlock()
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    embed = OptionalEmbedBlock()
