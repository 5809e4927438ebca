"""Restore an archive into an empty database and media folder, then prove it: the rows per
model and the SHA-256 of every file must be those of the manifest."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from operations.backup import archive
from operations.backup import manifest as manifests
from operations.backup.database import for_connection, quote
from operations.backup.errors import BackupError


@dataclass
class Plan:
    archive: Path
    manifest: dict
    database: object
    media_root: Path
    database_empty: bool
    media_files: int

    @property
    def target_empty(self) -> bool:
        return self.database_empty and not self.media_files


def plan(path: Path, connection, media_root: Path) -> Plan:
    """Check the archive from end to end and look at the target; nothing is written."""
    manifest = archive.read(path)
    database = for_connection(connection)
    vendor = manifest["database"].get("vendor")
    if vendor != database.vendor:
        raise BackupError(
            f"Cette archive contient une base {vendor} et la base cible est {database.vendor} : "
            "restaurez-la dans une base du même type."
        )
    return Plan(
        archive=path,
        manifest=manifest,
        database=database,
        media_root=media_root,
        database_empty=database.is_empty(),
        media_files=len(manifests.media_files(media_root)),
    )


def size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")


def preview(plan: Plan, *, replace: bool = False) -> list[str]:
    manifest = plan.manifest
    media = manifest["media"]
    rows = sum(manifest["counts"].values())
    here = manifests.trame_version()
    lines = [
        f"Archive : {plan.archive} ({size_label(plan.archive.stat().st_size)}), "
        f"créée le {manifest['created_at']}, vérifiée.",
        f"Sauvegardée par Trame {manifest['trame']['version']}, commit "
        f"{manifest['trame']['commit'][:12]} (cette installation : {here['version']}, "
        f"commit {here['commit'][:12]}).",
        f"Contenu : {rows} lignes dans {len(manifest['counts'])} tables, "
        f"{len(media)} fichiers ({size_label(sum(f['size'] for f in media.values()))}).",
        f"Base cible : {plan.database.describe()} — "
        + (
            "vide."
            if plan.database_empty
            else "NON VIDE" + (" : son contenu sera remplacé." if replace else ".")
        ),
        f"Dossier des fichiers : {plan.media_root} — "
        + (
            "vide."
            if not plan.media_files
            else f"NON VIDE : {plan.media_files} fichiers"
            + (", qui seront supprimés." if replace else ".")
        ),
        "Ensuite : vérification des lignes et des empreintes, puis reconstruction de l'index "
        "de recherche.",
    ]
    return lines


def refuse_non_empty(plan: Plan) -> None:
    if plan.target_empty:
        return
    what = []
    if not plan.database_empty:
        what.append(f"la base ({plan.database.describe()}) contient déjà des tables")
    if plan.media_files:
        what.append(f"le dossier {plan.media_root} contient {plan.media_files} fichier(s)")
    raise BackupError(
        "Restauration refusée : "
        + " et ".join(what)
        + ". Restaurez dans une base et un dossier vides, ou ajoutez --replace pour les "
        "écraser (leur contenu actuel sera perdu)."
    )


def _empty_media(root: Path) -> None:
    if not root.is_dir():
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def run(plan: Plan, *, replace: bool) -> None:
    """Write the archive's files and database into the target, then verify them."""
    if not replace:
        refuse_non_empty(plan)
    _empty_media(plan.media_root)
    plan.media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trame-restore-") as work:
        dump = Path(work) / "database"

        def write_member(member, reader):
            if member.name.startswith(manifests.MEDIA_PREFIX):
                target = plan.media_root / archive.media_key(member.name)
                target.parent.mkdir(parents=True, exist_ok=True)
            else:
                target = dump
            with open(target, "xb") as out:
                while chunk := reader.read(manifests.CHUNK):
                    out.write(chunk)

        archive.read(plan.archive, on_member=write_member)
        plan.database.restore(dump, replace=replace)


def verify(plan: Plan, connection) -> list[str]:
    """Differences between the restored site and the manifest (empty: all is there)."""
    problems = []
    tables = manifests.counted_tables()
    expected = plan.manifest["counts"]
    unknown = sorted(set(expected) - set(tables))
    problems += [f"Modèle inconnu de cette version : {label}." for label in unknown]
    with connection.cursor() as cursor:
        counts = manifests.count_rows(
            cursor, quote, {label: tables[label] for label in expected if label in tables}
        )
    for label, rows in counts.items():
        if rows != expected[label]:
            problems.append(f"{label} : {rows} lignes au lieu de {expected[label]}.")
    on_disk = {
        name.removeprefix(manifests.MEDIA_PREFIX): path
        for name, path in manifests.media_files(plan.media_root)
    }
    media = plan.manifest["media"]
    problems += [f"Fichier manquant : {key}." for key in sorted(set(media) - set(on_disk))]
    problems += [f"Fichier en trop : {key}." for key in sorted(set(on_disk) - set(media))]
    for key in sorted(set(media) & set(on_disk)):
        if manifests.sha256_of(on_disk[key]) != media[key]["sha256"]:
            problems.append(f"Empreinte différente : {key}.")
    return problems
