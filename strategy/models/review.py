"""Yearly reviews (bilans annuels): frozen copies of every action of a plan at the end of a
year. Nothing here points to live values: changing an action later changes no snapshot."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.models.action import ActionPage, Indicator


class YearlyReview(models.Model):
    plan = models.ForeignKey(
        "strategy.StrategyPlanPage",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    assessment = models.TextField(_("assessment"))
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["plan", "year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_review_per_plan_and_year")
        ]
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")

    def __str__(self):
        return f"{self.plan} – {self.year}"


class ActionSnapshot(models.Model):
    review = models.ForeignKey(
        YearlyReview, on_delete=models.CASCADE, related_name="action_snapshots"
    )
    action = models.ForeignKey(
        ActionPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)
    orientation_number = models.PositiveSmallIntegerField(null=True)
    orientation_title = models.CharField(max_length=255)
    axis_number = models.PositiveSmallIntegerField(null=True)
    axis_title = models.CharField(max_length=255)
    number = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    thematic_name = models.CharField(max_length=120, blank=True)
    pilot = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=20, choices=ActionPage.Status)
    progress = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["review", "position"]
        verbose_name = _("action snapshot")
        verbose_name_plural = _("action snapshots")

    def __str__(self):
        return f"{self.number} {self.title}"


class IndicatorSnapshot(models.Model):
    action_snapshot = models.ForeignKey(
        ActionSnapshot, on_delete=models.CASCADE, related_name="indicator_snapshots"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255)
    unit = models.CharField(max_length=40, blank=True)
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    comment = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["action_snapshot", "pk"]

    def __str__(self):
        return f"{self.name} : {self.value}"
