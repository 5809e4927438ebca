"""Writes on plans that touch several models."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strategy.models import (
    ActionPage,
    ActionSnapshot,
    AxisPage,
    Indicator,
    IndicatorSnapshot,
    OrientationPage,
    YearlyReview,
)


@transaction.atomic
def plan_close_year(*, plan, year: int, assessment: str, user=None) -> YearlyReview:
    """Close `year` of `plan`: freeze the status, progress and indicator values of that year
    of every live action, with the written assessment. A year is closed once."""
    if not assessment.strip():
        raise ValidationError(_("Write an assessment of the year before closing it."))
    if (plan.period_start and year < plan.period_start) or (
        plan.period_end and year > plan.period_end
    ):
        raise ValidationError(
            _("The year %(year)s is outside the period of the plan (%(period)s).")
            % {"year": year, "period": plan.period_label}
        )
    if YearlyReview.objects.filter(plan=plan, year=year).exists():
        raise ValidationError(_("The year %(year)s is already closed.") % {"year": year})

    review = YearlyReview.objects.create(
        plan=plan, year=year, assessment=assessment.strip(), closed_by=user
    )
    parents = {
        page.path: page
        for model in (OrientationPage, AxisPage)
        for page in model.objects.descendant_of(plan)
    }
    actions = (
        ActionPage.objects.descendant_of(plan)
        .live()
        .select_related("thematic", "pilot_structure", "pilot_person")
        .order_by("path")
    )
    indicators = {}
    for indicator in Indicator.objects.filter(action__in=actions).prefetch_related("values"):
        indicators.setdefault(indicator.action_id, []).append(indicator)

    for position, action in enumerate(actions):
        axis = parents.get(action.path[: -action.steplen])
        orientation = parents.get(axis.path[: -axis.steplen]) if axis else None
        snapshot = ActionSnapshot.objects.create(
            review=review,
            action=action,
            position=position,
            orientation_number=orientation.number if orientation else None,
            orientation_title=orientation.title if orientation else "",
            axis_number=axis.number if axis else None,
            axis_title=axis.title if axis else "",
            number=action.number,
            title=action.title,
            thematic_name=action.thematic.name if action.thematic else "",
            pilot=action.pilot_label,
            status=action.status,
            progress=action.effective_progress,
        )
        IndicatorSnapshot.objects.bulk_create(
            IndicatorSnapshot(
                action_snapshot=snapshot,
                indicator=indicator,
                name=indicator.name,
                unit=indicator.unit,
                baseline=indicator.baseline,
                target=indicator.target,
                value=value.value if (value := indicator.value_for(year)) else None,
                comment=value.comment if value else "",
            )
            for indicator in indicators.get(action.pk, [])
        )
    return review


class TrameError(Exception):
    """A structure's plan that cannot be created from the trame, for a reason in French."""


def structure_plan(space):
    """The structure's own plan in its space (not a model), or None."""
    from strategy.models import StrategyPlanPage

    return (
        StrategyPlanPage.objects.descendant_of(space)
        .filter(structure_id=space.structure_id, is_model=False)
        .order_by("pk")
        .first()
    )


@transaction.atomic
def plan_create_from_trame(*, space, user):
    """Copy the current common model into the structure's space: its sections as guided
    headings (heading, guidance, required mark, no content) and its period, as a draft of
    the structure. A structure that already has a plan gets it back: a double click
    creates one plan."""
    from groups.models import Structure
    from strategy.models import StrategyPlanPage
    from strategy.models.trame import current_model

    # Serialises two clicks on « Créer » for the same structure (no-op on SQLite, whose
    # writes are serialised anyway).
    structure = Structure.objects.select_for_update().get(pk=space.structure_id)
    existing = structure_plan(space)
    if existing is not None:
        return existing, False
    model = current_model()
    if model is None:
        raise TrameError(_("The network has no common model (trame) to copy yet."))
    sections = [
        {
            "type": section.block_type,
            "value": {
                "heading": section.value["heading"],
                "guidance": section.value.get("guidance", ""),
                "required": bool(section.value.get("required")),
                "content": [],
            },
        }
        for section in model.sections
    ]
    name = structure.short_name or structure.name
    title = _("Projet associatif %(period)s · %(structure)s") % {
        "period": model.period_label,
        "structure": name,
    }
    plan = StrategyPlanPage(
        title=" ".join(title.split()),
        slug=f"projet-associatif-{space.slug}"[:255],
        structure=structure,
        period_start=model.period_start,
        period_end=model.period_end,
        status=StrategyPlanPage.Status.DRAFT,
        summary=model.summary,
        live=False,
        owner=user,
    )
    plan.sections = sections
    space.add_child(instance=plan)
    plan.save_revision(user=user, log_action=True)
    return plan, True
