from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from strategy import import_levels, import_views
from strategy.importer.sync import IMPORT_LOG_ACTION
from strategy.models import Indicator, StrategyPlanPage


class IndicatorViewSet(SnippetViewSet):
    """Indicators and their yearly values, edited apart from the action pages so that a
    value entered never depends on a page revision."""

    model = Indicator
    icon = "order"
    menu_label = gettext_lazy("Indicators")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "action", "unit", "target"]
    search_fields = ["name"]


register_snippet(IndicatorViewSet)


@hooks.register("register_admin_urls")
def register_plan_import_urls():
    return [
        path(
            "projet-associatif/<id:plan_id>/importer/",
            import_views.plan_import_upload,
            name="strategy_plan_import",
        ),
        path(
            "projet-associatif/nouveau/<id:parent_id>/",
            import_views.plan_import_new,
            name="strategy_plan_import_new",
        ),
        path(
            "projet-associatif/imports/<id:import_id>/",
            import_views.plan_import_preview_view,
            name="strategy_plan_import_preview",
        ),
        path(
            "projet-associatif/imports/<id:import_id>/niveaux/",
            import_levels.plan_import_levels,
            name="strategy_plan_import_levels",
        ),
    ]


class PlanImportMenuItem(PageMenuItem):
    label = gettext_lazy("Import a new version")
    icon_name = "upload"
    priority = 62

    def is_shown(self, user):
        permissions = self.page.permissions_for_user(user)
        return permissions.can_edit() and permissions.can_publish()

    @property
    def url(self):
        return reverse("strategy_plan_import", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def plan_import_header_button(page, user, view_name, next_url=None):
    if page.specific_class is StrategyPlanPage:
        yield PlanImportMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def plan_import_listing_button(page, user, next_url=None):
    if page.specific_class is StrategyPlanPage:
        yield PlanImportMenuItem(page=page)


class NewPlanImportMenuItem(PageMenuItem):
    """« Importer un projet associatif » on a page that may hold plans."""

    label = gettext_lazy("Import a projet associatif")
    icon_name = "upload"
    priority = 63

    def is_shown(self, user):
        permissions = self.page.permissions_for_user(user)
        return permissions.can_add_subpage() and permissions.can_publish_subpage()

    @property
    def url(self):
        return reverse("strategy_plan_import_new", args=[self.page.pk])


def _holds_plans(page) -> bool:
    return StrategyPlanPage.can_create_at(page.specific_deferred)


@hooks.register("register_page_header_buttons")
def new_plan_import_header_button(page, user, view_name, next_url=None):
    if _holds_plans(page):
        yield NewPlanImportMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def new_plan_import_listing_button(page, user, next_url=None):
    if _holds_plans(page):
        yield NewPlanImportMenuItem(page=page)


@hooks.register("register_log_actions")
def register_plan_import_log_action(actions):
    @actions.register_action(IMPORT_LOG_ACTION)
    class PlanImported(LogFormatter):
        label = gettext_lazy("Import of a plan file")

        def format_message(self, log_entry):
            data = log_entry.data
            return _(
                "Imported from “%(file)s”: %(created)s page(s) created, %(updated)s updated, "
                "%(removed)s removed"
            ) % {
                "file": data.get("file") or "?",
                "created": data.get("created", 0),
                "updated": data.get("updated", 0),
                "removed": data.get("removed", 0),
            }
