"""Trame processes with their own database and media folder, for the backup tests: the site
backed up and the site restored are separate installations, as on a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass
class Site:
    database_url: str
    media_root: Path
    backup_dir: Path

    def env(self) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST", "DATABASE_URL", "MEDIA_ROOT"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
                "DEBUG": "False",
                "SECRET_KEY": "backup-test-" + "x" * 52,
                "SECURE_SSL_REDIRECT": "False",
                "DEMO_PASSWORD": "backup-test-password",
                "CACHE_URL": "locmemcache://backup-test",
                "DATABASE_URL": self.database_url,
                "MEDIA_ROOT": str(self.media_root),
                "BACKUP_DIR": str(self.backup_dir),
                "PYTHONUNBUFFERED": "1",
            }
        )
        return env

    def command(self, *arguments: str) -> list[str]:
        return [sys.executable, "manage.py", *arguments]

    def manage(self, *arguments: str, check=True, stdin=None) -> subprocess.CompletedProcess:
        completed = subprocess.run(  # noqa: S603 - the test's own interpreter and manage.py
            self.command(*arguments),
            cwd=ROOT,
            env=self.env(),
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"manage.py {' '.join(arguments)} a échoué ({completed.returncode}) :\n"
                f"{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
            )
        return completed

    def report(self) -> dict:
        code = "from tests.operations.site import report; report()"
        output = self.manage("shell", "-c", code).stdout
        line = next(line for line in output.splitlines() if line.startswith("REPORT "))
        return json.loads(line.removeprefix("REPORT "))


def postgres_admin_url() -> str | None:
    """A PostgreSQL server the tests may create databases on, or None (the reason skipped)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return url


def postgres_database(admin_url: str, name: str, *, create: bool) -> str:
    import psycopg

    parts = urllib.parse.urlsplit(admin_url)
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
