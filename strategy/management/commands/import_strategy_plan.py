from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from home.models import HomePage
from strategy.importer import PlanImportError, parse_plan, plan_import, read_source


class Command(BaseCommand):
    help = (
        "Import a projet associatif (text, Markdown or DOCX) as a plan page with its "
        "orientations, axes and actions. Importing the same file again updates the pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the plan: .txt, .md or .docx")
        parser.add_argument(
            "--parent", type=int, help="id of the page under which the plan goes (home page)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="print the tree without writing anything"
        )

    def handle(self, *args, file, parent=None, dry_run=False, **options):
        if parent is None:
            parent_page = HomePage.objects.first()
            if parent_page is None:
                raise CommandError("Aucune page d'accueil : indiquez --parent.")
        else:
            parent_page = Page.objects.filter(pk=parent).first()
            if parent_page is None:
                raise CommandError(f"Aucune page n'a l'identifiant {parent}.")
            if "strategy.strategyplanpage" not in [
                f"{m._meta.app_label}.{m._meta.model_name}"
                for m in parent_page.specific_class.creatable_subpage_models()
            ]:
                raise CommandError(
                    f"Un projet associatif ne peut pas être placé sous « {parent_page.title} »."
                )
        try:
            tree = parse_plan(read_source(file))
            report = plan_import(
                tree=tree, parent=parent_page.specific, dry_run=dry_run, unit=tree.unit
            )
        except PlanImportError as error:
            raise CommandError(f"{file} : {error}") from error

        for line in report.lines:
            self.stdout.write(line)
        counts = report.counts
        summary = (
            f"{len(tree.orientations)} orientations, {len(tree.axes)} axes, "
            f"{len(tree.actions)} actions, {len(tree.sections)} sections. "
            f"Pages : {counts['création']} créée(s), {counts['mise à jour']} mise(s) à jour, "
            f"{counts['inchangé']} inchangée(s)."
        )
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"Le plan reste en brouillon : {warning}"))
        if dry_run:
            self.stdout.write(summary + " Simulation : rien n'a été enregistré.")
        else:
            self.stdout.write(self.style.SUCCESS(summary))
