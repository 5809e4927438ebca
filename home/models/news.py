from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from home.blocks import ContentBlocks
from home.models.base import BasePage
from home.params import page_number
from home.querysets import TramePageQuerySet


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


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    # A string reference: thematics live in the groups app, which builds on this one.
    thematics = ParentalManyToManyField("groups.Thematic", verbose_name=_("thematics"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("thematics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
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
