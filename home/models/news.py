from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from home.blocks import ContentBlocks
from home.models.base import BasePage
from home.params import page_number
from home.querysets import TramePageQuerySet
from participation.audience import Audience


class NewsIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1
    page_size = 12

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.visible_to(request.user).latest_first()
        page = page_number(request.GET)
        context["news_page"] = Paginator(news, self.page_size).get_page(page)
        return context


class NewsPageQuerySet(TramePageQuerySet):
    def latest_first(self):
        return self.order_by("-date", "-first_published_at")


class NewsPage(BasePage, Audience):
    """A news item; naming an audience (structures, job roles, working groups) notifies
    those people when it is first published (participation.news). Without one, it is for
    everybody and nobody is notified."""

    date = models.DateField(_("date"), default=timezone.localdate)
    # A string reference: thematics live in the groups app, which builds on this one.
    thematics = ParentalManyToManyField("groups.Thematic", verbose_name=_("thematics"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))
    # The audience's lists as parental relations: a page's revisions and previews keep them.
    structures = ParentalManyToManyField(
        "groups.Structure",
        verbose_name=_("structures"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every structure."),
    )
    job_roles = ParentalManyToManyField(
        "groups.JobRole",
        verbose_name=_("job roles"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every job; « Conseiller·ère » alone targets every adviser."),
    )
    working_groups = ParentalManyToManyField(
        "groups.WorkingGroupPage",
        verbose_name=_("working groups"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty not to restrict to working groups' members."),
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("thematics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Naming structures, job roles or working groups notifies those people "
                        "when the news item is first published. Leave all empty for everybody, "
                        "without notification."
                    )
                ),
                FieldPanel("structures", widget=forms.CheckboxSelectMultiple),
                FieldPanel("job_roles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("working_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Addressed to"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage", "groups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @property
    def is_targeted(self) -> bool:
        return any(
            related.exists() for related in (self.structures, self.job_roles, self.working_groups)
        )
