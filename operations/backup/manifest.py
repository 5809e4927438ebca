"""The manifest: what an archive holds and how to check it (counts per model, a SHA-256 per
file, the Trame version and the database vendor). It is the archive's last member: an archive
without one was interrupted."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from operations.backup.errors import BackupError

FORMAT = "trame-backup"
FORMAT_VERSION = 1
MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def trame_version() -> dict:
    try:
        version = metadata.version("trame")
    except metadata.PackageNotFoundError:
        version = "inconnue"
    commit = os.environ.get("TRAME_COMMIT", "")
    if not commit:
        try:
            commit = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, optional
                cwd=settings.BASE_DIR,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            commit = ""
    return {"version": version, "commit": commit or "inconnu"}


def counted_tables() -> dict[str, str]:
    """{model label: table} for every table Django manages, each table once."""
    tables: dict[str, str] = {}
    seen = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.db_table in seen:
            continue
        seen.add(meta.db_table)
        tables[meta.label_lower] = meta.db_table
    return dict(sorted(tables.items()))


def count_rows(cursor, quote, tables: dict[str, str]) -> dict[str, int]:
    """Rows per model through a DB-API cursor (the snapshot's, or the restored database's)."""
    counts = {}
    for label, table in tables.items():
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - model tables
        counts[label] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> list[tuple[str, Path]]:
    """(archive name, path) of every regular file under MEDIA_ROOT, sorted; links skipped."""
    found = []
    if not root.is_dir():
        return found
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found.append((MEDIA_PREFIX + path.relative_to(root).as_posix(), path))
    return sorted(found)


def build(*, vendor: str, database: dict, counts: dict, media: dict) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "trame": trame_version(),
        "database": {"vendor": vendor, **database},
        "counts": counts,
        "media": media,
    }


def dumps(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()


def loads(data: bytes) -> dict:
    """The manifest read from an archive, or a French BackupError saying what is wrong."""
    try:
        manifest = json.loads(data)
    except ValueError as error:
        raise BackupError(f"Manifeste illisible ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("Ce fichier n'est pas une sauvegarde Trame (manifeste inconnu).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Version de sauvegarde {manifest.get('format_version')!r} non prise en charge "
            f"(cette version de Trame lit la version {FORMAT_VERSION})."
        )
    for key, kind in (("database", dict), ("counts", dict), ("media", dict)):
        if not isinstance(manifest.get(key), kind):
            raise BackupError(f"Manifeste incomplet : la rubrique « {key} » manque.")
    return manifest
