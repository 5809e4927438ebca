"""What the legal app stores outside the page tree: barrier reports sent by readers and the
log of anonymised accounts."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BarrierReport(models.Model):
    """A reader's report of an accessibility barrier. Stored before any email is sent, so a
    failing mail server loses nothing."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")

    # The form's one-time token: a second submission of the same form finds this row.
    submission_token = models.UUIDField(_("submission token"), unique=True, default=uuid.uuid4)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="barrier_reports",
    )
    page_url = models.CharField(_("page concerned"), max_length=500)
    description = models.TextField(_("description of the problem"), max_length=5000)
    assistive_technology = models.CharField(
        _("browser and assistive technology"), max_length=300, blank=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.NEW)
    editor_notes = models.TextField(_("editors' notes"), blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_url} · {self.created_at:%Y-%m-%d}"


class AnonymisationRecord(models.Model):
    """Who anonymised which account, when, and what was erased (never the erased values)."""

    account_id = models.PositiveBigIntegerField(_("account id"))
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    performed_at = models.DateTimeField(_("performed at"), auto_now_add=True)
    erased = models.JSONField(_("what was erased"), default=dict)

    class Meta:
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")
        ordering = ["-performed_at"]

    def __str__(self):
        return f"#{self.account_id} · {self.performed_at:%Y-%m-%d}"
