"""Alignment of a structure's actions on the regional plan: the orientation or axis an action
serves, and the regional action it carries locally.

The regional plan is a plan that is not a model and belongs to no Mission Locale: its
structure is blank, or is the regional association itself."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groups.models import Structure
from home.visibility import page_is_visible_to, pages_viewable_in_admin
from strategy.models.numbering import NumberedPageForm

ALIGNMENT_FIELDS = ("regional_orientation", "regional_axis", "regional_action")


def regional_plans_q(prefix: str = "") -> Q:
    """Plans of the region (not a model, no member structure), on a plan queryset or, with
    prefix, through a relation."""
    return Q(**{f"{prefix}is_model": False}) & (
        Q(**{f"{prefix}structure__isnull": True})
        | Q(**{f"{prefix}structure__kind": Structure.Kind.ARML})
    )


def member_plans_q() -> Q:
    """Plans of the member structures (their own projets associatifs)."""
    return Q(is_model=False, structure__kind=Structure.Kind.MISSION_LOCALE)


def regional_plans():
    from strategy.models.plan import StrategyPlanPage

    return StrategyPlanPage.objects.filter(regional_plans_q()).order_by("path")


def under_any_q(paths) -> Q | None:
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition or None


def _label(page) -> str:
    number = getattr(page, "number", "")
    return f"{number}. {page.title}" if number else page.title


def alignment_problems(*, plan, orientation, axis, action) -> dict[str, str]:
    """French messages, by field, for an alignment that cannot be: a page outside the
    regional plan, the action's own plan, an axis outside the orientation, an action outside
    the axis."""
    regional_paths = list(regional_plans().values_list("path", flat=True))
    errors = {}
    chosen = zip(ALIGNMENT_FIELDS, (orientation, axis, action), strict=True)
    for field, page in chosen:
        if page is None:
            continue
        if plan is not None and page.path.startswith(plan.path):
            errors[field] = _(
                "An action cannot be aligned on its own plan: choose a page of the regional plan."
            )
        elif not any(page.path.startswith(path) for path in regional_paths):
            errors[field] = _("Choose a page of the regional plan.")
    if errors:
        return errors
    if axis is not None and orientation is not None and not axis.path.startswith(orientation.path):
        errors["regional_axis"] = _(
            "The regional axis “%(axis)s” does not belong to the orientation chosen."
        ) % {"axis": _label(axis)}
    if action is not None and axis is not None and not action.path.startswith(axis.path):
        errors["regional_action"] = _(
            "The regional action “%(action)s” does not belong to the regional axis “%(axis)s”."
        ) % {"action": _label(action), "axis": _label(axis)}
    return errors


class ActionPageForm(NumberedPageForm):
    """An action's page form: its alignment offers only pages of the regional plan, refuses
    its own plan, and fills the axis and orientation from the regional action chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        paths = list(regional_plans().values_list("path", flat=True))
        condition = under_any_q(paths)
        for name in ALIGNMENT_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            queryset = field.queryset.order_by("path")
            queryset = queryset.filter(condition) if condition else queryset.none()
            if self.for_user is not None:
                queryset = pages_viewable_in_admin(queryset, self.for_user)
            field.queryset = queryset
            field.label_from_instance = _label

    def _own_plan(self):
        from strategy.models.plan import StrategyPlanPage

        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        if parent is None:
            return None
        return StrategyPlanPage.objects.ancestor_of(parent, inclusive=True).first()

    def clean(self):
        cleaned_data = super().clean()
        orientation = cleaned_data.get("regional_orientation")
        axis = cleaned_data.get("regional_axis")
        action = cleaned_data.get("regional_action")
        if not (orientation or axis or action):
            return cleaned_data
        problems = alignment_problems(
            plan=self._own_plan(), orientation=orientation, axis=axis, action=action
        )
        for field, message in problems.items():
            self.add_error(field, forms.ValidationError(message))
        if problems:
            return cleaned_data
        if action is not None and axis is None:
            axis = cleaned_data["regional_axis"] = action.get_parent().specific
        if axis is not None and orientation is None:
            cleaned_data["regional_orientation"] = axis.get_parent().specific
        return cleaned_data


def local_carriers(action, user) -> list[dict]:
    """The local actions that carry a regional action, structure by structure: only the
    actions the user may view, each with its plan. Three queries."""
    from strategy.models.plan import StrategyPlanPage

    carriers = list(action.local_actions.visible_to(user).order_by("path"))
    if not carriers:
        return []
    prefixes = {
        c.path[:length] for c in carriers for length in range(c.steplen, len(c.path), c.steplen)
    }
    plans = list(
        StrategyPlanPage.objects.filter(path__in=prefixes)
        .filter(structure__isnull=False)
        .select_related("structure")
    )
    by_structure = {}
    for carrier in carriers:
        plan = next((p for p in plans if carrier.path.startswith(p.path)), None)
        if plan is None:
            continue
        entry = by_structure.setdefault(
            plan.structure_id, {"structure": plan.structure, "plan": plan, "actions": []}
        )
        entry["actions"].append(carrier)
    return sorted(by_structure.values(), key=lambda entry: entry["structure"].name)


def visible_alignment(action, user) -> list[tuple[str, object]]:
    """What an action serves in the regional plan, as (label, page), leaving out the pages
    the user may not view."""
    chosen = [
        (_("Regional orientation"), action.regional_orientation),
        (_("Regional axis"), action.regional_axis),
        (_("Regional action carried locally"), action.regional_action),
    ]
    return [(label, page) for label, page in chosen if page and page_is_visible_to(page, user)]
