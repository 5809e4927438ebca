import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProposalKind(models.TextChoices):
    RESOURCE = "resource", _("Resource")
    GOOD_PRACTICE = "good_practice", _("Good practice")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", pgettext_lazy("proposal", "Published")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ProposalQuerySet(models.QuerySet):
    def of(self, user):
        """The proposals this person made, newest first."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(proposer=user).order_by("-created_at", "-pk")

    def in_review(self):
        return self.filter(status=ProposalStatus.PENDING)


class Proposal(models.Model):
    """A resource or a good practice proposed by a professional from the site: the draft
    page it became, who proposed it, the thematic whose chefs de file review it, and where
    its moderation stands (kept in step with Wagtail's workflow by `signals`)."""

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ProposalKind)
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="proposal",
    )
    thematic = models.ForeignKey(
        "groups.Thematic",
        verbose_name=_("thematic"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus,
        default=ProposalStatus.PENDING,
        db_index=True,
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # One per form shown: the same form sent twice makes one proposal.
    submission_token = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposer", "submission_token"], name="one_proposal_per_form"
            )
        ]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.page.title

    @property
    def can_be_edited(self) -> bool:
        """The proposer edits and resubmits only when a reviewer asked for changes."""
        return self.status == ProposalStatus.CHANGES_REQUESTED
