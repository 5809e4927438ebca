"""« À lire »: an editor asks an audience to read a page (a resource is a `ResourcePage`,
its files hang from it) before a deadline; each reader confirms once."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from participation.audience import Audience
from participation.notices.querysets import MustReadQuerySet


class MustRead(Audience):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page or resource"),
        on_delete=models.CASCADE,
        related_name="must_reads",
        help_text=_("A published page; for a resource, its page in the library."),
    )
    message = models.CharField(
        _("message"),
        max_length=300,
        help_text=_("Why it matters, in one or two sentences, shown with the notice."),
    )
    deadline = models.DateField(_("read by"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True, editable=False
    )

    objects = MustReadQuerySet.as_manager()

    panels = [
        FieldPanel("page"),
        FieldPanel("message"),
        FieldPanel("deadline"),
        MultiFieldPanel(
            [FieldPanel("structures"), FieldPanel("job_roles"), FieldPanel("working_groups")],
            heading=_("Audience"),
            help_text=_(
                "Nothing chosen: the whole network. Within a list any choice matches; across "
                "lists all must match (the advisers of one Mission Locale)."
            ),
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("must-read notice")
        verbose_name_plural = _("must-read notices")

    def __str__(self):
        return str(self.page.title) if self.page_id else str(self.message)

    def clean(self):
        super().clean()
        errors = {}
        if self.page_id and not self.page.live:
            errors["page"] = _("This page is not published: nobody could read it.")
        if self.deadline and self.deadline < timezone.localdate() and self._state.adding:
            errors["deadline"] = _("The deadline cannot be in the past.")
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, today=None) -> bool:
        return self.deadline < (today or timezone.localdate())


class Acknowledgement(models.Model):
    """One person's « J'ai lu » for one notice."""

    must_read = models.ForeignKey(
        MustRead,
        verbose_name=_("must-read notice"),
        on_delete=models.CASCADE,
        related_name="acknowledgements",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="must_read_acknowledgements",
    )
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["must_read", "user"], name="one_acknowledgement_per_user"
            )
        ]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")

    def __str__(self):
        return f"{self.user} · {self.must_read}"
