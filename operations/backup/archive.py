"""One backup = one tar file: the database dump, MEDIA_ROOT's files, then the manifest.

The archive is written under a hidden `.partial` name and renamed (atomically, same folder)
only once the manifest, its last member, is on disk: an interrupted backup leaves at most a
`.partial` file, which listings and retention ignore and `--verify` rejects.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from operations.backup import manifest as manifests
from operations.backup.errors import BackupError

PREFIX = "trame-"
SUFFIX = ".tar"
PARTIAL_SUFFIX = ".tar.partial"
# A `.partial` file this old is the leftover of a killed backup, not one being written.
STALE_PARTIAL_SECONDS = 24 * 3600


class HashingReader:
    """Reads a file for tarfile while computing its SHA-256."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def _add(tar: tarfile.TarFile, name: str, path: Path) -> dict:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(path, "rb") as stream:
        reader = HashingReader(stream)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write(
    directory: Path,
    database,
    media_root: Path,
    progress: Callable[[str], None] = lambda _message: None,
) -> tuple[Path, dict]:
    """Write one complete archive in `directory`; (its path, its manifest)."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    final = directory / f"{PREFIX}{stamp}{SUFFIX}"
    if final.exists():
        raise BackupError(f"L'archive {final.name} existe déjà : relancez dans une seconde.")
    descriptor, partial_name = tempfile.mkstemp(
        dir=directory, prefix=f".{PREFIX}{stamp}-", suffix=PARTIAL_SUFFIX
    )
    partial = Path(partial_name)
    try:
        with (
            os.fdopen(descriptor, "wb") as stream,
            tempfile.TemporaryDirectory(dir=directory, prefix=".trame-work-") as work,
        ):
            with tarfile.open(fileobj=stream, mode="w", format=tarfile.PAX_FORMAT) as tar:
                dump, counts = database.dump(Path(work))
                dumped = _add(tar, database.member, dump)
                dump.unlink()
                progress(f"Base de données : {dumped['size']} octets.")
                media = {}
                for name, path in manifests.media_files(media_root):
                    media[name.removeprefix(manifests.MEDIA_PREFIX)] = _add(tar, name, path)
                    progress(f"Fichier : {name}")
                manifest = manifests.build(
                    vendor=database.vendor,
                    database={"member": database.member, **dumped},
                    counts=counts,
                    media=media,
                )
                _add_bytes(tar, manifests.MEMBER, manifests.dumps(manifest))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, final)
        _fsync_folder(directory)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final, manifest


def media_key(name: str) -> str:
    """The MEDIA_ROOT-relative path of a media member, refused if it could leave the folder."""
    key = name.removeprefix(manifests.MEDIA_PREFIX)
    parts = PurePosixPath(key).parts
    if not key or key.startswith("/") or "\\" in key or any(p in ("", ".", "..") for p in parts):
        raise BackupError(f"Chemin interdit dans l'archive : « {name} ».")
    return key


def read(path: Path, on_member: Callable | None = None) -> dict:
    """Check every member against the manifest; the manifest, or a French BackupError.

    `on_member(member, stream)` receives each database or media member as it is read (the
    restore writes them out); the checksums are still computed here.
    """
    if not path.is_file():
        raise BackupError(f"Archive introuvable : {path}.")
    try:
        tar = tarfile.open(path, mode="r:")  # noqa: SIM115 - closed by the `with tar` below
    except (tarfile.TarError, OSError) as error:
        raise BackupError(
            f"{path.name} n'est pas une sauvegarde Trame : ce n'est pas une archive tar."
        ) from error
    found: dict[str, dict] = {}
    manifest = None
    try:
        with tar:
            for member in tar:
                if manifest is not None:
                    raise BackupError(f"Élément inattendu après le manifeste : {member.name}.")
                if not member.isfile():
                    raise BackupError(f"Élément inattendu dans l'archive : {member.name}.")
                stream = tar.extractfile(member)
                if member.name == manifests.MEMBER:
                    manifest = manifests.loads(stream.read())
                    continue
                if member.name.startswith(manifests.MEDIA_PREFIX):
                    media_key(member.name)
                elif not member.name.startswith("database/"):
                    raise BackupError(
                        f"{path.name} n'est pas une sauvegarde Trame (élément « {member.name} »)."
                    )
                reader = HashingReader(stream)
                if on_member is not None:
                    on_member(member, reader)
                while reader.read(manifests.CHUNK):
                    pass
                found[member.name] = {"sha256": reader.digest.hexdigest(), "size": member.size}
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            f"Archive {path.name} tronquée ou endommagée ({error}) : elle ne peut pas servir."
        ) from error
    if manifest is None:
        raise BackupError(
            f"Archive {path.name} incomplète : pas de manifeste (sauvegarde interrompue ?)."
        )
    _compare(manifest, found)
    return manifest


def _compare(manifest: dict, found: dict) -> None:
    expected = {manifests.MEDIA_PREFIX + key: value for key, value in manifest["media"].items()} | {
        manifest["database"].get("member", ""): manifest["database"]
    }
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    if missing:
        raise BackupError(f"{len(missing)} élément(s) du manifeste manquent : {missing[0]}…")
    if extra:
        raise BackupError(f"{len(extra)} élément(s) absents du manifeste : {extra[0]}…")
    for name, value in expected.items():
        if found[name]["sha256"] != value.get("sha256") or found[name]["size"] != value.get("size"):
            raise BackupError(f"Empreinte SHA-256 différente pour {name} : fichier endommagé.")


def complete_archives(directory: Path) -> list[Path]:
    """The complete archives of a folder, oldest first (their names sort by date)."""
    if not directory.is_dir():
        return []
    return sorted(
        path
        for path in directory.glob(f"{PREFIX}*{SUFFIX}")
        if path.is_file() and not path.name.startswith(".")
    )


def partial_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f".{PREFIX}*{PARTIAL_SUFFIX}"))


def prune(directory: Path, keep: int) -> list[Path]:
    """Remove all but the `keep` newest complete archives, and stale partial files."""
    removed = complete_archives(directory)[:-keep] if keep > 0 else []
    now = time.time()
    removed += [
        path
        for path in partial_files(directory)
        if now - path.stat().st_mtime > STALE_PARTIAL_SECONDS
    ]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
