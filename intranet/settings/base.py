"""Settings shared by every environment. Anything that varies is read through `intranet.env`."""

import datetime

from django.utils.translation import gettext_lazy as _

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from intranet.env import BASE_DIR, env

PROJECT_DIR = BASE_DIR / "intranet"

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "groups",
    "resources",
    "strategy",
    "labelling",
    "search",
    "sso",
    "operations",
    "api",
    "legal",
    "participation",
    "participation.consultations",
    "participation.notices",
    "participation.comments",
    "participation.proposals",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (a looser one under /admin/) and Permissions-Policy headers.
    "home.middleware.TrameCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Rich-text links know who reads them (home/rich_text.py).
    "home.viewer.ViewerMiddleware",
    # Second factor: django-otp tells whether the session gave its code; ours then sends it to
    # the verification (anyone with a device) or the setup (editors, before any admin page).
    "django_otp.middleware.OTPMiddleware",
    "home.two_factor.middleware.TwoFactorMiddleware",
    # An intranet: every view needs a logged-in user unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.InvalidParametersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin URLs naming a page, document or image the user may not view answer 404.
    "home.admin_scoping.AdminObjectScopeMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def _database():
    database = env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while a writer commits; IMMEDIATE avoids "database is locked"
        # upgrades from read to write transactions.
        database["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    # Persistent connections: no reconnection (and PRAGMA replay) on every request.
    database.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {"default": _database()}
DATABASE_IS_POSTGRESQL = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One process in development and tests: a local memory cache is enough (production differs).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://trame")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "groups.backends.ProfileModelBackend",
    # OpenID Connect (sso/): answers only the provider's callback, and only when SSO is on.
    "sso.backends.OIDCBackend",
]
# Sessions are read from the cache first (Redis in production through CACHE_URL).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
# Second factor (home/two_factor): editors and administrators must set one up before any admin
# page when true (production's default); anyone may turn it on from their account.
TRAME_REQUIRE_2FA_FOR_STAFF = env.bool("REQUIRE_2FA_FOR_STAFF", default=False)
OTP_TOTP_ISSUER = "Trame"
# Single sign-on (OpenID Connect), off unless OIDC_ENABLED: see intranet/settings/oidc.py.
from .oidc import *  # noqa: E402, F403
from .oidc import provider_origins  # noqa: E402

# Internationalisation: the whole intranet speaks French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is locked for the cool-off time; editors unlock it from the admin.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.throttling.lockout_response"
# Successful logins are not recorded: only failures matter here.
AXES_DISABLE_ACCESS_LOG = True
# Password-reset requests (django-ratelimit, in the cache): per address and per email typed.
TRAME_PASSWORD_RESET_RATE_PER_IP = env("PASSWORD_RESET_RATE_PER_IP", default="10/h")
TRAME_PASSWORD_RESET_RATE_PER_EMAIL = env("PASSWORD_RESET_RATE_PER_EMAIL", default="3/h")

# Browser protections (README, "Sécurité"). The front end runs no inline script or style: every
# script and stylesheet is a static file. A template that really needs an inline script gives it
# `nonce="{{ request.csp_nonce }}"`.
_CSP_COMMON = {
    "default-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    # The logout form is redirected to the identity provider's logout page under SSO.
    "form-action": [SELF, *provider_origins()],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": [SELF, NONCE], "style-src": [SELF]},
}
# Wagtail's admin still needs inline scripts and styles (previews keep the front-end policy).
TRAME_CSP_ADMIN_PREFIX = "/admin/"
TRAME_CSP_ADMIN_DIRECTIVES = {
    **_CSP_COMMON,
    "img-src": [SELF, "data:", "blob:"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}
SECURE_REFERRER_POLICY = "same-origin"
# Powerful browser features no page of Trame uses, switched off for every origin.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Trame <ne-pas-repondre@trame.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks): run at once unless a worker is configured.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Trame"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "/connexion/"
WAGTAIL_FRONTEND_LOGIN_URL = "/connexion/"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
# No request to an external host: no Gravatar, no update check, no "what's new" banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# A proposal approved by a chef de file is published although they hold no publish right
# on the library (participation/proposals/workflows.py); every other page as Wagtail does.
WAGTAIL_FINISH_WORKFLOW_ACTION = "participation.proposals.workflows.finish_workflow"
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ResourceDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # every download goes through a permission check
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "odt", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "csv",
    "txt", "md", "html", "rtf", "zip", "png", "jpg", "jpeg",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.forms.ResourceDocumentForm"
# Bounds of the text extraction (resources/extraction): per file, whatever its format.
TRAME_EXTRACTION_MAX_PAGES = env.int("EXTRACTION_MAX_PAGES", default=500)
TRAME_EXTRACTION_MAX_CHARS = env.int("EXTRACTION_MAX_CHARS", default=1_000_000)
TRAME_EXTRACTION_TIME_LIMIT = env.float("EXTRACTION_TIME_LIMIT", default=60.0)  # seconds
TRAME_EXTRACTION_ZIP_MAX_TOTAL = env.int("EXTRACTION_ZIP_MAX_TOTAL", default=200 * 1024 * 1024)
TRAME_EXTRACTION_ZIP_MAX_RATIO = env.int("EXTRACTION_ZIP_MAX_RATIO", default=100)
TRAME_EXTRACTION_ZIP_MAX_ENTRIES = env.int("EXTRACTION_ZIP_MAX_ENTRIES", default=10_000)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Also Pillow's decompression bomb guard for the whole process (see home.apps).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.forms.CheckedImageForm"
# Profile photos (the intranet's and the admin's), re-encoded to 400 × 400 pixels.
TRAME_AVATAR_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
TRAME_AVATAR_MAX_PIXELS = 25_000_000

# Embeds fetch content from external hosts; they stay off unless an administrator opts in.
TRAME_EMBEDS_ENABLED = env.bool("EMBEDS_ENABLED", default=False)
if TRAME_EMBEDS_ENABLED:
    # Embedded players and their thumbnails come from the providers' HTTPS hosts.
    for _directives in (CONTENT_SECURITY_POLICY["DIRECTIVES"], TRAME_CSP_ADMIN_DIRECTIVES):
        _directives["frame-src"] = [*_directives["frame-src"], "https:"]
        _directives["img-src"] = [*_directives["img-src"], "https:"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link",
                "document-link", "image", "blockquote",
            ]
        },
    }
}  # fmt: skip

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# The alias searches and writes go through; rebuilds create "<alias>-<timestamp>" indexes.
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="trame")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Created by search/migrations: French stemming without accents (see DESIGN.md).
        **({"SEARCH_CONFIG": "french_unaccent"} if DATABASE_IS_POSTGRESQL else {}),
    }
}

# Backups (operations/backup): where `manage.py backup` writes its archives.
TRAME_BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
# Retention (operations/retention): search logs and other dated records older than this many
# months are purged by `manage.py purge_old_records`.
TRAME_RETENTION_MONTHS = env.int("RETENTION_MONTHS", default=13)

# Demo content (see home/management/commands/seed_demo.py).
DEMO_PASSWORD = env("DEMO_PASSWORD", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# REST API (/api/v1/, app api): token or session, permissions from the site's own policy,
# per-caller rate limits, bounded pages, French errors.
TRAME_API_RATE_READ = env("API_RATE_READ", default="600/min")
TRAME_API_RATE_WRITE = env("API_RATE_WRITE", default="60/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "api.permissions.TokenScopePermission",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttles.ReadThrottle", "api.throttles.WriteThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.BoundedPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "api.exceptions.french_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.TrameAutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API de Trame",
    "VERSION": "1",
    "DESCRIPTION": (
        "Lecture (et, pour qui en a le droit sur le site, écriture) du contenu de Trame. "
        "Chaque réponse ne contient que ce que la personne appelante peut voir sur le site.\n\n"
        "**Authentification** : session du navigateur (jeton CSRF pour écrire) ou jeton "
        "personnel créé depuis « Mon profil » : `Authorization: Bearer trame_…`.\n\n"
        "**Flux** : l'agenda iCal `/agenda/ical/` (événements à venir visibles), le fichier "
        "iCal de chaque événement `<adresse de l'événement>ical/` ; leur liste, avec leurs "
        "adresses, est donnée par `GET /api/v1/feeds/`. Le site n'a pas de flux RSS ni Atom."
    ),
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
}
