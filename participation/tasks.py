from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import task

from participation.models import Notification


@task()
def email_notifications(notification_ids: list[int]) -> int:
    """Send each notification by email once (a retried task skips those already sent)."""
    sent = 0
    for notification in Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("recipient"):
        if not notification.recipient.email:
            continue
        with transaction.atomic():
            locked = (
                Notification.objects.select_for_update()
                .filter(pk=notification.pk, emailed_at__isnull=True)
                .update(emailed_at=timezone.now())
            )
            if not locked:
                continue
            context = {"notification": notification, "site_url": settings.WAGTAILADMIN_BASE_URL}
            send_mail(
                subject=f"[Trame] {notification.message}"[:200],
                message=render_to_string("participation/email/notification.txt", context),
                from_email=None,
                recipient_list=[notification.recipient.email],
            )
        sent += 1
    return sent
