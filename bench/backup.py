"""Measure `manage.py backup` and `manage.py restore` on the demo, then on the demo plus
10,000 generated resources (`bench/search_corpus.py`), on SQLite and PostgreSQL.

For each database: a source (SQLite file, or a PostgreSQL database created here), `migrate`,
`seed_demo`; then `backup` (timed, archive size), and `restore --noinput` into a fresh database
and media folder (timed: it includes the end-to-end check of the archive, the verification of
every row count and file checksum, and `search_rebuild`). Then the generated resources are
added to the same source (`bench/search_inprocess.py prepare N --skip-wagtail`: rows with
2-5 KB of extracted text each, indexed; their files are not on disk) and both are measured
again. Commands run as subprocesses with the production settings, wall-clock time including
Python's start-up (about 2 s). Everything is built in a temporary folder and dropped at the end.

Usage: `.venv/bin/python bench/backup.py [--databases sqlite,postgresql] [--resources 10000]`
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the project's root, not bench/ (which would shadow `search`)

from bench.pages import (  # noqa: E402
    PostgresDatabase,
    SqliteDatabase,
    base_env,
    code_version,
    run,
)
from bench.search import DEFAULT_POSTGRES, inprocess  # noqa: E402

PASSWORD = "bench-backup-password"


def timed(command: list[str], env: dict, what: str) -> float:
    started = time.monotonic()
    run(command, env, what)
    return time.monotonic() - started


def site_env(database_url: str, folder: Path, name: str) -> dict:
    env = base_env(
        database_url, folder / "static", folder / f"{name}-media", PASSWORD, "locmemcache://b"
    )
    env["BACKUP_DIR"] = str(folder / f"{name}-backups")
    return env


def measure(source_env: dict, target_url: str, folder: Path, label: str) -> dict:
    """Back up the source, restore into `target_url` and a new media folder under `folder`."""
    manage = [sys.executable, "manage.py"]
    backup_dir = Path(source_env["BACKUP_DIR"])
    shutil.rmtree(backup_dir, ignore_errors=True)
    backup_s = timed([*manage, "backup"], source_env, f"{label}: backup")
    (archive,) = list(backup_dir.glob("trame-*.tar"))
    target_env = site_env(target_url, folder, "target")
    restore_s = timed([*manage, "restore", str(archive), "--noinput"], target_env, "restore")
    return {
        "label": label,
        "size_mb": archive.stat().st_size / 1_000_000,
        "backup_s": backup_s,
        "restore_s": restore_s,
    }


def fresh_database(database: str, folder: Path, admin_url: str):
    if database == "sqlite":
        return SqliteDatabase(folder)
    return PostgresDatabase(admin_url)


def bench_database(database: str, args, folder: Path) -> list[dict]:
    rows = []
    (folder / "source").mkdir()
    with fresh_database(database, folder / "source", args.postgres_url) as source_url:
        env = site_env(source_url, folder, "source")
        manage = [sys.executable, "manage.py"]
        run([*manage, "migrate", "--noinput"], env, "migrate")
        run([*manage, "seed_demo"], env, "seed_demo")
        for label, count in (("démo", 0), (f"démo + {args.resources} ressources", args.resources)):
            if count:
                inprocess(env, "prepare", str(count), "--skip-wagtail")
            target_folder = folder / f"target-{count}"
            target_folder.mkdir()
            with fresh_database(database, target_folder, args.postgres_url) as target_url:
                rows.append(
                    {"database": database, **measure(env, target_url, target_folder, label)}
                )
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="trame-bench-backup-") as tmp:
        for database in args.databases.split(","):
            folder = Path(tmp) / database
            folder.mkdir()
            rows += bench_database(database, args, folder)
    print(f"\nSauvegarde et restauration ({code_version()})\n")
    print("| base | contenu | archive | backup | restore (vérification + index) |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['database']} | {row['label']} | {row['size_mb']:.1f} Mo | "
            f"{row['backup_s']:.1f} s | {row['restore_s']:.1f} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
