"""A parsed plan tree to pages. Pages are matched by number (the plan by its slug under the
parent), so that importing the same file again changes nothing, and importing a corrected
file updates titles and texts without touching what editors entered since: status,
progress, pilots, thematics, indicators and their values."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from strategy.importer.errors import PlanImportError
from strategy.models import ActionPage, AxisPage, OrientationPage, StrategyPlanPage

CREATED, UPDATED, UNCHANGED = "création", "mise à jour", "inchangé"


@dataclass
class ImportReport:
    plan: StrategyPlanPage | None = None
    lines: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {CREATED: 0, UPDATED: 0, UNCHANGED: 0})
    warnings: list[str] = field(default_factory=list)

    def note(self, depth: int, label: str, outcome: str):
        self.counts[outcome] += 1
        self.lines.append(f"{'  ' * depth}{label} [{outcome}]")


def _canonical(value):
    """Stream data without block ids, list items in the short form: what a stored stream
    and a freshly parsed one have in common."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return _canonical(value["value"])
        return {k: _canonical(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _paragraphs(texts) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _sections_data(tree):
    return [
        {"type": s.kind, "value": {"heading": s.heading[:200], "content": [
            {"type": t, "value": v} for t, v in s.blocks]}}
        for s in tree.sections
    ]  # fmt: skip


class _Sync:
    def __init__(self, report, dry_run, unit):
        self.report, self.dry_run, self.unit = report, dry_run, unit

    def page(self, *, parent, model, existing, depth, label, fields, slug, publish=True, line=None):
        """Create `existing` or bring its fields to `fields`; save nothing when equal."""
        try:
            return self._page(parent, model, existing, depth, label, fields, slug, publish)
        except ValidationError as error:
            raise PlanImportError(
                _("“%(page)s” cannot be saved: %(errors)s")
                % {"page": label, "errors": " ".join(error.messages)},
                line=line,
                unit=self.unit,
            ) from error

    def _page(self, parent, model, existing, depth, label, fields, slug, publish):
        if existing is None:
            self.report.note(depth, label, CREATED)
            if self.dry_run:
                return None
            # An editor may have renumbered a page that kept its slug.
            taken = set(parent.get_children().values_list("slug", flat=True))
            base, n = slug, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            page = model(slug=slug, live=publish, **fields)
            parent.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
            return page
        changed = {
            name: value
            for name, value in fields.items()
            if self._current(existing, name) != self._comparable(name, value)
        }
        self.report.note(depth, label, UPDATED if changed else UNCHANGED)
        if changed and not self.dry_run:
            for name, value in changed.items():
                setattr(existing, name, value)
            existing.save_revision().publish()
        return existing

    @staticmethod
    def _current(page, name):
        value = getattr(page, name)
        return _canonical(list(value.get_prep_value())) if name == "sections" else value

    @staticmethod
    def _comparable(name, value):
        return _canonical(value) if name == "sections" else value


def plan_import(*, tree, parent, dry_run: bool = False, unit: str = "ligne") -> ImportReport:
    """Build or update the pages of `tree` under `parent`, in one transaction. With
    `dry_run`, nothing is written and the report tells what would be done."""
    report = ImportReport()
    sync = _Sync(report, dry_run, unit)
    with transaction.atomic():
        slug = slugify(tree.title)[:80] or "projet-associatif"
        plan = (
            StrategyPlanPage.objects.child_of(parent)
            .filter(Q(slug=slug) | Q(title=tree.title))
            .order_by("path")
            .first()
        )
        raw_sections = _sections_data(tree)
        fields = {"title": tree.title, "period_start": tree.period_start,
                  "period_end": tree.period_end, "sections": raw_sections}  # fmt: skip
        plan_is_new = plan is None
        plan = sync.page(parent=parent, model=StrategyPlanPage, existing=plan, depth=0,
                         label=tree.title, fields=fields, slug=slug, publish=False)  # fmt: skip
        report.plan = plan
        for orientation in tree.orientations:
            _sync_orientation(sync, plan, orientation)
        if plan is not None and not dry_run and (plan_is_new or not plan.live):
            problems = plan.publication_problems()
            if problems:
                report.warnings.extend(str(p) for p in problems)
            else:
                plan.save_revision().publish()
    return report


def _existing_child(parent, model, number):
    if parent is None:
        return None
    return model.objects.child_of(parent).filter(number=number).first()


def _sync_orientation(sync, plan, node):
    page = sync.page(
        parent=plan,
        model=OrientationPage,
        existing=_existing_child(plan, OrientationPage, node.number),
        depth=1,
        label=_("Orientation %(n)s: %(title)s") % {"n": node.number, "title": node.title},
        fields={"number": node.number, "title": node.title[:255],
                "summary": " ".join(node.summary)[:400]},
        slug=f"orientation-{node.number}",
        line=node.line,
    )  # fmt: skip
    for axis in node.axes:
        axis_page = sync.page(
            parent=page,
            model=AxisPage,
            existing=_existing_child(page, AxisPage, axis.number),
            depth=2,
            label=_("Axis %(n)s: %(title)s") % {"n": axis.number, "title": axis.title},
            fields={"number": axis.number, "title": axis.title[:255],
                    "summary": " ".join(axis.summary)[:400]},
            slug=f"axe-{axis.number}",
            line=axis.line,
        )  # fmt: skip
        for action in axis.actions:
            sync.page(
                parent=axis_page,
                model=ActionPage,
                existing=_existing_child(axis_page, ActionPage, action.number),
                depth=3,
                label=_("Action %(n)s: %(title)s") % {"n": action.number, "title": action.title},
                fields={"number": action.number, "title": action.title[:255],
                        "description": _paragraphs(action.description)},
                slug="action-" + action.number.replace(".", "-"),
                line=action.line,
            )  # fmt: skip
