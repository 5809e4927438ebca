"""Reads of the groups app; every one starts from what the user may view."""

from django.db.models import Count, Q

from home.querysets import TramePageQuerySet


class WorkingGroupQuerySet(TramePageQuerySet):
    def active(self):
        return self.filter(status="active")

    def with_member_counts(self):
        return self.annotate(member_count=Count("memberships", distinct=True))

    def of_member(self, user):
        return self.filter(memberships__user=user)

    def with_thematic(self, thematic):
        return self.filter(thematics=thematic)


class MeetingQuerySet(TramePageQuerySet):
    def upcoming(self, now):
        return self.filter(start__gte=now).order_by("start")

    def with_minutes(self):
        return self.filter(has_minutes=True).order_by("-start")


def descendants_of_any_q(pages) -> Q | None:
    """A Q matching the strict descendants of any of these pages (one OR per page)."""
    condition = Q()
    for page in pages:
        condition |= Q(path__startswith=page.path, depth__gt=page.depth)
    return condition or None
