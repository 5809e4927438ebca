from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import ContentBlocks
from home.caching import MEMBERSHIPS, PAGES, RESTRICTIONS, namespace_version
from home.models.base import BasePage
from home.visibility import visibility_key


class HomePage(BasePage):
    """The dashboard each professional lands on after logging in."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.ContentPage",
        "strategy.StrategyPlanPage",
        "groups.ThematicIndexPage",
        "groups.WorkingGroupIndexPage",
        "groups.NetworkDirectoryPage",
        "resources.ResourceIndexPage",
        "participation_proposals.GoodPracticeIndexPage",
        "legal.AccessibilityPage",
        "legal.PrivacyPage",
        "legal.LegalNoticesPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from home.models import EventPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        # The news and events panels are the same for users who may view the same pages.
        context["dashboard_cache_key"] = ":".join(
            [
                namespace_version(PAGES),
                namespace_version(RESTRICTIONS),
                visibility_key(request.user),
            ]
        )
        # The user's own panels also change with their memberships.
        context["user_dashboard_cache_key"] = ":".join(
            [context["dashboard_cache_key"], namespace_version(MEMBERSHIPS), str(request.user.pk)]
        )
        context["latest_news"] = NewsPage.objects.visible_to(request.user).latest_first()[:4]
        context["upcoming_events"] = EventPage.objects.visible_to(request.user).upcoming()[:4]
        return context


class ContentPage(BasePage):
    """A free page built from the shared blocks."""

    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = [
        "home.HomePage",
        "home.ContentPage",
        "groups.WorkingGroupPage",
        "groups.StructureSpacePage",
    ]
    subpage_types = ["home.ContentPage", "strategy.StrategyPlanPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
