from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm

from home.uploads import UploadRules
from home.uploads.forms import CheckedDocumentField, CheckedUploadFormMixin
from resources.models import ExtractionStatus


class ResourceDocumentForm(CheckedUploadFormMixin, BaseDocumentForm):
    """Wagtail's document form (admin single and multiple upload, chooser upload, group
    space), with three changes: the file goes through the shared upload check and a
    forbidden collection is refused before anything is written (`CheckedUploadFormMixin`),
    a replaced file is kept as a previous version instead of being deleted, and editors see
    how the text extraction went."""

    checked_field_class = CheckedDocumentField

    def upload_rules(self) -> UploadRules:
        return UploadRules.for_documents()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "file" in self.fields:
            status = document_status_html(self.instance)
            field = self.fields["file"]
            field.help_text = format_html("{} {}", field.help_text, status)

    def save(self, commit=True):
        # Wagtail deletes the replaced file here; the model keeps it as a version instead.
        self.original_file = None
        return super().save(commit=commit)


def document_status_html(document):
    if document.extraction_status == ExtractionStatus.FAILED:
        status = format_html(
            "<strong>{}</strong> {}", _("Text extraction failed:"), document.extraction_error
        )
    elif document.extraction_status == ExtractionStatus.DONE:
        status = format_html(
            "{}",
            _("Text extracted: %(count)s characters.") % {"count": len(document.extracted_text)},
        )
    else:
        status = format_html("{}", _("Text extraction pending."))
    if document.duplicate_of_id:
        status = format_html(
            '{} <a href="{}">{}</a>',
            status,
            reverse("wagtaildocs:edit", args=[document.duplicate_of_id]),
            _("The same file already exists in this collection."),
        )
    return status
