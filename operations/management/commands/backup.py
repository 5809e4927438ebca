from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backup import BackupError, archive
from operations.backup.database import for_connection
from operations.backup.restore import size_label


class Command(BaseCommand):
    help = (
        "Écrit une archive horodatée (base de données, fichiers de MEDIA_ROOT, manifeste) dans "
        "BACKUP_DIR ; --verify ARCHIVE la vérifie sans rien restaurer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="dossier des archives (défaut : BACKUP_DIR)")
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="après la sauvegarde, ne garder que les N archives les plus récentes",
        )
        parser.add_argument(
            "--verify", metavar="ARCHIVE", help="vérifier une archive, sans restaurer"
        )
        parser.add_argument(
            "--list", action="store_true", help="lister les archives complètes du dossier"
        )

    def handle(self, *args, **options):
        directory = Path(options["output_dir"] or settings.TRAME_BACKUP_DIR)
        try:
            if options["verify"]:
                return self.verify(Path(options["verify"]))
            if options["list"]:
                return self.list(directory)
            if options["keep"] is not None and options["keep"] < 1:
                raise BackupError("--keep attend un nombre d'archives supérieur ou égal à 1.")
            self.backup(directory, options["keep"], options["verbosity"])
        except BackupError as error:
            raise CommandError(str(error)) from error

    def backup(self, directory: Path, keep: int | None, verbosity: int) -> None:
        def progress(message):
            if verbosity >= 2:
                self.stdout.write(message)
                self.stdout.flush()

        path, manifest = archive.write(
            directory, for_connection(connection), Path(settings.MEDIA_ROOT), progress
        )
        self.stdout.write(
            f"Sauvegarde écrite : {path} ({size_label(path.stat().st_size)}, "
            f"{sum(manifest['counts'].values())} lignes, {len(manifest['media'])} fichiers)."
        )
        if keep:
            for removed in archive.prune(directory, keep):
                self.stdout.write(f"Supprimée (rétention, {keep} gardées) : {removed.name}")

    def verify(self, path: Path) -> None:
        manifest = archive.read(path)
        self.stdout.write(
            f"Archive valide : {path.name}, créée le {manifest['created_at']} "
            f"(base {manifest['database']['vendor']}, {len(manifest['counts'])} tables, "
            f"{len(manifest['media'])} fichiers, empreintes vérifiées)."
        )

    def list(self, directory: Path) -> None:
        archives = archive.complete_archives(directory)
        if not archives:
            self.stdout.write(f"Aucune archive complète dans {directory}.")
        for path in archives:
            self.stdout.write(f"{path.name}  {size_label(path.stat().st_size)}")
        for path in archive.partial_files(directory):
            self.stdout.write(f"{path.name}  incomplète (sauvegarde interrompue), ignorée")
