from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from operations import retention


class Command(BaseCommand):
    help = (
        "Supprime les journaux datés (statistiques de recherche, et tout ce que les applications "
        "déclarent) plus vieux que RETENTION_MONTHS mois ; à lancer par cron avec --noinput."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="durée de conservation en mois (défaut : RETENTION_MONTHS)",
        )
        parser.add_argument("--dry-run", action="store_true", help="aperçu seulement")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="ne pas demander de confirmation",
        )  # fmt: skip

    def handle(self, *args, **options):
        months = options["months"]
        if months is None:
            months = settings.TRAME_RETENTION_MONTHS
        if months < 1:
            raise CommandError("--months attend un nombre de mois supérieur ou égal à 1.")
        cutoff = retention.months_before(timezone.localdate(), months)
        self.stdout.write(
            f"Conservation : {months} mois ; sera supprimé ce qui date d'avant le "
            f"{date_format(cutoff, 'DATE_FORMAT')} :"
        )
        counts = retention.preview(cutoff)
        for label, count in counts:
            self.stdout.write(f"  {label} : {count} ligne(s)")
        if not any(count for _label, count in counts):
            self.stdout.write("Rien à supprimer.")
            return
        if options["dry_run"]:
            self.stdout.write("Aperçu seulement (--dry-run) : rien n'a été supprimé.")
            return
        if options["interactive"] and input("Tapez « oui » pour supprimer : ").strip() != "oui":
            self.stdout.write("Suppression annulée : rien n'a été supprimé.")
            return
        for label, count in retention.purge(cutoff):
            self.stdout.write(f"Supprimé : {label} : {count} ligne(s)")
