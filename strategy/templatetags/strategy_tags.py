"""Template tags through which other apps show the plan (the thematic hub, the network page)
without importing it."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from groups.models import Structure
from strategy.models import ActionPage, StrategyPlanPage

register = template.Library()


def _plan_of(page, plans):
    return next((plan for plan in plans if page.path.startswith(plan.path)), None)


@register.inclusion_tag("strategy/tags/thematic_actions.html", takes_context=True)
def thematic_actions(context, thematic):
    """The actions of every plan led by this chef-de-file thematic, with their status:
    only those the user may view."""
    user = context["request"].user
    actions = list(ActionPage.objects.visible_to(user).filter(thematic=thematic).order_by("path"))
    plans = list(StrategyPlanPage.objects.visible_to(user))
    for action in actions:
        action.plan = _plan_of(action, plans)
    return {"thematic": thematic, "actions": actions, "request": context["request"]}


@register.inclusion_tag("strategy/tags/network_plans.html", takes_context=True)
def network_plans(context):
    """The member structures with a plan in force, and the thematics its actions cover."""
    user = context["request"].user
    plans = list(
        StrategyPlanPage.objects.visible_to(user)
        .filter(status=StrategyPlanPage.Status.IN_FORCE, is_model=False)
        .select_related("structure")
        .order_by("structure__name", "title")
    )
    for plan in plans:
        plan.thematics = {}
    actions = (
        ActionPage.objects.visible_to(user)
        .filter(thematic__isnull=False)
        .select_related("thematic")
    )
    for action in actions:
        plan = _plan_of(action, plans)
        if plan is not None:
            plan.thematics[action.thematic.slug] = action.thematic
    for plan in plans:
        plan.thematics = sorted(plan.thematics.values(), key=lambda t: t.name)
    with_plan = {plan.structure_id for plan in plans}
    without_plan = Structure.objects.filter(is_active=True).exclude(pk__in=with_plan)
    return {"plans": plans, "without_plan": list(without_plan), "request": context["request"]}


@register.filter
def plan_number(value, unit=""):
    """A decimal as the French write it (12,5 ; 1 500), with its unit; “–” when missing."""
    from strategy.charts import format_value

    return format_value(value, unit or "")


@register.inclusion_tag("strategy/tags/structure_plan.html", takes_context=True)
def structure_plan(context, space):
    """A structure's plan in its space: a link to it, and for its editors what it still
    lacks compared with the current common model; or « Créer notre projet à partir de la
    trame » while it has none."""
    from groups.space_selectors import user_edits_space
    from home.visibility import page_is_visible_to
    from strategy.services import structure_plan as plan_of_space

    request = context["request"]
    user = request.user
    plan = plan_of_space(space)
    can_edit = user_edits_space(space, user)
    if plan is not None and not (can_edit or page_is_visible_to(plan, user)):
        plan = None
    missing = []
    if plan is not None and can_edit:
        # Its editors see the gap of what they are writing: the latest draft.
        draft = plan.get_latest_revision_as_object() if plan.has_unpublished_changes else plan
        missing = draft.missing_sections()
    return {
        "request": request,
        "space": space,
        "plan": plan,
        "can_edit": can_edit,
        "missing": missing,
    }


@register.simple_tag
def rollup_cell(cell):
    """One cell of the roll-up's axes × structures matrix: its count and mean progress, its
    colour band as a class. A tag rather than an include: the matrix has hundreds of cells."""
    if not cell.count:
        content = mark_safe('<span class="progress-none">0</span>')  # noqa: S308 - a constant
    elif cell.progress is None:
        content = format_html("{}", cell.count)
    else:
        content = format_html(
            '{} <span class="rollup-cell__progress">· {} %</span>', cell.count, cell.progress
        )
    return format_html('<td class="rollup-cell rollup-cell--{}">{}</td>', cell.band, content)
