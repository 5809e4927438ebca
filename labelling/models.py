"""The labelling follow-up: a referential of criteria (chapters → criteria) kept by the
regional editors, and each structure's yearly self-assessment against it.

A self-assessment belongs to its structure: only that structure's people and the regional
editors read it (`labelling.access`). Each year has its own row, so past years stay as
they were answered.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class Level(models.IntegerChoices):
    NOT_STARTED = 0, _("Not engaged yet")
    EMERGING = 1, _("Emerging")
    IN_PROGRESS = 2, _("In progress")
    ACHIEVED = 3, _("Achieved")


# A criterion at or below this level is where a structure needs help.
WEAK_LEVEL = Level.EMERGING


class Referential(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_example = models.BooleanField(
        _("example written by Trame"),
        default=False,
        help_text=_("Shown as such to everyone: not the official referential."),
    )
    is_current = models.BooleanField(
        _("current referential"),
        default=False,
        help_text=_("The referential structures assess themselves against."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("is_example"),
        FieldPanel("is_current"),
        InlinePanel("chapters", heading=_("Chapters"), label=_("Chapter")),
    ]

    class Meta:
        verbose_name = _("labelling referential")
        verbose_name_plural = _("labelling referentials")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_referential",
                violation_error_message=_("Another referential is already the current one."),
            )
        ]

    def __str__(self):
        return self.title

    @classmethod
    def current(cls):
        return cls.objects.filter(is_current=True).first()


class Chapter(Orderable):
    referential = ParentalKey(Referential, on_delete=models.CASCADE, related_name="chapters")
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("number"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return f"{self.number}. {self.title}"


class Criterion(models.Model):
    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="criteria"
    )
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    guidance = models.TextField(_("what is expected"), blank=True)
    helpful_pages = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("resources that help"),
        blank=True,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("chapter"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("guidance"),
        FieldPanel("helpful_pages"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["chapter__sort_order", "sort_order", "number"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return f"{self.number} {self.title}"


class SelfAssessment(models.Model):
    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    referential = models.ForeignKey(
        Referential,
        verbose_name=_("referential"),
        on_delete=models.PROTECT,
        related_name="self_assessments",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    updated_at = models.DateTimeField(_("last update"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Raised at each save: a form posted against an older version is refused, not lost.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["structure", "-year"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "referential", "year"], name="one_self_assessment_a_year"
            )
        ]

    def __str__(self):
        return f"{self.structure} · {self.year}"


class CriterionAnswer(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="answers")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level, default=Level.NOT_STARTED)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    evidence_pages = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("evidence: pages and actions"),
        blank=True,
        related_name="+",
    )
    evidence_documents = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("evidence: documents"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="one_answer_a_criterion"
            )
        ]

    def __str__(self):
        return f"{self.assessment} · {self.criterion.number}"
