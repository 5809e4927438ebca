from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.viewsets.model import ModelViewSet

from legal.anonymisation import ANONYMISE_PERMISSION
from legal.models import BarrierReport
from legal.views import anonymisation


class BarrierReportViewSet(ModelViewSet):
    """Editors read the readers' reports and follow them up (status, notes)."""

    model = BarrierReport
    name = "legal_barrierreport"
    url_prefix = "signalements-accessibilite"
    icon = "warning"
    menu_label = _("Accessibility reports")
    add_to_admin_menu = True
    menu_order = 450
    copy_view_enabled = False
    form_fields = ["status", "editor_notes"]
    list_display = ["page_url", "reporter", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["page_url", "description"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_barrier_reports():
    return BarrierReportViewSet()


@hooks.register("register_admin_urls")
def register_anonymisation_urls():
    return [
        path(
            "anonymisation/", anonymisation.anonymisation_search, name="legal_anonymisation_search"
        ),
        path(
            "anonymisation/<id:user_id>/",
            anonymisation.anonymisation_confirm,
            name="legal_anonymisation_confirm",
        ),
    ]


class AnonymisationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ANONYMISE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_anonymisation_menu_item():
    return AnonymisationMenuItem(
        _("Anonymise a departed person"),
        reverse("legal_anonymisation_search"),
        icon_name="user",
        order=900,
    )


@hooks.register("construct_wagtail_userbar")
def keep_accessibility_checker(request, items, page):
    """Wagtail's accessibility checker (axe-core) stays in the userbar of every page an editor
    views, whatever other hooks do: editors see the problems of what they write."""
    if not any(isinstance(item, ContentCheckerItem) for item in items):
        items.append(ContentCheckerItem())
