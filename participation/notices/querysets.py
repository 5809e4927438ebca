"""Which notices a person must read: addressed to them (the audience semantics of
`participation.audience.Audience.people`, in SQL), on a page they may view, not read yet."""

from django.db import models
from django.db.models import Exists, OuterRef, Q

from wagtail.models import Page

from home.visibility import hidden_pages_q


def _profile(user):
    try:
        return user.profile
    except models.ObjectDoesNotExist:
        return None


class MustReadQuerySet(models.QuerySet):
    def _named(self, field: str, **match) -> Q:
        """Nothing named in this list, or `match` among the names."""
        through = self.model._meta.get_field(field).remote_field.through
        rows = through.objects.filter(mustread=OuterRef("pk"))
        return ~Exists(rows) | Exists(rows.filter(**match))

    def addressed_to(self, user):
        """Notices whose audience includes the user (as `Audience.people()` says)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        profile = _profile(user)
        structure_id = profile.structure_id if profile else None
        job_role_id = profile.job_role_id if profile else None
        return self.filter(
            self._named("structures", structure_id=structure_id),
            self._named("job_roles", jobrole_id=job_role_id),
            self._named("working_groups", workinggrouppage__memberships__user=user),
        )

    def on_pages_visible_to(self, user):
        """Notices about a live page the user may view (home.visibility decides)."""
        pages = Page.objects.live()
        hidden = hidden_pages_q(user)
        if hidden is not None:
            pages = pages.exclude(hidden)
        return self.filter(page__in=pages.values("pk"))

    def unread_by(self, user):
        return self.exclude(acknowledgements__user=user)

    def pending_for(self, user):
        """What the user still has to read, the nearest deadline first."""
        return (
            self.addressed_to(user)
            .on_pages_visible_to(user)
            .unread_by(user)
            .select_related("page")
            .order_by("deadline", "pk")
        )
