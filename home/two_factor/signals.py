"""Keep the cached "has a second factor" answer in step with the devices."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import user_two_factor_forget


@receiver(post_save, sender=TOTPDevice)
@receiver(post_save, sender=StaticDevice)
@receiver(post_delete, sender=TOTPDevice)
@receiver(post_delete, sender=StaticDevice)
def forget_cached_devices(sender, instance, **kwargs):
    user_id = instance.user_id
    user_two_factor_forget(user_id)
    # Again once committed: another process may have cached the uncommitted state meanwhile.
    transaction.on_commit(lambda: user_two_factor_forget(user_id))
