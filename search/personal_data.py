"""The search app's part of « Mes données »: Trame keeps no search history per person (see
search/analytics.py: daily counts per query, without who searched), so the section says so."""

from django.utils.translation import gettext as _

from home.data_export import Section


def personal_data(user) -> list[Section]:
    return [
        Section(
            key="historique_de_recherche",
            title=_("Search history"),
            columns=["recherche"],
            rows=[],
            note=_(
                "Trame keeps no search history per person: searches are only counted per "
                "day and per query, without who searched."
            ),
        )
    ]
