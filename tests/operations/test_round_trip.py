"""Back up the demo plus uploads, restore it into a fresh database and media folder, and get
back the same rows, files and search hits, on the database the suite runs on: SQLite, or
PostgreSQL (the CI's second pass). Every step runs in its own process with production
settings, as an administrator would.
"""

import os
import signal
import subprocess

import pytest

from tests.operations.processes import ROOT, Site, postgres_admin_url, postgres_database

# One round trip per pass: each costs a demo build and two restores.
VENDORS = ["postgresql"] if postgres_admin_url() else ["sqlite"]
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def database_url(vendor: str, tmp_path, role: str) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{tmp_path / f'{role}.sqlite3'}"
    return postgres_database(postgres_admin_url(), f"trame_backup_{role}_{WORKER}", create=True)


@pytest.fixture(scope="module", params=VENDORS)
def source(request, tmp_path_factory):
    """A seeded demo with uploads, and its archive."""
    vendor = request.param
    folder = tmp_path_factory.mktemp(f"source-{vendor}")
    site = Site(database_url(vendor, folder, "source"), folder / "media", folder / "backups")
    site.manage("migrate", "--noinput")
    site.manage("seed_demo")
    site.manage("shell", "-c", "from tests.operations.site import add_uploads; add_uploads()")
    site.manage("backup")
    (archive,) = list(site.backup_dir.glob("trame-*.tar"))
    yield vendor, site, archive, site.report()
    if vendor == "postgresql":
        postgres_database(postgres_admin_url(), "trame_backup_source_" + WORKER, create=False)


@pytest.fixture
def target(source, tmp_path):
    vendor = source[0]
    site = Site(database_url(vendor, tmp_path, "target"), tmp_path / "media", tmp_path / "out")
    yield site
    if vendor == "postgresql":
        postgres_database(postgres_admin_url(), "trame_backup_target_" + WORKER, create=False)


def test_restore_gives_back_rows_files_and_search_hits(source, target):
    _vendor, _site, archive, expected = source
    assert expected["counts"]["resources.resourcedocument"] > 3
    assert any(name.endswith("affiche.png") for name in expected["files"])
    assert expected["hits"]["professionnel:zygomorphe"][0] == 3

    verified = target.manage("backup", "--verify", str(archive))
    assert "Archive valide" in verified.stdout

    # Without --noinput the restore asks first; anything but « oui » changes nothing.
    cancelled = target.manage("restore", str(archive), stdin="non\n")
    assert "Base cible" in cancelled.stdout and "vide." in cancelled.stdout
    assert "Restauration annulée" in cancelled.stdout
    assert not target.media_root.exists() or not any(target.media_root.iterdir())

    restored = target.manage("restore", str(archive), "--noinput")
    assert "Restauration vérifiée" in restored.stdout
    assert "reconstruit" in restored.stdout  # the search index was rebuilt

    got = target.report()
    assert got["counts"] == expected["counts"]
    assert got["files"] == expected["files"]
    assert got["hits"] == expected["hits"]

    # The target is no longer empty: a second restore is refused, in French, and changes nothing.
    refused = target.manage("restore", str(archive), "--noinput", check=False)
    assert refused.returncode == 1
    assert "Restauration refusée" in refused.stderr and "--replace" in refused.stderr
    assert target.report()["counts"] == expected["counts"]


def test_killed_backup_leaves_no_archive_that_claims_to_be_complete(source, tmp_path):
    vendor, site, _archive, _expected = source
    if vendor != "sqlite":
        pytest.skip(
            "Le même code d'écriture d'archive sert aux deux bases : testé au passage SQLite."
        )
    media = tmp_path / "media"
    for number in range(3000):
        folder = media / "documents" / f"dossier-{number // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"fichier-au-nom-assez-long-pour-remplir-la-sortie-{number:05d}.txt").write_text(
            f"contenu {number}"
        )
    killed = Site(site.database_url, media, tmp_path / "backups")
    process = subprocess.Popen(  # noqa: S603 - the test's own interpreter and manage.py
        killed.command("backup", "--verbosity", "2"),
        cwd=ROOT,
        env=killed.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        # One line per file (~110 bytes): once the first file is written the backup cannot
        # finish before this test reads ~300 KB more (the pipe holds 64 KB), so the kill
        # always lands half-way.
        for line in process.stdout:
            if line.startswith("Fichier"):
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    assert list(killed.backup_dir.glob("trame-*.tar")) == []
    (partial,) = list(killed.backup_dir.glob(".trame-*.tar.partial"))
    listing = killed.manage("backup", "--list")
    assert "Aucune archive complète" in listing.stdout
    assert "incomplète (sauvegarde interrompue), ignorée" in listing.stdout
    verify = killed.manage("backup", "--verify", str(partial), check=False)
    assert verify.returncode == 1
    assert "incomplète" in verify.stderr or "tronquée" in verify.stderr
    refused = killed.manage("restore", str(partial), "--noinput", check=False)
    assert refused.returncode == 1 and "Restauration vérifiée" not in refused.stdout
