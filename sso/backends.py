"""mozilla-django-oidc's backend, adapted to Trame: endpoints from the settings or the
issuer's discovery, the ID token's audience and issuer checked too, accounts provisioned by
sso.accounts, and a refusal's French reason kept for the login page."""

import logging

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext as _

import jwt
import requests
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from groups.backends import ProfileModelBackend

from .accounts import SignInRefused, account_for_claims
from .provider import ENDPOINT_KEYS, ProviderUnavailable, endpoint, sso_enabled

logger = logging.getLogger(__name__)

REFUSAL_ATTRIBUTE = "sso_refusal"


def trame_oidc_setting(attr, *args):
    """mozilla-django-oidc's settings, with the endpoints discovered when left empty."""
    if attr in ENDPOINT_KEYS:
        return endpoint(attr)
    return import_from_settings(attr, *args)


class OIDCBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(trame_oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django builds every backend for every password login too: nothing is read (and no
        # provider is asked) until the provider's callback calls authenticate().
        pass

    def _configure(self):
        super().__init__()

    def authenticate(self, request, **kwargs):
        # Only the callback view passes a nonce: a password form never reaches the provider.
        if not sso_enabled() or request is None or "nonce" not in kwargs or "password" in kwargs:
            return None
        try:
            self._configure()
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            logger.info("OIDC sign-in refused: %s", refusal.message)
            setattr(request, REFUSAL_ATTRIBUTE, refusal.message)
        # An expired or otherwise invalid token is not always a SuspiciousOperation there.
        except (SuspiciousOperation, jwt.InvalidTokenError) as error:
            logger.warning("OIDC sign-in rejected: %s", error)
            setattr(
                request,
                REFUSAL_ATTRIBUTE,
                _("The identity provider's answer could not be verified: sign-in refused."),
            )
        except (ProviderUnavailable, requests.RequestException) as error:
            logger.warning("OIDC provider unreachable: %s", error)
            setattr(
                request,
                REFUSAL_ATTRIBUTE,
                _("The identity provider did not answer. Try again in a few minutes."),
            )
        return None

    def verify_token(self, token, **kwargs):
        """The library checks the signature, expiry and nonce; the audience and issuer
        are checked here, so that a token issued to another client is refused."""
        header = jwt.get_unverified_header(token)
        # Checked first: the library would fail with a KeyError on a header without "kid".
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("ID token algorithm is not the configured one.")
        needs_kid = self.OIDC_RP_IDP_SIGN_KEY is None and self.OIDC_OP_JWKS_ENDPOINT
        if needs_kid and import_from_settings("OIDC_VERIFY_KID", True) and "kid" not in header:
            raise SuspiciousOperation("ID token header names no key.")
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token audience is not this client.")
        if len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token authorized party is not this client.")
        issuer = settings.TRAME_OIDC_ISSUER
        if issuer and (payload.get("iss") or "").rstrip("/") != issuer:
            raise SuspiciousOperation("ID token issuer is not the configured issuer.")
        self._id_token_claims = payload
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo subject differs from the ID token's.")
        claims = {**payload, **userinfo}
        issuer = settings.TRAME_OIDC_ISSUER or payload.get("iss") or ""
        return account_for_claims(claims, issuer)

    def get_user(self, user_id):
        return ProfileModelBackend().get_user(user_id)

    # Rights come from Trame's own backend only (cached there): none from this one.
    get_user_permissions = BaseBackend.get_user_permissions
    get_group_permissions = BaseBackend.get_group_permissions
    get_all_permissions = BaseBackend.get_all_permissions
    has_perm = BaseBackend.has_perm

    def has_module_perms(self, user_obj, app_label):
        return False

    def with_perm(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        return get_user_model()._default_manager.none()
