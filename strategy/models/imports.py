"""Plan files uploaded in the admin, kept from their preview to their confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanImport(models.Model):
    """A file uploaded to update a plan, or to create one under `parent`. Its preview and
    its confirmation name it, with the file's SHA-256 and the digest of the changes shown,
    so that what is applied is the file and the changes that were previewed, and only once:
    confirming marks it applied and drops its content."""

    plan = models.ForeignKey(
        "strategy.StrategyPlanPage",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="imports",
    )
    # Where a new plan goes, for a file imported as a plan that does not exist yet; the
    # plan is set once the import is applied.
    parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"), blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # The mapping step: {pattern key: level} chosen by the person for this file.
    levels = models.JSONField(_("levels of the patterns"), default=dict, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")

    def __str__(self):
        return f"{self.file_name} → {self.plan or self.parent}"
