import os
import subprocess
import sys

from django.conf import settings
from django.db import connection

import pytest


def run_python(code, **env):
    clean_env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import intranet.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_its_secrets():
    result = run_python("import intranet.settings.production", SECRET_KEY="x" * 64)
    assert result.returncode == 0, result.stderr


def test_database_and_search_come_from_the_environment():
    code = (
        "import intranet.settings.production as s;"
        "print(s.DATABASES['default']['ENGINE'],"
        " s.WAGTAILSEARCH_BACKENDS['default'].get('SEARCH_CONFIG'))"
    )
    result = run_python(
        code, SECRET_KEY="x" * 64, DATABASE_URL="postgres://u@db.example:5432/trame"
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "french_unaccent"]


def test_the_intranet_speaks_french():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("fr", "Français")]
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting; this run uses " + connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The in-memory test database cannot use WAL; the file database of `make run` does.
    assert mode in {"wal", "memory"}
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
