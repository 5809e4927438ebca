"""Consultations: « 1 Mission Locale = 1 voix », and individual surveys.

A consultation is a snippet edited in Wagtail's admin, its questions an inline list of child
models. Wagtail's form builder (`wagtail.contrib.forms`) was set aside: it makes a consultation
a page in the tree and stores one free submission per person, while a consultation here is
answered by one person *on behalf of a structure*, can be changed until it closes, needs a
ranking question and per-structure results that the form builder has no notion of.

Two modes share the tool:
- « une voix par structure » (the default): the invited structures (`structures`, empty for
  every active Mission Locale) each cast one vote, through their director or the delegate the
  director named (`Delegation`);
- « une réponse par personne » (an individual survey, e.g. the annual satisfaction
  questionnaire): each person of the audience (`participation.audience.Audience`) answers once,
  results are broken down by their structure.

Answers are stored as JSON on the `Vote`, keyed by question id: the option's text for a single
choice, a list of texts for a multiple choice, the texts in ranked order for a ranking, the text
for a free answer. Renaming an option after votes were cast therefore drops it from the counts.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from participation.audience import Audience


class ConsultationQuerySet(models.QuerySet):
    def opened(self, now=None):
        """Open now: started and not closed."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def due_for_announcement(self, now=None):
        """Opened, but the voters have not been told yet."""
        return self.filter(opens_at__lte=now or timezone.now(), announced_at__isnull=True).filter(
            closes_at__gt=now or timezone.now()
        )


class Consultation(Audience, ClusterableModel):
    class Mode(models.TextChoices):
        STRUCTURE = "structure", _("One voice per structure")
        PERSON = "person", _("One answer per person (individual survey)")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Why the network is consulted, in a few lines.")
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode, default=Mode.STRUCTURE)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results_secret = models.BooleanField(
        _("secret results"),
        default=False,
        help_text=_("Only the totals are shown, never the answer of a structure."),
    )
    announced_at = models.DateTimeField(_("voters told at"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("last reminder at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("results_secret")]),
        MultiFieldPanel(
            [FieldPanel("structures"), FieldPanel("job_roles"), FieldPanel("working_groups")],
            heading=_("Who takes part"),
            help_text=_(
                "One voice per structure: the structures invited (none for every Mission "
                "Locale); job roles and working groups apply to individual surveys only."
            ),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("question"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing date must follow the opening.")})
        if self.pk and self.votes.exists():
            stored = Consultation.objects.filter(pk=self.pk).values_list("mode", flat=True).first()
            if stored and stored != self.mode:
                raise ValidationError(
                    {"mode": _("The mode can no longer change: answers have been given.")}
                )

    @property
    def is_per_structure(self) -> bool:
        return self.mode == self.Mode.STRUCTURE

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return self.closes_at <= (now or timezone.now())


class Question(Orderable):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RANKING = "ranking", _("Ranking")
        TEXT = "text", _("Free text")

    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SINGLE)
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("One option per line (choices and rankings; at least two)."),
    )
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind")]),
        FieldPanel("options"),
        FieldRowPanel([FieldPanel("help_text"), FieldPanel("required")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def option_list(self) -> list[str]:
        seen, options = set(), []
        for line in self.options.splitlines():
            line = " ".join(line.split())
            if line and line not in seen:
                seen.add(line)
                options.append(line)
        return options

    @property
    def has_options(self) -> bool:
        return self.kind != self.Kind.TEXT

    def clean(self):
        super().clean()
        if self.has_options and len(self.option_list) < 2:
            raise ValidationError({"options": _("Give at least two different options.")})
        if not self.has_options and self.option_list:
            raise ValidationError({"options": _("A free-text question has no options.")})


class Delegation(models.Model):
    """The person who casts a structure's voice instead of its director."""

    structure = models.OneToOneField(
        "groups.Structure",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="consultation_delegation",
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        related_name="consultation_delegations",
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    named_at = models.DateTimeField(_("named at"), auto_now=True)

    class Meta:
        verbose_name = _("voting delegation")
        verbose_name_plural = _("voting delegations")

    def __str__(self):
        return f"{self.structure} · {self.delegate}"


class Vote(models.Model):
    """A structure's voice (one per consultation and structure), or one person's answer to
    an individual survey (one per consultation and person)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="votes"
    )
    structure = models.ForeignKey(
        "groups.Structure",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consultation_votes",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_votes",
    )
    is_structure_voice = models.BooleanField(_("structure's voice"), default=True)
    answers = models.JSONField(_("answers"), default=dict)
    cast_at = models.DateTimeField(_("cast at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        ordering = ["structure__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "structure"],
                condition=Q(is_structure_voice=True),
                name="one_vote_per_structure",
            ),
            models.UniqueConstraint(
                fields=["consultation", "person"],
                condition=Q(is_structure_voice=False),
                name="one_answer_per_person",
            ),
        ]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self):
        return f"{self.consultation} · {self.structure or self.person}"
