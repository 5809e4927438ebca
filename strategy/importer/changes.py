"""What an import would do, worked out before anything is written: each page of the file is
created, changed or left as it is, and each live page of the plan that the file no longer
holds is removed. The plan's pages are read in a fixed number of queries, whatever its size,
and compared in memory. Pages are matched by number under their parent (the plan by its slug
or title under its parent, or named), so that importing the same file again changes nothing
and a corrected file changes only what it corrects; what editors entered since (status,
progress, pilots, thematics, indicators and their values) is never part of the comparison."""

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from strategy.blocks import SECTION_KINDS
from strategy.importer.errors import PlanImportError
from strategy.importer.parser import PlanTree
from strategy.importer.row_changes import ActionRowFields
from strategy.models import ActionPage, AxisPage, OrientationPage, StrategyPlanPage
from strategy.models.plan import plan_publication_problems

CREATE, UPDATE, UNCHANGED, REMOVE = "create", "update", "unchanged", "remove"

FIELD_LABELS = {
    "title": gettext_lazy("title"),
    "number": gettext_lazy("number"),
    "summary": gettext_lazy("summary"),
    "description": gettext_lazy("description"),
    "sections": gettext_lazy("sections"),
    "period_start": gettext_lazy("first year"),
    "period_end": gettext_lazy("last year"),
    "live": gettext_lazy("publication"),
    "pilot_structure_id": gettext_lazy("pilot structure"),
    "planned_end": gettext_lazy("planned end"),
    "partners": gettext_lazy("partners"),
    "indicators": gettext_lazy("indicators"),
}


@dataclass(eq=False)
class PageChange:
    """One page and what the import does to it."""

    kind: str  # plan, orientation, axis or action
    model: type[Page]
    label: str
    depth: int
    outcome: str
    fields: dict = field(default_factory=dict)  # the file's values, for a creation or change
    page: Page | None = None  # the existing page
    parent: "PageChange | None" = None  # for a creation: where the page goes
    slug: str = ""  # for a creation
    line: int | None = None
    changed: list[str] = field(default_factory=list)  # names of the fields that change
    emptied: list[str] = field(default_factory=list)  # what the import would empty, in words
    republish: bool = False  # a page of the file that is not live any more goes live again
    # Indicators named by a table of actions that the action does not have yet (never
    # removed nor renamed by an import: their values are entered year after year).
    new_indicators: list[str] = field(default_factory=list)

    @property
    def destructive(self) -> bool:
        return self.outcome == REMOVE or bool(self.emptied)

    def describe(self) -> str:
        """The change in a few words, after the page's label."""
        if self.outcome == CREATE:
            return _("to create")
        if self.outcome == REMOVE:
            return _("to remove (unpublished, kept in its history)")
        if self.outcome == UNCHANGED:
            return _("unchanged")
        words = [str(FIELD_LABELS[name]) for name in self.changed]
        text = _("to change: %(fields)s") % {"fields": ", ".join(words)}
        if self.emptied:
            text += " — " + _("empties %(what)s") % {"what": ", ".join(self.emptied)}
        return text

    def signature(self) -> list:
        """What the preview showed of this page; an edit of the page since then (a new
        latest revision) changes it too."""
        values = self.fields if self.outcome in (CREATE, UPDATE) else {}
        page = [self.page.pk, self.page.latest_revision_id, self.page.live] if self.page else None
        return [self.kind, self.outcome, page, self.label, sorted(self.changed), self.emptied,
                self.republish, values, self.new_indicators]  # fmt: skip


@dataclass
class ImportPreview:
    tree: PlanTree
    parent: Page  # where the plan is, or goes
    plan: StrategyPlanPage | None  # the plan updated, None when the import creates one
    changes: list[PageChange]
    warnings: list[str]
    # Slugs taken under each parent (by path), so that a created page never collides.
    taken_slugs: dict[str, set[str]] = field(default_factory=dict)

    def of(self, outcome: str) -> list[PageChange]:
        return [change for change in self.changes if change.outcome == outcome]

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: len(self.of(outcome)) for outcome in (CREATE, UPDATE, UNCHANGED, REMOVE)}

    @property
    def destructive_changes(self) -> list[PageChange]:
        return [change for change in self.changes if change.destructive]

    @property
    def has_changes(self) -> bool:
        return any(change.outcome != UNCHANGED for change in self.changes)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of every change this preview shows: the confirmation of an import
        carries it, so that what is applied is exactly what was previewed."""
        content = [self.plan.pk if self.plan else None, self.parent.pk,
                   [change.signature() for change in self.changes]]  # fmt: skip
        data = json.dumps(content, default=str, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()


def canonical_stream(value):
    """Stream data without block ids, list items in the short form: what a stored stream
    and a freshly parsed one have in common."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return canonical_stream(value["value"])
        return {k: canonical_stream(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [canonical_stream(v) for v in value]
    return value


def _sections_data(tree):
    return [
        {"type": s.kind, "value": {"heading": s.heading[:200], "content": [
            {"type": t, "value": v} for t, v in s.blocks]}}
        for s in tree.sections
    ]  # fmt: skip


def _current(page, name):
    value = getattr(page, name)
    if name == "sections":
        return canonical_stream(list(value.get_prep_value()))
    return value


def _is_empty(value) -> bool:
    return value in (None, "", [], "<p></p>")


class _Planner:
    def __init__(self, tree: PlanTree, parent: Page, plan: StrategyPlanPage | None):
        self.tree, self.parent, self.plan = tree, parent, plan
        self.changes: list[PageChange] = []
        self.warnings: list[str] = []
        self.matched: set[int] = set()
        self.pages: list[Page] = []
        self.children: dict[str, dict] = {}  # parent path → {number: page}
        self.taken: dict[str, set[str]] = {}
        self.row_fields = ActionRowFields(plan)
        if plan is not None:
            self._load(plan)

    def _load(self, plan):
        """Every orientation, axis and action of the plan in three queries, and the slugs
        under each of its pages in one more."""
        steplen = Page.steplen
        for model in (OrientationPage, AxisPage, ActionPage):
            for page in model.objects.descendant_of(plan).order_by("path"):
                self.pages.append(page)
                numbers = self.children.setdefault(page.path[:-steplen], {})
                numbers.setdefault(self._key(page.number), page)
        for path, slug in Page.objects.descendant_of(plan).values_list("path", "slug"):
            self.taken.setdefault(path[:-steplen], set()).add(slug)

    @staticmethod
    def _key(number):
        return str(number) if number is not None else None

    def change(self, *, kind, model, label, depth, fields, existing, parent, slug, line=None):
        change = PageChange(kind, model, label, depth, UNCHANGED, fields, existing, parent,
                            slug, line)  # fmt: skip
        if existing is None:
            change.outcome = CREATE
        else:
            self.matched.add(existing.pk)
            for name, value in fields.items():
                current = _current(existing, name)
                new = canonical_stream(value) if name == "sections" else value
                if current != new:
                    change.changed.append(name)
                    if name != "sections" and _is_empty(new) and not _is_empty(current):
                        change.emptied.append(str(FIELD_LABELS[name]))
            if kind != "plan" and not existing.live:
                change.republish = True
                change.changed.append("live")
            if change.changed:
                change.outcome = UPDATE
                if existing.has_unpublished_changes:
                    self.warnings.append(
                        _("“%(page)s” has unpublished changes; the import replaces them (they "
                          "stay in the page's history).") % {"page": existing.title}
                    )  # fmt: skip
        self.changes.append(change)
        return change

    def existing_child(self, parent_change, number):
        page = parent_change.page if parent_change.outcome != CREATE else None
        if page is None:
            return None
        return self.children.get(page.path, {}).get(self._key(number))

    def build(self) -> ImportPreview:
        plan_change = self._plan_change()
        for orientation in self.tree.orientations:
            self._orientation(plan_change, orientation)
        self._removals()
        self._publication_warnings(plan_change)
        return ImportPreview(self.tree, self.parent, self.plan, self.changes, self.warnings,
                             self.taken)  # fmt: skip

    def _plan_change(self):
        tree, plan = self.tree, self.plan
        fields = {"sections": _sections_data(tree)}
        if tree.title_found or plan is None:
            fields["title"] = tree.title
        if tree.period_start is not None or plan is None:
            fields["period_start"], fields["period_end"] = tree.period_start, tree.period_end
        slug = ""
        if plan is None:
            slug = slugify(tree.title)[:80] or "projet-associatif"
            taken = set(Page.objects.child_of(self.parent).values_list("slug", flat=True))
            self.taken[self.parent.path] = taken
        elif not tree.title_found:
            self.warnings.append(
                _("The file has no title line before its first section: the plan keeps its "
                  "title “%(title)s”.") % {"title": plan.title}
            )  # fmt: skip
        elif tree.title != plan.title:
            self.warnings.append(
                _("The title of the plan changes from “%(old)s” to “%(new)s”. If the first "
                  "line of the file is not the plan's title, correct the file before applying.")
                % {"old": plan.title, "new": tree.title}
            )  # fmt: skip
        change = self.change(kind="plan", model=StrategyPlanPage, label=plan.title if plan and
                             not tree.title_found else tree.title, depth=0, fields=fields,
                             existing=plan, parent=None, slug=slug)  # fmt: skip
        existing_kinds = {block.block_type for block in plan.sections} if plan else set()
        lost = existing_kinds - {section.kind for section in tree.sections}
        if lost:
            change.emptied.append(
                _("the sections %(sections)s")
                % {"sections": ", ".join(f"« {SECTION_KINDS[kind]} »" for kind in sorted(lost))}
            )
        return change

    def _orientation(self, plan_change, node):
        change = self.change(
            kind="orientation",
            model=OrientationPage,
            label=_("Orientation %(n)s: %(title)s") % {"n": node.number, "title": node.title},
            depth=1,
            fields={"number": node.number, "title": node.title[:255],
                    "summary": " ".join(node.summary)[:400]},
            existing=self.existing_child(plan_change, node.number),
            parent=plan_change,
            slug=f"orientation-{node.number}",
            line=node.line,
        )  # fmt: skip
        for axis in node.axes:
            axis_change = self.change(
                kind="axis",
                model=AxisPage,
                label=_("Axis %(n)s: %(title)s") % {"n": axis.number, "title": axis.title},
                depth=2,
                fields={"number": axis.number, "title": axis.title[:255],
                        "summary": " ".join(axis.summary)[:400]},
                existing=self.existing_child(change, axis.number),
                parent=change,
                slug=f"axe-{axis.number}",
                line=axis.line,
            )  # fmt: skip
            for action in axis.actions:
                existing = self.existing_child(axis_change, action.number)
                action_change = self.change(
                    kind="action",
                    model=ActionPage,
                    label=_("Action %(n)s: %(title)s") % {"n": action.number,
                                                          "title": action.title},
                    depth=3,
                    fields={"number": action.number, "title": action.title[:255],
                            **self.row_fields.fields(action)},
                    existing=existing,
                    parent=axis_change,
                    slug="action-" + action.number.replace(".", "-"),
                    line=action.line,
                )  # fmt: skip
                self.row_fields.indicators(action_change, action, existing)

    def _removals(self):
        """Live pages of the plan that the file no longer holds, in the order of the tree."""
        labels = {OrientationPage: (1, _("Orientation %(n)s: %(title)s")),
                  AxisPage: (2, _("Axis %(n)s: %(title)s")),
                  ActionPage: (3, _("Action %(n)s: %(title)s"))}  # fmt: skip
        kinds = {OrientationPage: "orientation", AxisPage: "axis", ActionPage: "action"}
        for page in sorted(self.pages, key=lambda page: page.path):
            if page.pk in self.matched or not page.live:
                continue
            depth, label = labels[type(page)]
            self.changes.append(PageChange(
                kinds[type(page)], type(page), label % {"n": page.number, "title": page.title},
                depth, REMOVE, page=page,
            ))  # fmt: skip

    def _publication_warnings(self, plan_change):
        kinds = {section.kind for section in self.tree.sections}
        problems = plan_publication_problems(kinds, has_orientation=True)
        plan = self.plan
        if plan is not None and not plan.live and not problems:
            plan_change.republish = True
            plan_change.changed.append("live")
            plan_change.outcome = UPDATE
        for problem in problems:
            if plan is None or not plan.live:
                self.warnings.append(
                    _("The plan stays a draft: %(problem)s") % {"problem": problem}
                )
            else:
                self.warnings.append(
                    _("The new version of the plan stays a draft, the current one stays "
                      "online: %(problem)s") % {"problem": problem}
                )  # fmt: skip


def find_plan(*, tree: PlanTree, parent: Page) -> StrategyPlanPage | None:
    """The plan under `parent` that the file updates: same slug or same title. A file
    without a title line matches none: its stand-in title is no plan's name."""
    if not tree.title_found:
        return None
    slug = slugify(tree.title)[:80] or "projet-associatif"
    return (
        StrategyPlanPage.objects.child_of(parent)
        .filter(Q(slug=slug) | Q(title=tree.title))
        .order_by("path")
        .first()
    )


def plan_import_preview(
    *, tree: PlanTree, parent: Page | None = None, plan: StrategyPlanPage | None = None
) -> ImportPreview:
    """What importing `tree` would create, change and remove: into `plan` when given,
    otherwise into the plan of the same title under `parent`, or a new plan there.
    Reads only."""
    if plan is None and parent is None:
        raise ValueError("plan_import_preview needs a plan or a parent")
    if plan is None:
        plan = find_plan(tree=tree, parent=parent)
        if plan is None and not tree.title_found:
            raise PlanImportError(
                _("the file has no title line before its first section, so it cannot be "
                  "told which plan it is: add the plan's title as its first line, or choose "
                  "the plan to update."),
                line=1,
                unit=tree.unit,
            )  # fmt: skip
    else:
        plan = StrategyPlanPage.objects.get(pk=plan.pk)  # as stored now, not as held
    if plan is not None:
        parent = plan.get_parent()
    return _Planner(tree, parent.specific, plan).build()
