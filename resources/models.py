from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document


class ResourceDocument(AbstractDocument):
    """The intranet's document model, set before any data exists so that the library can
    grow (extracted text, checksum, thumbnail) without migrating Wagtail's own table."""

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
