from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from strategy.models import Indicator


class IndicatorViewSet(SnippetViewSet):
    """Indicators and their yearly values, edited apart from the action pages so that a
    value entered never depends on a page revision."""

    model = Indicator
    icon = "order"
    menu_label = _("Indicators")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "action", "unit", "target"]
    search_fields = ["name"]


register_snippet(IndicatorViewSet)
