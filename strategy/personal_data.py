"""The strategy app's part of « Mes données »: the actions the person pilots and the yearly
reviews they closed."""

from django.utils.translation import gettext as _

from home.data_export import Section
from home.visibility import hidden_pages_q
from strategy.models import ActionPage, YearlyReview


def personal_data(user) -> list[Section]:
    actions = ActionPage.objects.filter(pilot_person=user)
    hidden = hidden_pages_q(user)
    if hidden is not None:
        actions = actions.exclude(hidden)
    reviews = YearlyReview.objects.filter(closed_by=user).order_by("closed_at")
    return [
        Section(
            key="actions_pilotees",
            title=_("Actions you pilot"),
            columns=["action", "adresse"],
            rows=[[action.title, action.url_path] for action in actions.order_by("path")],
        ),
        Section(
            key="bilans_clos",
            title=_("Yearly reviews you closed"),
            columns=["bilan", "annee", "clos_le"],
            rows=[[str(review), review.year, review.closed_at] for review in reviews],
        ),
    ]
