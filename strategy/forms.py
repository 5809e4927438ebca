"""The query string of a plan page and its exports: which actions to show."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.params import IdField, clean_parameters
from strategy.models import ActionPage


class PlanFilterForm(forms.Form):
    orientation = forms.IntegerField(
        label=_("Orientation"), required=False, min_value=1, max_value=999
    )
    thematique = forms.SlugField(label=_("Thematic"), required=False, max_length=100)
    statut = forms.ChoiceField(label=_("Status"), required=False, choices=ActionPage.Status.choices)
    pilote = IdField(label=_("Pilot"))


def plan_filters(params) -> dict[str, str]:
    """The filters of `plan_overview`, as the strings its choices use; raises
    `InvalidParameters` (a French 400) for a value no choice could have."""
    cleaned = clean_parameters(PlanFilterForm(params))
    return {name: "" if value in (None, "") else str(value) for name, value in cleaned.items()}
