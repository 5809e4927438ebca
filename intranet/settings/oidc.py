"""OpenID Connect single sign-on (app `sso`, README « Connexion unique (SSO) »).

Every value comes from the environment and SSO stays off unless OIDC_ENABLED is true. The
OIDC_* names that mozilla-django-oidc reads keep its names; Trame's own are TRAME_OIDC_*.
"""

from urllib.parse import urlsplit

from intranet.env import env

TRAME_OIDC_ENABLED = env.bool("OIDC_ENABLED", default=False)
# The name on the login button: « Se connecter avec <name> ».
TRAME_OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", default="")
# With an issuer, the endpoints below that are left empty come from its discovery document
# (<issuer>/.well-known/openid-configuration), and the ID token's `iss` must equal it.
TRAME_OIDC_ISSUER = env("OIDC_ISSUER", default="").rstrip("/")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
TRAME_OIDC_END_SESSION_ENDPOINT = env("OIDC_OP_END_SESSION_ENDPOINT", default="")
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT", default=10.0)
# Kept in the session for the provider's logout (id_token_hint).
OIDC_STORE_ID_TOKEN = True
OIDC_OP_LOGOUT_URL_METHOD = "sso.logout.provider_logout_url"
OIDC_CALLBACK_CLASS = "sso.views.CallbackView"
OIDC_AUTHENTICATE_CLASS = "sso.views.AuthenticateView"
LOGIN_REDIRECT_URL_FAILURE = "/connexion/"

# Which claims carry what (userinfo answer, then ID token).
TRAME_OIDC_CLAIM_EMAIL = env("OIDC_CLAIM_EMAIL", default="email")
TRAME_OIDC_CLAIM_EMAIL_VERIFIED = env("OIDC_CLAIM_EMAIL_VERIFIED", default="email_verified")
TRAME_OIDC_CLAIM_NAME = env("OIDC_CLAIM_NAME", default="name")
TRAME_OIDC_CLAIM_GIVEN_NAME = env("OIDC_CLAIM_GIVEN_NAME", default="given_name")
TRAME_OIDC_CLAIM_FAMILY_NAME = env("OIDC_CLAIM_FAMILY_NAME", default="family_name")
# Empty: the structure comes from the email-domain table only; no role is read.
TRAME_OIDC_CLAIM_STRUCTURE = env("OIDC_CLAIM_STRUCTURE", default="")
TRAME_OIDC_CLAIM_ROLE = env("OIDC_CLAIM_ROLE", default="")
# Role claim values that put the person in the « Éditeurs » group. Empty: no claim ever grants
# editor rights (nor administrator rights, which no claim grants).
TRAME_OIDC_EDITOR_ROLE_VALUES = env.list("OIDC_EDITOR_ROLE_VALUES", default=[])

# SSO for everyone: the password form only accepts these usernames (break-glass accounts).
TRAME_OIDC_REQUIRED = env.bool("OIDC_REQUIRED", default=False)
TRAME_OIDC_PASSWORD_LOGIN_USERS = env.list("OIDC_PASSWORD_LOGIN_USERS", default=[])


def provider_origins() -> list[str]:
    """Origins the logout form may be redirected to (CSP form-action)."""
    urls = [TRAME_OIDC_ISSUER, TRAME_OIDC_END_SESSION_ENDPOINT] if TRAME_OIDC_ENABLED else []
    origins = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))
