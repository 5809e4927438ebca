from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resources import reports
from resources.models import ResourceType
from resources.serving import serve_document


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-full"
    menu_label = _("Resource types")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(ResourceTypeViewSet)


@hooks.register("before_serve_document")
def serve_through_permission_check(document, request):
    """Wagtail's document URLs lead here: the shared visibility check, then the file with safe
    headers, and the download counted."""
    return serve_document(document, request)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/ressources-a-reviser/",
            reports.ReviewOverdueView.as_view(),
            name="resources_review_overdue",
        ),
        path(
            "reports/ressources-a-reviser/results/",
            reports.ReviewOverdueView.as_view(results_only=True),
            name="resources_review_overdue_results",
        ),
        path(
            "reports/visibilite-des-ressources/",
            reports.visibility_report,
            name="resources_visibility",
        ),
    ]


class VisibilityMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(reports.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_review_overdue_menu_item():
    return MenuItem(
        _("Resources to review"),
        reverse("resources_review_overdue"),
        icon_name="date",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_visibility_menu_item():
    return VisibilityMenuItem(
        _("Resource visibility"), reverse("resources_visibility"), icon_name="view", order=910
    )
