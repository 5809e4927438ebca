"""Reading the provider's claims under the names the settings give them."""

from django.conf import settings


def claim(claims: dict, setting_name: str):
    name = getattr(settings, setting_name)
    return claims.get(name) if name else None


def email_of(claims: dict) -> str:
    value = claim(claims, "TRAME_OIDC_CLAIM_EMAIL")
    return value.strip().lower() if isinstance(value, str) else ""


def email_is_verified(claims: dict) -> bool:
    """Only a true boolean (or the string "true" some providers send) counts: a missing
    claim is not a verified address."""
    value = claim(claims, "TRAME_OIDC_CLAIM_EMAIL_VERIFIED")
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return value is True


def names_of(claims: dict) -> tuple[str, str]:
    """(first name, last name): the given and family names, else the full name split once."""
    given = claim(claims, "TRAME_OIDC_CLAIM_GIVEN_NAME")
    family = claim(claims, "TRAME_OIDC_CLAIM_FAMILY_NAME")
    if isinstance(given, str) and isinstance(family, str) and (given or family):
        return given.strip()[:150], family.strip()[:150]
    full = claim(claims, "TRAME_OIDC_CLAIM_NAME")
    if isinstance(full, str) and full.strip():
        first, _, last = full.strip().partition(" ")
        return first[:150], last.strip()[:150]
    return "", ""


def values_of(claims: dict, setting_name: str) -> list[str]:
    """A claim that may be one string or a list of strings (roles, groups)."""
    value = claim(claims, setting_name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str)]
    return []
