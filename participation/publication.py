"""Who hears of a page when it is first published.

- Followed content: the followers of the working group it is published in, and of its
  thematics (its own, and its group's), as « Mon fil » shows them.
- A news item addressed to an audience (structures, job roles, working groups): that
  audience. A news item for everybody notifies nobody.

Only the first publication counts (a republish after an unpublish or an edit notifies
nobody again), never the author, never someone who may not view the page; all of it once
the publication has committed.
"""

from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from groups.models import Follow, Thematic, WorkingGroupPage
from home.models import NewsPage
from home.visibility import page_is_visible_to
from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notify import notify


def on_page_published(sender, instance, revision=None, **kwargs):
    """page_published receiver: schedule the notifications after the commit."""
    if instance.first_published_at != instance.last_published_at:
        return  # published before: a republish or an edit
    actor_id = getattr(revision, "user_id", None)
    transaction.on_commit(partial(page_first_published, page_id=instance.pk, actor_id=actor_id))


def _already_notified(page) -> bool:
    return Notification.objects.filter(
        target_type=ContentType.objects.get_for_model(Page),
        target_id=str(page.pk),
        kind__in=[NotificationKind.FOLLOWED_CONTENT, NotificationKind.NEWS],
    ).exists()


def page_first_published(*, page_id: int, actor_id: int | None = None) -> None:
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None or _already_notified(page):
        return
    page = page.specific
    users = get_user_model().objects.filter(is_active=True)
    actor = users.filter(pk=actor_id).first() if actor_id else None
    authors = {pk for pk in (actor_id, page.owner_id) if pk}
    common = {
        "url": page.url or "",
        "actor": actor,
        # The notification's target is the base Page: one content type for every page type.
        "target": Page.objects.get(pk=page.pk),
        "may_view": partial(_may_view, page),
    }
    addressed = []
    if isinstance(page, NewsPage) and page.is_targeted:
        audience = page.people().exclude(pk__in=authors)
        addressed = notify(
            audience,
            NotificationKind.NEWS,
            message=_("A news item for you: %(title)s") % {"title": page.title},
            **common,
        )
    already = {n.recipient_id for n in addressed} | authors
    followers = users.filter(pk__in=_follower_ids(page)).exclude(pk__in=already)
    notify(
        followers,
        NotificationKind.FOLLOWED_CONTENT,
        message=_("New in what you follow: %(title)s") % {"title": page.title},
        **common,
    )


def _may_view(page, user) -> bool:
    return page_is_visible_to(page, user)


def _follower_ids(page):
    groups = WorkingGroupPage.objects.filter(
        path__in=[page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    )
    thematic_ids = set()
    if hasattr(page, "thematics"):
        thematic_ids |= set(page.thematics.values_list("pk", flat=True))
    group_ids = list(groups.values_list("pk", flat=True))
    if group_ids:
        thematic_ids |= set(
            Thematic.objects.filter(working_groups__in=group_ids).values_list("pk", flat=True)
        )
    condition = Q(group__in=group_ids) if group_ids else Q(pk__in=[])
    if thematic_ids:
        condition |= Q(thematic__in=thematic_ids)
    return Follow.objects.filter(condition).values_list("user_id", flat=True)
