"""Who a notice, a consultation or a news item is addressed to.

An `Audience` names structures, job roles and working groups. Within one of these lists,
any value matches; across lists, every non-empty list must match: « les conseillers » of
« ML de Dijon » is both. Naming nothing at all addresses everyone in the network.
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class Audience(models.Model):
    structures = models.ManyToManyField(
        "groups.Structure",
        verbose_name=_("structures"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every structure."),
    )
    job_roles = models.ManyToManyField(
        "groups.JobRole",
        verbose_name=_("job roles"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every job; « Conseiller·ère » alone targets every adviser."),
    )
    working_groups = models.ManyToManyField(
        "groups.WorkingGroupPage",
        verbose_name=_("working groups"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty not to restrict to working groups' members."),
    )

    audience_panels = [
        MultiFieldPanel(
            [FieldPanel("structures"), FieldPanel("job_roles"), FieldPanel("working_groups")],
            heading=_("Audience"),
        )
    ]

    class Meta:
        abstract = True

    def people(self):
        """The active accounts addressed: a queryset of users, without duplicates."""
        users = get_user_model().objects.filter(is_active=True)
        if self.pk is None:
            return users
        structure_ids = [s.pk for s in self.structures.all()]
        role_ids = [r.pk for r in self.job_roles.all()]
        group_ids = [g.pk for g in self.working_groups.all()]
        if structure_ids:
            users = users.filter(profile__structure__in=structure_ids)
        if role_ids:
            users = users.filter(profile__job_role__in=role_ids)
        if group_ids:
            users = users.filter(
                pk__in=models.Subquery(
                    get_user_model()
                    .objects.filter(working_group_memberships__group__in=group_ids)
                    .values("pk")
                )
            )
        return users

    def includes(self, user) -> bool:
        return user.is_authenticated and self.people().filter(pk=user.pk).exists()

    def describe(self) -> str:
        """« Tout le réseau », or the lists named, for listings and reports."""
        parts = [
            ", ".join(str(item) for item in related.all())
            for related in (self.structures, self.job_roles, self.working_groups)
        ]
        parts = [part for part in parts if part]
        if not parts:
            return gettext("The whole network")
        return " · ".join(parts)
