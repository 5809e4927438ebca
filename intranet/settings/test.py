import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# One folder per pytest-xdist worker: parallel tests never share stored files.
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come from the finders here; whitenoise needs no collected folder.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Only the second-factor tests require it of editors (tests/home/test_two_factor.py).
TRAME_REQUIRE_2FA_FOR_STAFF = False
# Django's test client logs in without a request, which django-axes refuses: the throttling
# tests (tests/home/test_login_throttling.py) switch it on for themselves.
AXES_ENABLED = False
