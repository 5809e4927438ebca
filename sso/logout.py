"""Logout: the provider's end-session URL, when it has one (OIDC_OP_LOGOUT_URL_METHOD)."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url

from .provider import ProviderUnavailable, endpoint, sso_enabled

SSO_SESSION_KEY = "trame_sso_login"


def provider_logout_url(request) -> str:
    """Where to send a person who signed in through the provider after Trame's own logout:
    the provider's end_session_endpoint (RP-initiated logout), back to Trame's login page
    afterwards; Trame's login page when the provider has none or the session is local."""
    login_url = resolve_url("login")
    if not sso_enabled() or not request.session.get(SSO_SESSION_KEY):
        return login_url
    try:
        end_session = endpoint("TRAME_OIDC_END_SESSION_ENDPOINT")
    except ProviderUnavailable:
        end_session = ""
    if not end_session:
        return login_url
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(login_url),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in end_session else "?"
    return f"{end_session}{separator}{urlencode(params)}"
