"""Who belongs to which working group, who asked to join, and who follows what.

A `Membership` row is the single source of a person's rights in a group: the services in
`groups/services.py` derive the Django groups, page and collection permissions from it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipQuerySet(models.QuerySet):
    def leads(self):
        return self.filter(role=Membership.Role.LEAD)

    def with_people(self):
        """Memberships with their user, profile and structure: one query for a member list."""
        return self.select_related("user__profile__structure").order_by(
            "role",
            "user__last_name",
            "user__first_name",  # "lead" sorts before "member"
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        LEAD = "lead", _("Lead")

    group = models.ForeignKey(
        "groups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="working_group_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="unique_group_membership")
        ]

    def __str__(self):
        return f"{self.user} · {self.group}"

    @property
    def is_lead(self):
        return self.role == self.Role.LEAD


class JoinRequest(models.Model):
    """A request to join a network-wide group, decided by one of its leads."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    group = models.ForeignKey(
        "groups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            # One pending request per person and group: a double submission changes nothing.
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=models.Q(status="pending"),
                name="unique_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.group}"


class Follow(models.Model):
    """A person follows a thematic or a working group (exactly one of them)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    thematic = models.ForeignKey(
        "groups.Thematic",
        verbose_name=_("thematic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    group = models.ForeignKey(
        "groups.WorkingGroupPage",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(thematic__isnull=False, group__isnull=True)
                    | models.Q(thematic__isnull=True, group__isnull=False)
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thematic"],
                condition=models.Q(thematic__isnull=False),
                name="unique_thematic_follow",
            ),
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=models.Q(group__isnull=False),
                name="unique_group_follow",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.thematic or self.group}"
