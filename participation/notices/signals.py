"""A deleted notice takes its notifications with it: the bell never links to a notice
that no longer exists."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.dispatch import receiver

from participation.models import Notification
from participation.notices.models import MustRead


@receiver(post_delete, sender=MustRead)
def notifications_delete(sender, instance, **kwargs):
    Notification.objects.filter(
        target_type=ContentType.objects.get_for_model(MustRead), target_id=str(instance.pk)
    ).delete()
