"""Delivery of notifications beyond the bell, by each person's preference per kind.

Emails for `Channel.EMAIL` go out immediately through a django-tasks task; `Channel.DIGEST`
ones wait for the digest (groups' digest command includes undigested notifications).
"""

from participation.kinds import Channel
from participation.models import NotificationPreference


def deliver(notifications, kind, people) -> None:
    channels = NotificationPreference.channels_for(people, kind)
    by_email = [n.pk for n in notifications if channels[n.recipient_id] == Channel.EMAIL]
    if by_email:
        from participation.tasks import email_notifications

        email_notifications.enqueue(by_email)
