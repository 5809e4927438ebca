"""The legal app's part of « Mes données »: the accessibility problems the person reported."""

from django.utils.translation import gettext as _

from home.data_export import Section
from legal.models import BarrierReport


def personal_data(user) -> list[Section]:
    reports = BarrierReport.objects.filter(reporter=user).order_by("created_at")
    return [
        Section(
            key="signalements_accessibilite",
            title=_("Accessibility problems you reported"),
            columns=["page", "description", "technologie", "statut", "envoye_le"],
            rows=[
                [
                    r.page_url,
                    r.description,
                    r.assistive_technology,
                    r.get_status_display(),
                    r.created_at,
                ]
                for r in reports
            ],  # fmt: skip
        )
    ]
