from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search import reports
from search.models import SynonymGroup
from search.panels import HEALTH_PERMISSION, IndexHealthPanel


class SynonymGroupViewSet(SnippetViewSet):
    """The editors' list of acronyms and equivalent expressions, used by every engine."""

    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synonyms")
    menu_name = "synonyms"
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "__str__",
    ]
    search_fields = ["expressions"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/recherches-frequentes/",
            reports.TopQueriesView.as_view(),
            name="search_top_queries",
        ),
        path(
            "reports/recherches-frequentes/results/",
            reports.TopQueriesView.as_view(results_only=True),
            name="search_top_queries_results",
        ),
        path(
            "reports/recherches-sans-resultat/",
            reports.ZeroResultQueriesView.as_view(),
            name="search_zero_result_queries",
        ),
        path(
            "reports/recherches-sans-resultat/results/",
            reports.ZeroResultQueriesView.as_view(results_only=True),
            name="search_zero_result_queries_results",
        ),
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(reports.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_top_queries_menu_item():
    return SearchReportMenuItem(
        _("Most searched queries"),
        reverse("search_top_queries"),
        name="search-top-queries",
        icon_name="search",
        order=920,
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return SearchReportMenuItem(
        _("Searches without result"),
        reverse("search_zero_result_queries"),
        name="search-zero-result-queries",
        icon_name="warning",
        order=930,
    )


@hooks.register("construct_homepage_panels")
def add_index_health_panel(request, panels):
    if request.user.has_perm(HEALTH_PERMISSION):
        panels.append(IndexHealthPanel())
