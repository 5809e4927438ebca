"""Check a code against the person's devices, with django-otp's growing delay after failures."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_CODE_LENGTH = 6


@dataclass(frozen=True)
class CodeCheck:
    device: Device | None = None
    # Set when every device that could take the code waits after recent failures.
    locked_until: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.device is not None

    @property
    def used_recovery_code(self) -> bool:
        return isinstance(self.device, StaticDevice)


def code_check(*, user, code: str, recovery_allowed: bool = True) -> CodeCheck:
    """Six digits go to the authenticator app, anything else to the recovery codes (a
    recovery code is used up). Only the devices a code can belong to count a failure."""
    is_totp_code = code.isdigit() and len(code) == TOTP_CODE_LENGTH
    if not is_totp_code and not recovery_allowed:
        return CodeCheck()
    model = TOTPDevice if is_totp_code else StaticDevice
    with transaction.atomic():
        devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
        waits = []
        for device in devices:
            allowed, details = device.verify_is_allowed()
            if not allowed:
                waits.append((details or {}).get("locked_until"))
                continue
            if device.verify_token(code):
                return CodeCheck(device=device)
        if devices and len(waits) == len(devices) and all(waits):
            return CodeCheck(locked_until=max(waits))
    return CodeCheck()
