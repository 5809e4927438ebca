from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from home.blocks import ContentBlocks
from home.ical import events_calendar, ical_response
from home.models.base import BasePage
from home.params import page_number
from home.querysets import TramePageQuerySet


class EventPageQuerySet(TramePageQuerySet):
    def upcoming(self):
        """Events not yet over, soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start")


class EventIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1
    page_size = 12

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    @path("")
    def index(self, request):
        events = EventPage.objects.visible_to(request.user)
        show_past = request.GET.get("periode") == "passes"
        events = events.past() if show_past else events.upcoming()
        page = Paginator(events, self.page_size).get_page(page_number(request.GET))
        return self.render(request, context_overrides={"events_page": page, "show_past": show_past})

    @path("ical/", name="ical_feed")
    def ical_feed(self, request):
        """The upcoming events this user may view, for a calendar application."""
        events = EventPage.objects.visible_to(request.user).upcoming()
        calendar = events_calendar(events, request=request, name=self.title)
        return ical_response(calendar, filename="agenda-trame.ics")


class EventPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("place"), max_length=255, blank=True)
    video_url = models.URLField(_("video conference link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    # A string reference: thematics live in the groups app, which builds on this one.
    thematics = ParentalManyToManyField("groups.Thematic", verbose_name=_("thematics"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("video_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("thematics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @path("ical/", name="ical")
    def ical(self, request):
        calendar = events_calendar([self], request=request, name=self.title)
        return ical_response(calendar, filename=f"{slugify(self.title)[:60] or 'evenement'}.ics")
