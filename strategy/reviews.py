"""Reading yearly reviews: one year's snapshot beside the previous one."""

from dataclasses import dataclass

from strategy.models import ActionPage, ActionSnapshot


@dataclass
class ReviewRow:
    snapshot: ActionSnapshot
    previous: ActionSnapshot | None
    indicators: list  # (indicator snapshot, previous value or None)

    @property
    def stalled(self) -> bool:
        """Did not move this year: same status and progress as the year before and no
        indicator value changed (for the first review: not started, at 0 %)."""
        if self.snapshot.status in (ActionPage.Status.DONE, ActionPage.Status.ABANDONED):
            return False
        if self.previous is None:
            return self.snapshot.status == ActionPage.Status.NOT_STARTED and (
                self.snapshot.progress == 0
            )
        return (
            self.snapshot.status == self.previous.status
            and self.snapshot.progress == self.previous.progress
            and all(ind.value == previous for ind, previous in self.indicators)
        )


def _key(snapshot):
    return snapshot.action_id or snapshot.number


def review_comparison(*, review, user) -> list[ReviewRow]:
    """The rows of `review` the user may view, each with the previous closed year's row."""
    previous_review = review.plan.reviews.filter(year__lt=review.year).order_by("-year").first()
    previous = {}
    if previous_review:
        for snapshot in previous_review.action_snapshots.prefetch_related("indicator_snapshots"):
            previous[_key(snapshot)] = snapshot
    visible = set(
        ActionPage.objects.descendant_of(review.plan).visible_to(user).values_list("pk", flat=True)
    )
    rows = []
    for snapshot in review.action_snapshots.prefetch_related("indicator_snapshots"):
        if snapshot.action_id is not None and snapshot.action_id not in visible:
            continue
        before = previous.get(_key(snapshot))
        before_values = (
            {i.indicator_id or i.name: i.value for i in before.indicator_snapshots.all()}
            if before
            else {}
        )
        indicators = [
            (i, before_values.get(i.indicator_id or i.name))
            for i in snapshot.indicator_snapshots.all()
        ]
        rows.append(ReviewRow(snapshot, before, indicators))
    return rows
