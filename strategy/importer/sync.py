"""A preview applied, in one transaction: every page created or changed gets a Wagtail
revision and is published, every page removed is unpublished (never deleted), so that each
page's history shows the import and restores the state before it. An import that removes
or empties anything is refused unless those removals are allowed."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import LogContext, log
from wagtail.models import Page, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from strategy.importer.changes import CREATE, REMOVE, UPDATE, ImportPreview, PageChange
from strategy.importer.errors import PlanImportError
from strategy.importer.pages import NewPages
from strategy.indexing import search_index_deferred
from strategy.models import Indicator, StrategyPlanPage

IMPORT_LOG_ACTION = "strategy.import"


class RemovalsNotAllowed(PlanImportError):
    """The import would remove or empty existing content, and that was not allowed."""


@dataclass
class ImportReport:
    plan: StrategyPlanPage
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def removals_description(preview: ImportPreview) -> list[str]:
    """Each removal or emptying of the preview, in words."""
    return [f"{change.label} : {change.describe()}" for change in preview.destructive_changes]


def plan_import_apply(
    *,
    preview: ImportPreview,
    allow_removals: bool = False,
    user=None,
    source_name: str = "",
) -> ImportReport:
    """Apply `preview`, all or nothing. Created pages are published with their first
    revision, changed pages get a new revision that is published, removed pages are
    unpublished; the plan gets a log entry naming the file."""
    if preview.destructive_changes and not allow_removals:
        raise RemovalsNotAllowed(
            _("this import would remove or empty existing content (%(count)d page(s)); "
              "nothing was written. Allow the removals to apply it.")
            % {"count": len(preview.destructive_changes)}
        )  # fmt: skip
    with transaction.atomic(), LogContext(user=user):
        return _Applier(preview, user).run(source_name)


class _Applier:
    def __init__(self, preview: ImportPreview, user):
        self.preview, self.user = preview, user
        self.now = timezone.now()
        self.new_pages = NewPages(user=user, now=self.now)
        self.warnings: list[str] = []

    def run(self, source_name: str) -> ImportReport:
        plan_change, *changes = self.preview.changes
        plan_revision = self._plan(plan_change)
        with search_index_deferred():
            # A page made from plain text refers to no other object: its reference index
            # entry would be empty, so it is not computed page after page.
            with disable_reference_index_auto_update():
                for change in changes:
                    if change.outcome == CREATE:
                        self._create(change)
            self.new_pages.finish()
            for change in changes:
                if change.outcome == UPDATE and set(change.changed) - {"indicators"}:
                    self._saved(change, lambda c=change: self._update(c))
                elif change.outcome == REMOVE:
                    change.page.unpublish(user=self.user)
            self._indicators(changes)
        plan = plan_change.page
        self._publish_plan(plan, plan_change, plan_revision)
        counts = self.preview.counts
        log(instance=plan, action=IMPORT_LOG_ACTION, user=self.user,
            data={"file": source_name, "created": counts[CREATE], "updated": counts[UPDATE],
                  "removed": counts[REMOVE]})  # fmt: skip
        return ImportReport(plan=plan, counts=counts, warnings=self.warnings)

    def _saved(self, change: PageChange, write):
        try:
            return write()
        except ValidationError as error:
            raise PlanImportError(
                _("“%(page)s” cannot be saved: %(errors)s")
                % {"page": change.label, "errors": " ".join(error.messages)},
                line=change.line,
                unit=self.preview.tree.unit,
            ) from error

    def _free_slug(self, parent: Page, slug: str) -> str:
        """`slug`, or `slug-2`, `slug-3`…: an editor may have renumbered a page that kept
        its slug."""
        taken = self.preview.taken_slugs.setdefault(parent.path, set())
        base, n = slug, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    def _plan(self, change: PageChange) -> Revision | None:
        if change.outcome == CREATE:
            plan = StrategyPlanPage(slug=self._free_slug(self.preview.parent, change.slug),
                                    live=False, owner=self.user, **change.fields)  # fmt: skip
            self._saved(change, lambda: self.preview.parent.add_child(instance=plan))
            change.page = plan
            return plan.save_revision(user=self.user)  # saving a new page logged its creation
        if any(name != "live" for name in change.changed):
            return self._saved(change, lambda: self._revise(change))
        return None

    def _revise(self, change: PageChange) -> Revision:
        page = change.page
        for name in change.changed:
            if name not in ("live", "indicators"):
                setattr(page, name, change.fields[name])
        return page.save_revision(user=self.user, log_action=True)

    def _update(self, change: PageChange):
        self._revise(change).publish(user=self.user)

    def _create(self, change: PageChange):
        page = change.model(
            slug=self._free_slug(change.parent.page, change.slug),
            owner=self.user,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            draft_title=change.fields["title"],
            **change.fields,
        )
        change.page = self._saved(change, lambda: self.new_pages.add(change.parent.page, page))

    def _indicators(self, changes):
        """The indicators named by tables of actions, once their actions exist."""
        Indicator.objects.bulk_create(
            Indicator(action_id=change.page.pk, name=name)
            for change in changes
            for name in change.new_indicators
        )

    def _publish_plan(self, plan, change: PageChange, revision: Revision | None):
        if revision is None and plan.live:
            return
        problems = plan.publication_problems()
        if problems:
            if plan.live:
                message = _("The new version of the plan stays a draft, the current one stays "
                            "online: %(problem)s")  # fmt: skip
            else:
                message = _("The plan stays a draft: %(problem)s")
            self.warnings.extend(message % {"problem": problem} for problem in problems)
            return
        revision = revision or plan.save_revision(user=self.user, log_action=True)
        revision.publish(user=self.user)
        plan.refresh_from_db()  # publishing works on its own copy of the page
