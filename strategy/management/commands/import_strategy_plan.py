from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.models import HomePage
from strategy.importer import (
    CREATE,
    REMOVE,
    UNCHANGED,
    UPDATE,
    LevelsUncertain,
    PlanImportError,
    parse_plan,
    plan_import_apply,
    plan_import_preview,
    read_source,
    removals_description,
)
from strategy.importer.display import pattern_lines, tree_lines
from strategy.importer.mapping import parse_levels_option
from strategy.models import StrategyPlanPage


class Command(BaseCommand):
    help = (
        "Import a projet associatif (text, Markdown or DOCX) as a plan page with its "
        "orientations, axes and actions. Prints what would be created, changed and removed "
        "and writes nothing, unless --apply is given; an import that removes or empties "
        "existing pages also needs --allow-removals."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the plan: .txt, .md, .docx, .odt or .pdf with text")
        parser.add_argument(
            "--levels",
            help='the level of each pattern of the document, for example "Axe stratégique='
            'orientation,Objectif=axe,Action=action" (levels: orientation, axe, action, texte, '
            "ignorer); patterns: level words, numbering (1., 1.1, I., a)), Titre 1, Puce",
        )
        parser.add_argument(
            "--parent", type=int, help="id of the page under which the plan goes (home page)"
        )
        parser.add_argument(
            "--plan", type=int, help="id of the plan to update, whatever the file's title"
        )
        parser.add_argument("--apply", action="store_true", help="write the previewed changes")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="preview only, writing nothing (the default), and print the tree understood",
        )
        parser.add_argument(
            "--allow-removals",
            action="store_true",
            help="with --apply: accept that pages missing from the file are unpublished and "
            "that fields missing from it are emptied",
        )

    def handle(self, *args, file, parent=None, plan=None, apply=False, **options):
        if apply and options["dry_run"]:
            raise CommandError(_("--dry-run previews only: give --apply or --dry-run, not both."))
        if plan is not None and parent is not None:
            raise CommandError(_("Give --plan or --parent, not both: a plan keeps its place."))
        plan_page = self._plan(plan) if plan is not None else None
        parent_page = None if plan_page else self._parent(parent)
        try:
            levels = parse_levels_option(options["levels"]) if options.get("levels") else None
            tree = parse_plan(read_source(file), levels)
            if plan_page is None and not tree.title_found:
                raise CommandError(self._no_title_message(file, parent_page))
            preview = plan_import_preview(tree=tree, parent=parent_page, plan=plan_page)
        except LevelsUncertain as error:
            for line in pattern_lines(error.detection):
                self.stdout.write(line)
            raise CommandError(f"{file} : {error}") from error
        except PlanImportError as error:
            raise CommandError(f"{file} : {error}") from error

        if options["dry_run"]:
            for line in tree_lines(tree):
                self.stdout.write(line)
        self._print_preview(file, tree, preview)
        destructive = removals_description(preview)
        if destructive:
            self.stdout.write(self.style.WARNING(_("This import removes or empties:")))
            for line in destructive:
                self.stdout.write(self.style.WARNING(f"  {line}"))
        if not apply:
            flags = "--apply --allow-removals" if destructive else "--apply"
            self.stdout.write(
                _("Preview only: nothing was written. To apply these changes, run the command "
                  "again with %(flags)s.") % {"flags": flags}
            )  # fmt: skip
            return
        if destructive and not options["allow_removals"]:
            raise CommandError(
                _("%(file)s: this import would remove or empty existing content (listed "
                  "above); nothing was written. If the file is right (no missing title line, "
                  "orientation or action), run again with --apply --allow-removals.")
                % {"file": file}
            )  # fmt: skip
        if not preview.has_changes:
            self.stdout.write(_("Nothing to change: the plan is already up to date."))
            return
        try:
            report = plan_import_apply(
                preview=preview,
                allow_removals=options["allow_removals"],
                source_name=Path(file).name,
            )
        except PlanImportError as error:
            raise CommandError(f"{file} : {error}") from error
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(warning))
        counts = report.counts
        self.stdout.write(
            self.style.SUCCESS(
                _("Import applied. Pages: %(create)d created, %(update)d updated, %(unchanged)d "
                  "unchanged, %(remove)d removed. Each change is a revision: the history of each "
                  "page in the admin restores its previous state.")
                % {"create": counts[CREATE], "update": counts[UPDATE],
                   "unchanged": counts[UNCHANGED], "remove": counts[REMOVE]}
            )
        )  # fmt: skip

    def _plan(self, plan_id: int) -> StrategyPlanPage:
        plan = StrategyPlanPage.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(_("No plan has the id %(id)s.") % {"id": plan_id})
        return plan

    def _parent(self, parent_id: int | None) -> Page:
        if parent_id is None:
            parent = HomePage.objects.first()
            if parent is None:
                raise CommandError(_("No home page: give --parent."))
            return parent
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is None:
            raise CommandError(_("No page has the id %(id)s.") % {"id": parent_id})
        if StrategyPlanPage not in parent.specific_class.creatable_subpage_models():
            raise CommandError(
                _("A plan cannot be placed under “%(page)s”.") % {"page": parent.title}
            )
        return parent.specific

    def _no_title_message(self, file, parent) -> str:
        plans = StrategyPlanPage.objects.child_of(parent).order_by("path")
        names = ", ".join(_("“%(title)s” (id %(id)s)") % {"title": p.title, "id": p.pk}
                          for p in plans)  # fmt: skip
        message = _(
            "%(file)s: the file has no title line before its first section, so it cannot be "
            "told which plan it is. Add the plan's title as its first line, or name the plan "
            "to update with --plan."
        ) % {"file": file}
        if names:
            message += " " + _("Plans under this page: %(plans)s.") % {"plans": names}
        return message

    def _print_preview(self, file, tree, preview):
        if preview.plan is not None:
            header = _("Preview of the import of %(file)s into “%(plan)s” (id %(id)s):") % {
                "file": file, "plan": preview.plan.title, "id": preview.plan.pk}  # fmt: skip
        else:
            header = _("Preview of the import of %(file)s: a new plan under “%(parent)s”:") % {
                "file": file, "parent": preview.parent.title}  # fmt: skip
        self.stdout.write(header)
        for change in preview.changes:
            self.stdout.write(f"{'  ' * change.depth}{change.label} [{change.describe()}]")
        for warning in preview.warnings:
            self.stdout.write(self.style.WARNING(warning))
        if preview.plan is None:
            others = StrategyPlanPage.objects.child_of(preview.parent).order_by("path")
            for other in others:
                self.stdout.write(
                    self.style.WARNING(
                        _("A plan already exists here: “%(title)s” (id %(id)s). To update it "
                          "rather than create another one, run again with --plan %(id)s.")
                        % {"title": other.title, "id": other.pk}
                    )
                )  # fmt: skip
        counts = preview.counts
        self.stdout.write(
            _("%(orientations)d orientations, %(axes)d axes, %(actions)d actions, "
              "%(sections)d sections.")
            % {"orientations": len(tree.orientations), "axes": len(tree.axes),
               "actions": len(tree.actions), "sections": len(tree.sections)}
            + " "
            + _("Pages: %(create)d to create, %(update)d to change, %(unchanged)d unchanged, "
                "%(remove)d to remove.")
            % {"create": counts[CREATE], "update": counts[UPDATE],
               "unchanged": counts[UNCHANGED], "remove": counts[REMOVE]}
        )  # fmt: skip
