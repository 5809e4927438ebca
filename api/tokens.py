"""Making and checking personal API tokens: `trame_<prefix>_<secret>`, where the prefix finds
the row and the SHA-256 of the whole token is compared in constant time."""

import hashlib
import hmac
import secrets

from django.utils import timezone

from api.models import ApiToken

TOKEN_START = "trame_"  # noqa: S105 - a visible marker, not a secret
PREFIX_BYTES = 6  # 8 characters: a lookup key, not a secret
SECRET_BYTES = 32  # 256 bits from the operating system's generator
LAST_USED_PRECISION_SECONDS = 60  # at most one write per token per minute


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(*, user, name: str, scope: str, expires_at=None) -> tuple[ApiToken, str]:
    """The stored token and the clear token, which nothing keeps: show it once."""
    while True:
        prefix = secrets.token_urlsafe(PREFIX_BYTES).replace("_", "x").replace("-", "y")
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    clear = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        digest=token_digest(clear),
        scope=scope,
        expires_at=expires_at,
    )
    return token, clear


def token_find(clear: str) -> ApiToken | None:
    """The token row this clear token names, whatever its state, or None."""
    if not clear.startswith(TOKEN_START):
        return None
    prefix, _sep, secret = clear[len(TOKEN_START) :].partition("_")
    if not prefix or not secret:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.digest, token_digest(clear)):
        return None
    return token


def token_touch(token: ApiToken) -> None:
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= LAST_USED_PRECISION_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def token_revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
