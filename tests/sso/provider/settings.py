"""A real OpenID Connect provider (django-oidc-provider) for the SSO suite: its own Django
project, run in a subprocess by tests/sso/provider/serve.py, with its own SQLite database."""

import os

SECRET_KEY = "sso-test-provider-only-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
# No CSRF middleware: the suite posts the provider's login form with `requests`.
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.sso.provider.urls"
TEMPLATES = [
    {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True},
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SSO_PROVIDER_DB"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USE_TZ = True
LOGIN_URL = "/login/"
OIDC_USERINFO = "tests.sso.provider.claims.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "tests.sso.provider.claims.NetworkScopeClaims"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
SESSION_COOKIE_NAME = "provider_sessionid"  # Trame runs on the same host: its own cookie
