"""Reads of a plan: the whole tree in a fixed number of queries, filtered, with roll-ups."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from strategy.models import ActionPage, AxisPage, Indicator, OrientationPage

FILTER_NAMES = ("orientation", "thematique", "statut", "pilote")


def _half_up_mean(total: int, count: int) -> int:
    return (2 * total + count) // (2 * count)


@dataclass
class Rollup:
    """Progress of a set of actions: the rounded mean of their progress, abandoned actions
    left out (a done action counts as 100 %), and how many actions have each status."""

    count: int = 0
    progress: int | None = None
    statuses: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, actions) -> "Rollup":
        counted = [a for a in actions if a.status != ActionPage.Status.ABANDONED]
        progress = (
            _half_up_mean(sum(a.effective_progress for a in counted), len(counted))
            if counted
            else None
        )
        return cls(len(actions), progress, Counter(a.status for a in actions))

    @property
    def status_summary(self):
        labels = dict(ActionPage.Status.choices)
        return [
            (labels[status], self.statuses[status]) for status in labels if self.statuses[status]
        ]


@dataclass
class AxisNode:
    page: AxisPage
    actions: list
    rollup: Rollup


@dataclass
class OrientationNode:
    page: OrientationPage
    axes: list
    rollup: Rollup


@dataclass
class PlanOverview:
    orientations: list
    actions: list
    rollup: Rollup
    indicators: list
    filters: dict
    filter_choices: dict
    is_filtered: bool


def _parent_path(page):
    return page.path[: -page.steplen]


def plan_overview(*, plan, user, filters=None) -> PlanOverview:
    """Every orientation, axis and action of `plan` that `user` may view, with roll-ups,
    in six queries whatever the size of the plan."""
    filters = {name: (filters or {}).get(name, "") for name in FILTER_NAMES}
    orientations = list(OrientationPage.objects.child_of(plan).visible_to(user).order_by("path"))
    axes = list(AxisPage.objects.descendant_of(plan).visible_to(user).order_by("path"))
    all_actions = list(
        ActionPage.objects.descendant_of(plan)
        .visible_to(user)
        .select_related("thematic", "pilot_structure", "pilot_person")
        .order_by("path")
    )
    indicators_by_action = defaultdict(list)
    for indicator in Indicator.objects.filter(
        action__in=[a.pk for a in all_actions]
    ).prefetch_related("values"):
        indicators_by_action[indicator.action_id].append(indicator)
    for action in all_actions:
        action.indicator_list = indicators_by_action[action.pk]

    axis_by_path = {axis.path: axis for axis in axes}
    orientation_by_path = {o.path: o for o in orientations}
    choices = _filter_choices(all_actions, orientations)
    actions = [a for a in all_actions if _matches(a, filters, axis_by_path, orientation_by_path)]

    actions_by_axis = defaultdict(list)
    for action in actions:
        actions_by_axis[_parent_path(action)].append(action)
    axes_by_orientation = defaultdict(list)
    for axis in axes:
        axis_actions = actions_by_axis[axis.path]
        if axis_actions or not _is_filtered(filters):
            axes_by_orientation[_parent_path(axis)].append(
                AxisNode(axis, axis_actions, Rollup.of(axis_actions))
            )
    tree = []
    for orientation in orientations:
        nodes = axes_by_orientation[orientation.path]
        if nodes or not _is_filtered(filters):
            orientation_actions = [a for node in nodes for a in node.actions]
            tree.append(OrientationNode(orientation, nodes, Rollup.of(orientation_actions)))

    return PlanOverview(
        orientations=tree,
        actions=actions,
        rollup=Rollup.of(actions),
        indicators=[(a, i) for a in actions for i in a.indicator_list],
        filters=filters,
        filter_choices=choices,
        is_filtered=_is_filtered(filters),
    )


def _is_filtered(filters) -> bool:
    return any(filters.values())


def _matches(action, filters, axis_by_path, orientation_by_path) -> bool:
    if filters["orientation"]:
        axis = axis_by_path.get(_parent_path(action))
        orientation = orientation_by_path.get(_parent_path(axis)) if axis else None
        if orientation is None or str(orientation.number) != filters["orientation"]:
            return False
    if filters["thematique"] and (
        action.thematic is None or action.thematic.slug != filters["thematique"]
    ):
        return False
    if filters["statut"] and action.status != filters["statut"]:
        return False
    return not (filters["pilote"] and str(action.pilot_structure_id) != filters["pilote"])


def _filter_choices(actions, orientations) -> dict:
    thematics = {a.thematic.slug: a.thematic.name for a in actions if a.thematic}
    pilots = {
        str(a.pilot_structure_id): str(a.pilot_structure) for a in actions if a.pilot_structure
    }
    return {
        "orientation": [(str(o.number), f"{o.number}. {o.title}") for o in orientations],
        "thematique": sorted(thematics.items(), key=lambda item: item[1]),
        "statut": list(ActionPage.Status.choices),
        "pilote": sorted(pilots.items(), key=lambda item: item[1]),
    }
