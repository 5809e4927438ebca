"""Reads of must-read notices: who they reach, who has read, the figures by structure."""

import dataclasses

from django.db.models import Count
from django.utils.translation import gettext

from home.visibility import users_who_may_view_page
from participation.notices.models import Acknowledgement, MustRead


def viewers(notice: MustRead):
    """The targeted people who may view the notice's page: the reach."""
    return users_who_may_view_page(notice.people(), notice.page)


def readers_not_done(notice: MustRead):
    """The reach, minus those who have confirmed."""
    read = Acknowledgement.objects.filter(must_read=notice).values("user_id")
    return viewers(notice).exclude(pk__in=read)


@dataclasses.dataclass
class ReachRow:
    structure: str
    targeted: int
    read: int

    @property
    def not_yet(self) -> int:
        return self.targeted - self.read

    @property
    def percentage(self) -> int:
        return round(100 * self.read / self.targeted) if self.targeted else 0


@dataclasses.dataclass
class Reach:
    rows: list[ReachRow]
    total: ReachRow
    cannot_view: int  # targeted, but the page is hidden from them: neither counted nor told


def reach(notice: MustRead) -> Reach:
    """Targeted, read and not yet, by structure of the people (a fixed number of queries)."""
    reached = viewers(notice)
    targeted = dict(
        reached.values_list("profile__structure__name").annotate(count=Count("pk", distinct=True))
    )
    read_ids = Acknowledgement.objects.filter(must_read=notice).values("user_id")
    read = dict(
        reached.filter(pk__in=read_ids)
        .values_list("profile__structure__name")
        .annotate(count=Count("pk", distinct=True))
    )
    no_structure = gettext("No structure")
    rows = [
        ReachRow(structure=name or no_structure, targeted=count, read=read.get(name, 0))
        for name, count in targeted.items()
    ]
    # Named structures alphabetically, people without one last.
    rows.sort(key=lambda row: (row.structure == no_structure, row.structure.casefold()))
    total = ReachRow(
        structure=gettext("Total"),
        targeted=sum(row.targeted for row in rows),
        read=sum(row.read for row in rows),
    )
    everyone = notice.people().count()
    return Reach(rows=rows, total=total, cannot_view=everyone - total.targeted)


def not_read_count(notice: MustRead) -> int:
    return readers_not_done(notice).count()
