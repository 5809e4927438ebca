"""Writes on a person's second-factor devices (django-otp's TOTP and static devices)."""

from django.db import transaction

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
# Device names are shown in django-otp's own admin only.
TOTP_DEVICE_NAME = "Application d'authentification"
RECOVERY_DEVICE_NAME = "Codes de secours"


def totp_device_pending(*, user) -> TOTPDevice:
    """The unconfirmed device being set up: the same secret until it is confirmed, so that
    reloading the setup page does not invalidate the code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device if `code` is its current code; then the person's only device, with
    a fresh set of recovery codes (returned, shown once). None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def recovery_codes_regenerate(*, user) -> list[str]:
    """Replace every recovery code of the user with new ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def two_factor_remove(*, user) -> int:
    """Remove every device of the user (app and recovery codes): the person turned it off,
    or an administrator resets a lost device. Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        # One by one so that post_delete forgets the cached answer (see signals.py).
        for device in model.objects.filter(user=user):
            device.delete()
            removed += 1
    return removed
