"""The regional roll-up: every member structure's plan against the regional plan, in a fixed
number of queries whatever the number of structures, actions and indicators.

Who may read it: regional editors, administrators and the directors of member structures.
Each plan, action and indicator shown is one the reader may view (home.visibility)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from groups.models import Structure, Thematic
from groups.selectors import user_is_editor
from home.params import clean_parameters
from strategy.blocks import REQUIRED_SECTION_KINDS, SECTION_KINDS
from strategy.models import ActionPage, AxisPage, Indicator, IndicatorValue, StrategyPlanPage
from strategy.models.alignment import member_plans_q, under_any_q
from strategy.selectors import Rollup

# The status a structure's plan is shown with when several of its plans are visible.
PLAN_PREFERENCE = [
    StrategyPlanPage.Status.IN_FORCE,
    StrategyPlanPage.Status.VOTED,
    StrategyPlanPage.Status.DRAFT,
    StrategyPlanPage.Status.CLOSED,
]
# Indicators whose unit is a rate are averaged across the network; any other is summed.
RATE_UNITS = ("%", "pourcent", "taux")


def may_view_rollup(user) -> bool:
    """Regional editors, administrators and the directors of a member structure."""
    if not user.is_authenticated:
        return False
    if user_is_editor(user):
        return True
    return Structure.objects.filter(director=user, is_active=True).exists()


def _departments(structure) -> list[str]:
    return [d.strip() for d in structure.departments.replace(";", ",").split(",") if d.strip()]


class RollupFilterForm(forms.Form):
    departement = forms.CharField(label=_("Department"), required=False, max_length=10)
    thematique = forms.SlugField(label=_("Thematic"), required=False, max_length=100)


def rollup_filters(params) -> dict[str, str]:
    """The roll-up's filters from a query string; a French 400 for a malformed value."""
    cleaned = clean_parameters(RollupFilterForm(params))
    return {name: (value or "").strip() for name, value in cleaned.items()}


@dataclass
class AxisCell:
    axis: AxisPage | None
    count: int
    progress: int | None

    @property
    def band(self) -> str:
        """A colour band for the cell; the count and the percentage are written too."""
        if not self.count or self.progress is None:
            return "none"
        if self.progress >= 67:
            return "high"
        if self.progress >= 34:
            return "mid"
        return "low"


@dataclass(slots=True)
class ActionLine:
    """The few fields of a member action the roll-up needs, read with values() rather than
    as pages: building the pages and prefetching their indicators and values, object by
    object, was most of the build's time."""

    pk: int
    path: str
    number: str
    title: str
    status: str
    progress: int
    regional_axis_id: int | None
    thematic_slug: str | None
    last_published_at: object

    @property
    def effective_progress(self) -> int:
        """A done action counts as complete whatever progress was typed (as ActionPage)."""
        return 100 if self.status == ActionPage.Status.DONE else self.progress

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass(slots=True)
class IndicatorLine:
    """An indicator of a structure's action with its latest value (the value of its
    latest year), or None for both when no value was entered."""

    action: ActionLine
    name: str
    unit: str
    target: Decimal | None
    latest_value: Decimal | None
    latest_year: int | None


@dataclass
class StructureRow:
    structure: Structure
    plan: StrategyPlanPage | None = None
    sections_filled: int = 0
    sections_required: int = 0
    missing_sections: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    rollup: Rollup = field(default_factory=Rollup)
    cells: list = field(default_factory=list)
    unaligned: AxisCell | None = None
    indicator_count: int = 0
    indicators_with_value: int = 0
    indicators: list = field(default_factory=list)  # IndicatorLine, when asked for (exports)
    last_update: object = None

    @property
    def all_cells(self) -> list:
        """The cells of the matrix row: one per regional axis, then « no regional axis »."""
        return [*self.cells, self.unaligned]


@dataclass
class NetworkIndicator:
    name: str
    unit: str
    method: str  # "sum" or "mean"
    year: int
    value: Decimal
    structures: int

    @property
    def method_label(self):
        if self.method == "mean":
            return _("Average of the structures' values")
        return _("Sum of the structures' values")


@dataclass
class NetworkRollup:
    plan: StrategyPlanPage
    axes: list
    rows: list
    totals: list  # AxisCell per axis, then the unaligned cell
    network_indicators: list
    filters: dict
    department_choices: list
    thematic_choices: list
    required_kinds: list

    @property
    def is_filtered(self) -> bool:
        return any(self.filters.values())


def required_section_kinds(model) -> list[str]:
    """The sections a plan must have under the current common model: the trame's required
    kinds, in the model's order when the model has them."""
    kinds = [block.block_type for block in model.sections] if model else []
    ordered = [kind for kind in kinds if kind in REQUIRED_SECTION_KINDS]
    return list(dict.fromkeys(ordered + list(REQUIRED_SECTION_KINDS)))


def _filled_kinds(plan) -> set[str]:
    return {block.block_type for block in plan.sections if block.value["content"]}


def _pick_plan(plans):
    def rank(plan):
        return (PLAN_PREFERENCE.index(plan.status), -(plan.period_start or 0), plan.path)

    return min(plans, key=rank) if plans else None


def _owner(path, plans_by_path):
    """The plan among `plans_by_path` that the page at `path` is under, or None."""
    steplen = ActionPage.steplen
    for end in range(steplen, len(path), steplen):
        plan = plans_by_path.get(path[:end])
        if plan is not None:
            return plan
    return None


def _cell(axis, actions) -> AxisCell:
    rollup = Rollup.of(actions)
    return AxisCell(axis, rollup.count, rollup.progress)


ACTION_FIELDS = (
    "pk", "path", "number", "title", "status", "progress", "regional_axis_id",
    "thematic__slug", "last_published_at",
)  # fmt: skip


def _visible_actions(user, plans):
    """The actions `user` may view under any of `plans` (a queryset), or None for no plan."""
    condition = under_any_q(p.path for p in plans)
    return None if condition is None else ActionPage.objects.visible_to(user).filter(condition)


def _member_actions(visible, plans, wanted_thematic) -> dict[int, list[ActionLine]]:
    """The `visible` actions under each of `plans`, by plan pk, in tree order, those of the
    wanted thematic only when one is: one query."""
    plan_by_path = {p.path: p for p in plans}
    by_plan = defaultdict(list)
    for values in visible.order_by("path").values_list(*ACTION_FIELDS):
        action = ActionLine(*values)
        owner = _owner(action.path, plan_by_path)
        if owner is not None and (not wanted_thematic or action.thematic_slug == wanted_thematic):
            by_plan[owner.pk].append(action)
    return by_plan


def _indicators_by_action(visible, action_pks) -> dict[int, list[tuple]]:
    """(name, unit, target, latest value, latest year) of each indicator of the actions
    `action_pks` (among the `visible` ones), by action pk: one query, the latest year and its
    value read by the database (one value per indicator and year), the actions selected by a
    subquery, not a list of ids, so that the query's size does not grow with the network.
    Plain tuples: thousands of objects kept for the length of a request make the garbage
    collector run full collections, the slowest requests' share of the time."""
    if not action_pks:
        return {}
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-year")
    rows = (
        Indicator.objects.filter(action__in=visible.values("pk"))
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_year=Subquery(latest.values("year")[:1]),
        )
        .order_by("pk")
        .values_list("action_id", "name", "unit", "target", "latest_value", "latest_year")
    )
    by_action = defaultdict(list)
    for action_id, *indicator in rows:
        if action_id in action_pks:  # not: an action of another thematic than the wanted
            by_action[action_id].append(tuple(indicator))
    return by_action


def network_rollup(*, plan, user, filters=None, with_lines=False) -> NetworkRollup:
    """The roll-up of the member structures' plans against the regional `plan`; with_lines:
    each row's indicators too, one IndicatorLine each (the CSV and the PDF list them)."""
    filters = {"departement": "", "thematique": ""} | (filters or {})
    axes = list(AxisPage.objects.descendant_of(plan).visible_to(user).order_by("path"))
    model = (
        StrategyPlanPage.objects.visible_to(user)
        .filter(is_model=True)
        .order_by("-first_published_at")
        .first()
    )
    required = required_section_kinds(model)

    all_structures = list(
        Structure.objects.filter(is_active=True, kind=Structure.Kind.MISSION_LOCALE).order_by(
            "name"
        )
    )
    department_choices = sorted(
        {d for s in all_structures for d in _departments(s)}, key=lambda d: (len(d), d)
    )
    structures = [
        s
        for s in all_structures
        if not filters["departement"] or filters["departement"] in _departments(s)
    ]
    thematics = list(Thematic.objects.order_by("name"))
    wanted = filters["thematique"]

    plans_by_structure = defaultdict(list)
    for member_plan in (
        StrategyPlanPage.objects.visible_to(user)
        .filter(member_plans_q(), structure__in=[s.pk for s in structures])
        .order_by("path")
    ):
        plans_by_structure[member_plan.structure_id].append(member_plan)
    chosen = {pk: _pick_plan(plans) for pk, plans in plans_by_structure.items()}

    visible = _visible_actions(user, chosen.values())
    actions_by_plan, indicators_by_action = {}, {}
    if visible is not None:
        actions_by_plan = _member_actions(visible, chosen.values(), wanted)
        indicators_by_action = _indicators_by_action(
            visible, {a.pk for actions in actions_by_plan.values() for a in actions}
        )

    axis_ids = {axis.pk for axis in axes}
    network = NetworkIndicatorTotals()
    network_by_axis = defaultdict(list)
    rows = []
    for structure in structures:
        row = StructureRow(structure=structure, sections_required=len(required))
        row.plan = member_plan = chosen.get(structure.pk)
        if member_plan is not None:
            filled = _filled_kinds(member_plan)
            row.sections_filled = sum(1 for kind in required if kind in filled)
            row.missing_sections = [SECTION_KINDS[k] for k in required if k not in filled]
            row.actions = actions_by_plan.get(member_plan.pk, [])
            row.rollup = Rollup.of(row.actions)
            by_axis = defaultdict(list)
            for action in row.actions:
                key = action.regional_axis_id if action.regional_axis_id in axis_ids else None
                by_axis[key].append(action)
                network_by_axis[key].append(action)
                for name, unit, target, value, year in indicators_by_action.get(action.pk, ()):
                    row.indicator_count += 1
                    row.indicators_with_value += int(year is not None)
                    network.add(structure.pk, name, unit, value, year)
                    if with_lines:
                        row.indicators.append(
                            IndicatorLine(action, name, unit, target, value, year)
                        )
            row.cells = [_cell(axis, by_axis[axis.pk]) for axis in axes]
            row.unaligned = _cell(None, by_axis[None])
            dates = [p.last_published_at for p in [member_plan, *row.actions]]
            row.last_update = max((d for d in dates if d), default=None)
        else:
            row.cells = [AxisCell(axis, 0, None) for axis in axes]
            row.unaligned = AxisCell(None, 0, None)
        rows.append(row)

    totals = [_cell(axis, network_by_axis[axis.pk]) for axis in axes]
    totals.append(_cell(None, network_by_axis[None]))
    return NetworkRollup(
        plan=plan,
        axes=axes,
        rows=rows,
        totals=totals,
        network_indicators=network.results(),
        filters=filters,
        department_choices=department_choices,
        thematic_choices=[(t.slug, t.name) for t in thematics],
        required_kinds=[SECTION_KINDS[k] for k in required],
    )


def _definition(name, unit) -> tuple[str, str]:
    return (" ".join(name.split()).casefold(), unit.strip().casefold())


@dataclass(slots=True)
class _DefinitionTotal:
    name: str  # as the first structure (in the rows' order) spelt it
    unit: str
    structures: set = field(default_factory=set)  # every structure declaring it
    year: int | None = None  # the latest year any of them has a value for
    total: Decimal = Decimal(0)  # of the values of that year
    count: int = 0
    current: set = field(default_factory=set)  # the structures with a value that year


class NetworkIndicatorTotals:
    """Indicators declared with the same definition (name and unit) by at least two
    structures: for the latest year any of them has a value, the sum of their values, or
    their average for a rate (a unit in %). Fed one indicator at a time, in the rows' order,
    so that no list of every indicator is needed."""

    def __init__(self):
        self.definitions = {}  # (name, unit) as typed → definition, worked out once each
        self.totals = {}

    def add(self, structure_pk, name, unit, value, year):
        spelling = (name, unit)
        key = self.definitions.get(spelling)
        if key is None:
            key = self.definitions[spelling] = _definition(name, unit)
        item = self.totals.get(key)
        if item is None:
            item = self.totals[key] = _DefinitionTotal(name, unit)
        item.structures.add(structure_pk)
        if year is None:
            return
        if item.year is None or year > item.year:
            item.year, item.total, item.count, item.current = year, value, 1, {structure_pk}
        elif year == item.year:
            item.total += value
            item.count += 1
            item.current.add(structure_pk)

    def results(self) -> list[NetworkIndicator]:
        result = []
        for (_name, unit_key), item in self.totals.items():
            if len(item.structures) < 2 or item.year is None:
                continue
            method = "mean" if any(word in unit_key for word in RATE_UNITS) else "sum"
            value = item.total / item.count if method == "mean" else item.total
            result.append(
                NetworkIndicator(
                    name=item.name,
                    unit=item.unit,
                    method=method,
                    year=item.year,
                    value=Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                    structures=len(item.current),
                )
            )
        return sorted(result, key=lambda item: item.name.casefold())


def status_labels():
    return list(ActionPage.Status.choices)


def status_counts(row) -> list[int]:
    counts = Counter(a.status for a in row.actions)
    return [counts[value] for value, _label in ActionPage.Status.choices]
