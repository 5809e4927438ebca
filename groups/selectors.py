"""Reads that assemble what the groups pages show. Every list starts from what the user may
view (home.visibility), and each runs a fixed number of queries whatever the number of
members, meetings or documents."""

from django.db.models import F, Prefetch
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from groups.models import (
    Follow,
    JoinRequest,
    MeetingPage,
    Membership,
    Profile,
    ThematicHubPage,
    WorkingGroupPage,
)
from groups.querysets import descendants_of_any_q
from home.models import EventPage, NewsPage
from home.querysets import TramePageQuerySet
from home.roles import EDITORS_GROUP_NAME
from home.visibility import documents_visible_to

RECENT_ITEMS = 8
# Newest first on every database (PostgreSQL would put never-published pages first).
NEWEST_FIRST = F("first_published_at").desc(nulls_last=True)


def visible_pages(user):
    """Every live page of any type this user may view."""
    return TramePageQuerySet(model=Page).visible_to(user)


def user_is_editor(user) -> bool:
    if user.is_superuser:
        return True
    if not hasattr(user, "_trame_is_editor"):
        user._trame_is_editor = user.groups.filter(name=EDITORS_GROUP_NAME).exists()
    return user._trame_is_editor


def user_can_manage(group: WorkingGroupPage, user, membership: Membership | None) -> bool:
    """Leads run their group; editors and administrators may step in."""
    return (membership is not None and membership.is_lead) or user_is_editor(user)


def recent_pages_in(groups, user, limit=RECENT_ITEMS):
    """The latest pages published inside these groups' spaces that the user may view."""
    condition = descendants_of_any_q(groups)
    if condition is None:
        return []
    return list(visible_pages(user).filter(condition).order_by(NEWEST_FIRST).specific()[:limit])


def working_group_context(*, group: WorkingGroupPage, user) -> dict:
    now = timezone.now()
    membership = Membership.objects.filter(group=group, user=user).first()
    meetings = MeetingPage.objects.child_of(group).visible_to(user)
    memberships = list(group.memberships.with_people())
    can_manage = user_can_manage(group, user, membership)
    documents = []
    if group.collection_id:
        documents = list(
            documents_visible_to(
                get_document_model().objects.filter(collection_id=group.collection_id), user
            ).order_by("-created_at")[:10]
        )
    return {
        "membership": membership,
        "can_manage": can_manage,
        "next_meeting": meetings.upcoming(now).first(),
        "latest_minutes": meetings.filter(start__lt=now).with_minutes().first(),
        "past_meetings": list(meetings.filter(start__lt=now).order_by("-start")[:5]),
        "memberships": memberships,
        "leads": [m for m in memberships if m.is_lead],
        "documents": documents,
        "group_news": list(
            visible_pages(user)
            .child_of(group)
            .not_type(MeetingPage)
            .order_by(NEWEST_FIRST)
            .specific()[:5]
        ),
        "is_following": Follow.objects.filter(user=user, group=group).exists(),
        "pending_request": (
            None
            if membership
            else JoinRequest.objects.filter(
                group=group, user=user, status=JoinRequest.Status.PENDING
            ).first()
        ),
        "join_requests": (
            list(
                group.join_requests.filter(status=JoinRequest.Status.PENDING).select_related(
                    "user__profile__structure"
                )
            )
            if can_manage
            else []
        ),
    }


def thematic_hub_context(*, hub: ThematicHubPage, user) -> dict:
    thematic = hub.thematic
    groups = list(
        WorkingGroupPage.objects.visible_to(user)
        .with_thematic(thematic)
        .with_member_counts()
        .order_by("title")
    )
    return {
        "thematic": thematic,
        "lead_structures": list(thematic.lead_structures.all()),
        "lead_people": list(thematic.lead_people.select_related("profile__structure")),
        "referents": list(
            Profile.objects.filter(referent_thematics=thematic)
            .select_related("user", "structure")
            .order_by("user__last_name", "user__first_name")
        ),
        "working_groups": groups,
        "recent_pages": recent_pages_in(groups, user),
        "news": list(
            NewsPage.objects.visible_to(user).filter(thematics=thematic).latest_first()[:4]
        ),
        "events": list(
            EventPage.objects.visible_to(user).filter(thematics=thematic).upcoming()[:4]
        ),
        "is_following": Follow.objects.filter(user=user, thematic=thematic).exists(),
    }


def user_groups(user, *, limit=None):
    """The active groups this user belongs to (and may view), their role annotated."""
    memberships = (
        Membership.objects.filter(user=user, group__status=WorkingGroupPage.Status.ACTIVE)
        .select_related("group")
        .order_by("group__title")
    )
    groups = WorkingGroupPage.objects.visible_to(user).values_list("pk", flat=True)
    memberships = memberships.filter(group__in=groups)
    return list(memberships[:limit] if limit else memberships)


def feed_for(user, *, since=None, limit=30):
    """ "Mon fil": the latest pages published in the groups the user follows or belongs to,
    and in the groups of the thematics they follow; only what they may view."""
    follows = Follow.objects.filter(user=user)
    group_ids = set(follows.exclude(group=None).values_list("group_id", flat=True))
    group_ids |= set(Membership.objects.filter(user=user).values_list("group_id", flat=True))
    thematic_ids = list(follows.exclude(thematic=None).values_list("thematic_id", flat=True))
    groups = WorkingGroupPage.objects.visible_to(user)
    if thematic_ids:
        from django.db.models import Q

        groups = groups.filter(Q(pk__in=group_ids) | Q(thematics__in=thematic_ids)).distinct()
    else:
        groups = groups.filter(pk__in=group_ids)
    condition = descendants_of_any_q(groups.only("path", "depth"))
    if condition is None:
        return []
    pages = visible_pages(user).filter(condition)
    if since is not None:
        pages = pages.filter(first_published_at__gte=since)
    return list(pages.order_by(NEWEST_FIRST).specific()[:limit])


def people_prefetch():
    return Prefetch(
        "profiles",
        queryset=Profile.objects.select_related("user").order_by(
            "user__last_name", "user__first_name"
        ),
    )
