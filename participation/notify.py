"""The one way every part of Trame tells people something: `notify(...)`.

It writes one in-app notification per recipient who may see what it is about, then,
once the transaction commits, hands the delivery by email (immediately or in the digest)
to `participation.delivery`.
"""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from participation.kinds import NotificationKind
from participation.models import Notification


def notify(
    recipients: Iterable,
    kind: NotificationKind,
    *,
    message: str,
    url: str,
    actor=None,
    target=None,
    may_view: Callable | None = None,
) -> list[Notification]:
    """Notify each recipient once, never the actor, never an inactive account, and never
    someone who may not view `target`: pass `may_view(user) -> bool` (for a page, a
    partial of home.visibility.page_is_visible_to) whenever the target can be restricted.
    """
    seen, people = set(), []
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        if actor is not None and user.pk == actor.pk:
            continue
        if may_view is not None and not may_view(user):
            continue
        seen.add(user.pk)
        people.append(user)
    if not people:
        return []
    target_fields = {}
    if target is not None:
        target_fields = {
            "target_type": ContentType.objects.get_for_model(target),
            "target_id": str(target.pk),
        }
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            actor=actor,
            message=message[:300],
            url=url,
            **target_fields,
        )
        for user in people
    )
    _deliver_on_commit(notifications, kind, people)
    return notifications


def _deliver_on_commit(notifications, kind, people) -> None:
    # Imported late: delivery renders templates and enqueues tasks, which notify's callers
    # (models' signal handlers among them) should not load at import time.
    from participation import delivery

    transaction.on_commit(lambda: delivery.deliver(notifications, kind, people))
