from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restaure une archive de `backup` dans une base et un dossier de fichiers vides, "
        "vérifie le manifeste (lignes et empreintes) puis reconstruit l'index de recherche."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="fichier trame-AAAAMMJJ-HHMMSS.tar")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="ne pas demander de confirmation",
        )  # fmt: skip
        parser.add_argument(
            "--replace",
            action="store_true",
            help="écraser une base ou un dossier de fichiers qui ne sont pas vides",
        )

    def handle(self, *args, **options):
        try:
            plan = restore.plan(Path(options["archive"]), connection, Path(settings.MEDIA_ROOT))
            for line in restore.preview(plan, replace=options["replace"]):
                self.stdout.write(line)
            if not options["replace"]:
                restore.refuse_non_empty(plan)
            if options["interactive"]:
                answer = input("Tapez « oui » pour restaurer : ")
                if answer.strip().lower() != "oui":
                    self.stdout.write("Restauration annulée : rien n'a été modifié.")
                    return
            restore.run(plan, replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        problems = restore.verify(plan, connection)
        if problems:
            raise CommandError(
                "Restauration écrite mais différente du manifeste :\n" + "\n".join(problems)
            )
        self.stdout.write(
            f"Restauration vérifiée : {len(plan.manifest['counts'])} tables et "
            f"{len(plan.manifest['media'])} fichiers identiques au manifeste."
        )
        call_command("search_rebuild", stdout=self.stdout, stderr=self.stderr)
