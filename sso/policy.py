"""Who may still use the password form when the administrator requires SSO."""

from django.conf import settings


def password_login_restricted() -> bool:
    return settings.TRAME_OIDC_ENABLED and settings.TRAME_OIDC_REQUIRED


def password_login_allowed(username: str) -> bool:
    """Everyone while SSO is not required; then only the break-glass usernames listed in
    OIDC_PASSWORD_LOGIN_USERS (compared exactly, as Django compares usernames)."""
    if not password_login_restricted():
        return True
    return username in settings.TRAME_OIDC_PASSWORD_LOGIN_USERS
