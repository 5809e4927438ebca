"""Who must have a second factor, and who has one (cached: asked on every request)."""

from django.conf import settings
from django.core.cache import cache

from django_otp import user_has_device

from home.roles import EDITORS_GROUP_NAME

CACHE_TIMEOUT = 60 * 60


def two_factor_required(user) -> bool:
    """Editors and administrators, when the site requires it (production by default)."""
    if not settings.TRAME_REQUIRE_2FA_FOR_STAFF or not user.is_authenticated:
        return False
    return (
        user.is_superuser or user.is_staff or user.groups.filter(name=EDITORS_GROUP_NAME).exists()
    )


def _cache_key(user_id: int) -> str:
    return f"trame:two-factor:has-device:{user_id}"


def user_has_two_factor(user) -> bool:
    """Whether the user has a confirmed device (authenticator app or recovery codes)."""
    key = _cache_key(user.pk)
    has_device = cache.get(key)
    if has_device is None:
        has_device = user_has_device(user, confirmed=True)
        cache.set(key, has_device, CACHE_TIMEOUT)
    return has_device


def user_two_factor_forget(user_id: int) -> None:
    """Drop the cached answer: a device was added, confirmed or removed."""
    cache.delete(_cache_key(user_id))
