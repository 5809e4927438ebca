"""Writes of must-read notices: telling the audience, « J'ai lu », the one reminder."""

import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from home.visibility import page_is_visible_to
from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notices.models import Acknowledgement, MustRead
from participation.notices.selectors import readers_not_done
from participation.notify import notify


def _notifications_of(notice):
    return Notification.objects.filter(
        kind=NotificationKind.MUST_READ,
        target_type=ContentType.objects.get_for_model(MustRead),
        target_id=str(notice.pk),
    )


def _deadline_text(deadline: datetime.date) -> str:
    return formats.date_format(deadline, "j F Y")


def must_read_notify(notice: MustRead, *, actor=None) -> list[Notification]:
    """Notify each targeted person who may view the page and has not been told yet: run
    when the notice is created and again after an edit widened its audience."""
    notice = MustRead.objects.select_related("page").get(pk=notice.pk)
    told = _notifications_of(notice).values("recipient_id")
    recipients = readers_not_done(notice).exclude(pk__in=told)
    message = gettext("To read by %(deadline)s: %(title)s") % {
        "deadline": _deadline_text(notice.deadline),
        "title": notice.page.title,
    }
    return notify(
        recipients,
        NotificationKind.MUST_READ,
        message=message,
        url=notice.page.url or "",
        actor=actor,
        target=notice,
        may_view=partial(_may_view, notice.page),
    )


def _may_view(page, user) -> bool:
    return page_is_visible_to(page, user)


def must_read_notify_on_commit(notice: MustRead, *, actor=None) -> None:
    """Once the notice and its audience are committed (the audience is written after the
    notice itself), tell the people it reaches."""
    transaction.on_commit(lambda: must_read_notify(notice, actor=actor))


def must_read_acknowledge(notice: MustRead, user) -> tuple[Acknowledgement, bool]:
    """Record « J'ai lu » once: a double click or two tabs make one acknowledgement."""
    try:
        with transaction.atomic():
            acknowledgement, created = Acknowledgement.objects.get_or_create(
                must_read=notice, user=user
            )
    except IntegrityError:  # the other request inserted it between our read and write
        acknowledgement, created = Acknowledgement.objects.get(must_read=notice, user=user), False
    # The notification has done its job.
    _notifications_of(notice).filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return acknowledgement, created


class ReminderAlreadySent(Exception):
    def __init__(self, sent_at):
        super().__init__(sent_at)
        self.sent_at = sent_at


@transaction.atomic
def must_read_remind(notice: MustRead, *, actor=None) -> list[Notification]:
    """Notify once those who may view the page and have not read it yet. The stamp is set
    by a conditional update, so a second click or a concurrent request sends nothing."""
    now = timezone.now()
    stamped = MustRead.objects.filter(pk=notice.pk, reminder_sent_at__isnull=True).update(
        reminder_sent_at=now
    )
    if not stamped:
        raise ReminderAlreadySent(MustRead.objects.get(pk=notice.pk).reminder_sent_at)
    notice.reminder_sent_at = now
    message = gettext("Reminder, to read by %(deadline)s: %(title)s") % {
        "deadline": _deadline_text(notice.deadline),
        "title": notice.page.title,
    }
    return notify(
        readers_not_done(notice),
        NotificationKind.MUST_READ,
        message=message,
        url=notice.page.url or "",
        actor=actor,
        target=notice,
        may_view=partial(_may_view, notice.page),
    )
