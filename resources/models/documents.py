import os

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ResourceDocument(AbstractDocument):
    """The intranet's document model: the file plus what the library knows about it (text
    extracted in a background task, checksum, thumbnail). Replacing the file keeps the
    previous one as a `DocumentVersion`."""

    file_format = models.CharField(_("file format"), max_length=10, blank=True, db_index=True)
    file_updated_at = models.DateTimeField(_("file updated at"), null=True, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    checksum_sha256 = models.CharField(
        _("SHA-256 checksum"), max_length=64, blank=True, db_index=True, editable=False
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("An earlier document of the same collection with the very same file."),
    )
    extraction_status = models.CharField(
        _("extraction status"),
        max_length=10,
        choices=ExtractionStatus,
        default=ExtractionStatus.PENDING,
        db_index=True,
    )
    extraction_error = models.TextField(_("extraction failure reason"), blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    thumbnail = models.FileField(
        _("thumbnail"), upload_to="documents/thumbnails/", blank=True, editable=False
    )

    admin_form_fields = Document.admin_form_fields

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("extracted_text"),
        index.FilterField("file_format"),
        index.FilterField("extraction_status"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        # Without a file, the form has already said why (empty, too large…): Wagtail's
        # extension check would add « L'extension de fichier « » n'est pas autorisée ».
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        file_changed = bool(self.file) and not getattr(self.file, "_committed", True)
        if file_changed:
            if self.pk:
                self._keep_previous_version()
            self._set_document_file_metadata()  # also when saved from code, not a form
            self.file_updated_at = timezone.now()
            self.file_format = os.path.splitext(self.file.name)[1].lstrip(".").lower()[:10]
            self.extraction_status = ExtractionStatus.PENDING
            self.extraction_error = ""
        super().save(*args, **kwargs)
        if file_changed:
            from resources.tasks import extract_document

            extract_document.enqueue(self.pk)

    def _keep_previous_version(self):
        """The file being replaced becomes a version (it stays where it is stored; the
        document form no longer deletes it, see `resources.forms`)."""
        previous = (
            type(self)
            .objects.filter(pk=self.pk)
            .values("file", "file_size", "file_updated_at", "created_at", "file_format")
            .first()
        )
        if not previous or not previous["file"]:
            return
        DocumentVersion.objects.create(
            document=self,
            file=previous["file"],
            file_size=previous["file_size"] or 0,
            file_format=previous["file_format"],
            uploaded_at=previous["file_updated_at"] or previous["created_at"],
        )

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_id is not None


class DocumentVersion(models.Model):
    """A previous file of a document, kept downloadable ("versions précédentes")."""

    document = models.ForeignKey(
        ResourceDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    file = models.FileField(_("file"), upload_to="documents/versions/")
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    file_format = models.CharField(_("file format"), max_length=10, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self):
        return f"{self.document} ({self.uploaded_at or self.replaced_at:%d/%m/%Y})"

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name)

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("resources:document_version", args=[self.pk, self.filename])
