"""Dump and restore the database with its own tools: SQLite's online backup API, PostgreSQL's
pg_dump and pg_restore (see operations/backup/__init__.py for why)."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from operations.backup.errors import BackupError
from operations.backup.manifest import count_rows, counted_tables


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def for_connection(connection):
    """The dumper/restorer of a Django connection's database."""
    if connection.vendor == "sqlite":
        return SqliteDatabase(connection)
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection)
    raise BackupError(
        f"Base « {connection.vendor} » non prise en charge : sauvegarde possible sur SQLite "
        "ou PostgreSQL seulement."
    )


class SqliteDatabase:
    vendor = "sqlite"
    member = "database/db.sqlite3.gz"

    def __init__(self, connection):
        self.connection = connection
        self.name = str(connection.settings_dict["NAME"])

    def describe(self) -> str:
        return f"SQLite, fichier {self.name}"

    def dump(self, workdir: Path) -> tuple[Path, dict]:
        """A gzipped copy of the live database, and the counts of that very copy."""
        copy = workdir / "db.sqlite3"
        if self.connection.in_atomic_block:
            # The backup API would wait forever for this connection's own write transaction.
            raise BackupError("La sauvegarde ne peut pas être lancée dans une transaction.")
        self.connection.ensure_connection()
        target = sqlite3.connect(copy)
        try:
            # One step (pages=-1): a consistent snapshot even while other processes write.
            self.connection.connection.backup(target)
            counts = count_rows(target.cursor(), quote, counted_tables())
        finally:
            target.close()
        packed = workdir / "db.sqlite3.gz"
        with open(copy, "rb") as source, gzip.open(packed, "wb", compresslevel=6) as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
        copy.unlink()
        return packed, counts

    def _path(self) -> Path:
        if self.name in ("", ":memory:") or self.name.startswith("file:"):
            raise BackupError(
                "La base SQLite cible est en mémoire : indiquez un fichier (DATABASE_URL)."
            )
        return Path(self.name)

    def is_empty(self) -> bool:
        path = self._path()
        if not path.exists() or path.stat().st_size == 0:
            return True
        connection = sqlite3.connect(path)
        try:
            (tables,) = connection.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchone()
        finally:
            connection.close()
        return tables == 0

    def restore(self, dump: Path, *, replace: bool) -> None:
        """Copy the archived database over the target file (empty, or replaced on request)."""
        path = self._path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection.close()
        unpacked = path.with_name(f".{path.name}.restore")
        try:
            with gzip.open(dump, "rb") as source, open(unpacked, "wb") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)
            source_db = sqlite3.connect(unpacked)
            target_db = sqlite3.connect(path)
            try:
                source_db.backup(target_db)
            finally:
                source_db.close()
                target_db.close()
        except (OSError, EOFError, sqlite3.Error) as error:
            raise BackupError(f"Restauration de la base SQLite impossible : {error}") from error
        finally:
            unpacked.unlink(missing_ok=True)


class PostgresDatabase:
    vendor = "postgresql"
    member = "database/db.pgdump"

    def __init__(self, connection):
        self.connection = connection
        self.settings = connection.settings_dict

    def describe(self) -> str:
        host = self.settings.get("HOST") or "socket local"
        return f"PostgreSQL, base « {self.settings['NAME']} » sur {host}"

    def _environment(self) -> dict:
        env = dict(os.environ)
        for key, variable in (
            ("HOST", "PGHOST"),
            ("PORT", "PGPORT"),
            ("USER", "PGUSER"),
            ("PASSWORD", "PGPASSWORD"),
            ("NAME", "PGDATABASE"),
        ):
            if self.settings.get(key):
                env[variable] = str(self.settings[key])
        return env

    def _connect(self, **options):
        import psycopg

        keys = {"NAME": "dbname", "USER": "user", "PASSWORD": "password", "HOST": "host"}
        params = {arg: self.settings[key] for key, arg in keys.items() if self.settings.get(key)}
        if self.settings.get("PORT"):
            params["port"] = int(self.settings["PORT"])
        return psycopg.connect(**params, **options)

    def _tool(self, name: str, arguments: list[str]) -> None:
        program = shutil.which(name)
        if program is None:
            raise BackupError(
                f"{name} introuvable : installez les outils clients de PostgreSQL "
                "(paquet postgresql-client, version du serveur ou plus récente)."
            )
        completed = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
            [program, *arguments],
            env=self._environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise BackupError(f"{name} a échoué : {completed.stderr.strip()[-2000:]}")

    def dump(self, workdir: Path) -> tuple[Path, dict]:
        """pg_dump in the custom format, in the snapshot the counts are read from."""
        path = workdir / "db.pgdump"
        with self._connect() as connection:
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            (snapshot,) = connection.execute("SELECT pg_export_snapshot()").fetchone()
            arguments = ["--format=custom", "--no-owner", "--no-privileges"]
            self._tool("pg_dump", [*arguments, f"--snapshot={snapshot}", f"--file={path}"])
            counts = count_rows(connection.cursor(), quote, counted_tables())
            connection.rollback()
        return path, counts

    def is_empty(self) -> bool:
        with self._connect() as connection:
            (tables,) = connection.execute(
                "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchone()
        return tables == 0

    def restore(self, dump: Path, *, replace: bool) -> None:
        self.connection.close()
        if replace:
            with self._connect(autocommit=True) as connection:
                connection.execute("DROP SCHEMA IF EXISTS public CASCADE")
                connection.execute("CREATE SCHEMA public")
        self._tool(
            "pg_restore",
            [
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={self.settings['NAME']}",
                str(dump),
            ],
        )
