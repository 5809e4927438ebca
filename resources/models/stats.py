"""Usage figures, aggregated per day: no per-person history is kept, only the structure of
the viewer (to tell which Missions Locales use a resource)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyCount(models.Model):
    """One day's count for one object and one viewer structure (null: no structure)."""

    day = models.DateField(_("day"), db_index=True)
    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("viewer's structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class ResourceViewDay(DailyCount):
    resource = models.ForeignKey(
        "resources.ResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="view_days",
    )
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("resource views per day")
        verbose_name_plural = _("resource views per day")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "resource", "structure"], name="unique_resource_view_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.resource_id}: {self.views}"


class DocumentDownloadDay(DailyCount):
    document = models.ForeignKey(
        "resources.ResourceDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="download_days",
    )
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("document downloads per day")
        verbose_name_plural = _("document downloads per day")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "document", "structure"], name="unique_document_download_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.document_id}: {self.downloads}"
