"""`backup --verify` and `backup --list` on good, broken and foreign archives, a backup that
fails half-way, and `--keep` retention; in process, on the suite's own database (committed:
SQLite's backup API cannot copy a database from inside a transaction)."""

import io
import json
import os
import shutil
import tarfile
import time

from django.core.management import CommandError, call_command

import pytest

from operations.backup import archive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "compte-rendu.txt").write_text("Compte rendu du comité.")
    (root / "images" / "original_images").mkdir(parents=True)
    (root / "images" / "original_images" / "affiche.png").write_bytes(bytes(range(256)) * 40)
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def backups(tmp_path):
    return tmp_path / "backups"


def backup(backups, *arguments) -> str:
    out = io.StringIO()
    call_command("backup", "--output-dir", str(backups), *arguments, stdout=out)
    return out.getvalue()


def verify(path) -> str:
    out = io.StringIO()
    call_command("backup", "--verify", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def made(media, backups):
    backup(backups)
    (path,) = archive.complete_archives(backups)
    return path


def test_backup_writes_one_archive_with_the_manifest_last(made, media):
    with tarfile.open(made) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert names[0].startswith("database/db.")
    assert set(manifest["media"]) == {
        "documents/compte-rendu.txt",
        "images/original_images/affiche.png",
    }
    assert manifest["counts"]["wagtailcore.page"] >= 2
    assert manifest["database"]["vendor"] in ("sqlite", "postgresql")
    assert manifest["trame"]["version"]
    assert "Archive valide" in verify(made)


def test_truncated_archive_is_rejected_in_french(made, tmp_path):
    truncated = tmp_path / "tronquee.tar"
    data = made.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="tronquée|incomplète"):
        verify(truncated)


def test_damaged_file_in_the_archive_is_named(made, tmp_path):
    data = bytearray(made.read_bytes())
    position = data.index(b"Compte rendu du comit")
    data[position] ^= 0xFF
    damaged = tmp_path / "endommagee.tar"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="SHA-256 différente pour media/documents/compte-rendu"):
        verify(damaged)


def test_archive_without_manifest_is_incomplete(made, tmp_path):
    incomplete = tmp_path / ".trame-20260101-000000-x.tar.partial"
    with tarfile.open(made) as source, tarfile.open(incomplete, "w") as out:
        for member in source.getmembers()[:-1]:
            out.addfile(member, source.extractfile(member))
    with pytest.raises(CommandError, match="incomplète : pas de manifeste"):
        verify(incomplete)


def test_foreign_archives_are_not_taken_for_backups(tmp_path):
    foreign = tmp_path / "autre.tar"
    with tarfile.open(foreign, "w") as tar:
        tar.add(__file__, arcname="notes.py")
    with pytest.raises(CommandError, match="n'est pas une sauvegarde Trame"):
        verify(foreign)
    text = tmp_path / "texte.tar"
    text.write_text("pas une archive")
    with pytest.raises(CommandError, match="ce n'est pas une archive tar"):
        verify(text)
    with pytest.raises(CommandError, match="Archive introuvable"):
        verify(tmp_path / "absente.tar")


def test_member_leaving_the_media_folder_is_refused(tmp_path):
    hostile = tmp_path / "hostile.tar"
    with tarfile.open(hostile, "w") as tar:
        info = tarfile.TarInfo("media/../../etc/cron.d/trame")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(CommandError, match="Chemin interdit"):
        verify(hostile)


def test_backup_failing_half_way_leaves_nothing(media, backups, monkeypatch):
    calls = []
    real_add = archive._add

    def failing_add(tar, name, path):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disque plein")
        return real_add(tar, name, path)

    monkeypatch.setattr(archive, "_add", failing_add)
    with pytest.raises(OSError, match="disque plein"):
        backup(backups)
    assert len(calls) == 2
    assert archive.complete_archives(backups) == []
    assert archive.partial_files(backups) == []
    assert sorted(os.listdir(backups)) == []
    assert "Aucune archive complète" in backup(backups, "--list")


def test_keep_removes_older_archives_and_stale_partial_files(media, backups):
    backups.mkdir()
    older = [backups / f"trame-2026010{day}-020000.tar" for day in range(1, 4)]
    for path in older:
        path.write_bytes(b"ancienne")
    stale = backups / ".trame-20260101-020000-abc.tar.partial"
    stale.write_bytes(b"interrompue")
    old = time.time() - 2 * archive.STALE_PARTIAL_SECONDS
    os.utime(stale, (old, old))
    running = backups / ".trame-20260104-020000-def.tar.partial"
    running.write_bytes(b"en cours")

    output = backup(backups, "--keep", "2")

    kept = archive.complete_archives(backups)
    assert [path.name for path in kept[:1]] == [older[-1].name]
    assert len(kept) == 2
    assert not older[0].exists() and not older[1].exists()
    assert not stale.exists() and running.exists()
    assert f"Supprimée (rétention, 2 gardées) : {older[0].name}" in output


def test_keep_must_be_positive(media, backups):
    with pytest.raises(CommandError, match="--keep attend"):
        backup(backups, "--keep", "0")
    assert not backups.exists() or archive.complete_archives(backups) == []


def test_restore_refuses_another_vendor(made, tmp_path, connection_vendor_swap):
    with pytest.raises(CommandError, match="restaurez-la dans une base du même type"):
        call_command("restore", str(made), "--noinput", stdout=io.StringIO())


@pytest.fixture
def connection_vendor_swap(made, tmp_path):
    """The same archive, its manifest claiming the other database vendor."""
    with tarfile.open(made) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    other = "postgresql" if manifest["database"]["vendor"] == "sqlite" else "sqlite"
    manifest["database"]["vendor"] = other
    rewritten = tmp_path / "copie.tar"
    with tarfile.open(made) as source, tarfile.open(rewritten, "w") as out:
        for member in source.getmembers()[:-1]:
            out.addfile(member, source.extractfile(member))
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        out.addfile(info, io.BytesIO(data))
    shutil.move(rewritten, made)
