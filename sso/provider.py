"""Where the identity provider's endpoints are: the explicit OIDC_OP_* settings, else its
discovery document (fetched once, then cached), so that an issuer alone is enough."""

import logging

from django.conf import settings
from django.core.cache import cache

import requests

logger = logging.getLogger(__name__)

DISCOVERY_CACHE_TIMEOUT = 60 * 60
# mozilla-django-oidc's setting names, and the discovery document's key for each.
ENDPOINT_KEYS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "TRAME_OIDC_END_SESSION_ENDPOINT": "end_session_endpoint",
}


class ProviderUnavailable(Exception):
    """The discovery document could not be read."""


def sso_enabled() -> bool:
    return settings.TRAME_OIDC_ENABLED


def provider_name() -> str:
    return settings.TRAME_OIDC_PROVIDER_NAME


def discovery_document() -> dict:
    issuer = settings.TRAME_OIDC_ISSUER
    if not issuer:
        return {}
    key = f"trame:sso:discovery:{issuer}"
    document = cache.get(key)
    if document is None:
        url = f"{issuer}/.well-known/openid-configuration"
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.warning("OIDC discovery failed at %s: %s", url, error)
            raise ProviderUnavailable(url) from error
        cache.set(key, document, DISCOVERY_CACHE_TIMEOUT)
    return document


def endpoint(setting_name: str) -> str:
    """The endpoint named by a setting, discovered from the issuer when the setting is empty."""
    explicit = getattr(settings, setting_name, "")
    if explicit:
        return explicit
    return discovery_document().get(ENDPOINT_KEYS[setting_name], "") or ""
