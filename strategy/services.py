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
