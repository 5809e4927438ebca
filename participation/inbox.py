"""A person's notifications: what the bell counts, what the list shows, what the digest
sends, and marking them read.

A notification keeps the message written when it was created, but its target may since have
been restricted, unpublished or deleted: before showing the message or its link, the target
is checked again with home.visibility, so nobody reads the title of what they may no longer
view.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from home.visibility import document_is_visible_to, page_is_visible_to
from participation.kinds import DEFAULT_CHANNELS, Channel, NotificationKind
from participation.models import Notification, NotificationPreference


def unread_count(user) -> int:
    """The bell's number: one COUNT query."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.for_user(user).unread().count()


def _target_visible(target, user) -> bool:
    if target is None:  # deleted since
        return False
    if isinstance(target, Page):
        return page_is_visible_to(target, user)
    if isinstance(target, get_document_model()):
        return document_is_visible_to(target, user)
    # Comments, proposals, consultations… answer for themselves when they can.
    may_view = getattr(target, "is_visible_to", None)
    if callable(may_view):
        return bool(may_view(user))
    return True


def with_visibility(notifications, user) -> list[Notification]:
    """The notifications, each with `is_visible`: False when its target is gone or the user
    may no longer view it. One query per kind of target, whatever their number."""
    notifications = list(notifications)
    ids_by_type = defaultdict(set)
    for notification in notifications:
        if notification.target_type_id:
            ids_by_type[notification.target_type_id].add(notification.target_id)
    targets = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            objects = Page.objects.filter(pk__in=ids)  # live and path are all visibility needs
        else:
            objects = model._default_manager.filter(pk__in=ids)
        for obj in objects:
            targets[(type_id, str(obj.pk))] = obj
    for notification in notifications:
        if not notification.target_type_id:
            notification.is_visible = True
        else:
            target = targets.get((notification.target_type_id, notification.target_id))
            notification.is_visible = _target_visible(target, user)
    return notifications


def mark_read(*, user, notification_ids=None) -> int:
    """Mark the user's unread notifications read (only these ids when given); a second
    submission changes nothing. Returns how many were marked."""
    notifications = Notification.objects.for_user(user).unread()
    if notification_ids is not None:
        notifications = notifications.filter(pk__in=notification_ids)
    return notifications.update(read_at=timezone.now())


def preferences_for(user) -> dict[str, str]:
    """The channel of each kind for this user, the default where they chose none."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind: chosen.get(kind, DEFAULT_CHANNELS[kind]) for kind in NotificationKind.values}


def preferences_set(*, user, channels: dict[str, str]) -> None:
    """Store the user's channel for each kind given; repeating it changes nothing."""
    for kind, channel in channels.items():
        if kind not in NotificationKind.values or channel not in Channel.values:
            raise ValueError(f"Unknown kind or channel: {kind}, {channel}")
        try:
            with transaction.atomic():
                NotificationPreference.objects.update_or_create(
                    user=user, kind=kind, defaults={"channel": channel}
                )
        except IntegrityError:  # a concurrent submission created it first: ours wins
            NotificationPreference.objects.filter(user=user, kind=kind).update(channel=channel)


def digest_section(user, now):
    """The digest's « Vos notifications »: the unread notifications of the kinds this user
    wants in the digest, never sent by email nor in an earlier digest. They are marked
    digested before the email is built, so two digests (even concurrent) never share one."""
    from groups.follows import DigestSection

    kinds = [kind for kind, channel in preferences_for(user).items() if channel == Channel.DIGEST]
    if not kinds:
        return None
    pending = Notification.objects.for_user(user).filter(
        kind__in=kinds, read_at=None, emailed_at=None, digested_at=None
    )
    # Claimed one by one: only the run whose update changed the row sends it.
    claimed = [
        notification
        for notification in pending
        if Notification.objects.filter(pk=notification.pk, digested_at=None).update(digested_at=now)
    ]
    if not claimed:
        return None
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    items = [
        {"title": n.message, "url": base + n.url, "summary": ""}
        for n in with_visibility(claimed, user)
        if n.is_visible
    ]
    if not items:
        return None
    return DigestSection(title=_("Your notifications"), items=items)
