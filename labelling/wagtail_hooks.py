"""The referential is edited by the regional editors in the administration."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from labelling.models import Criterion, Referential


class ReferentialViewSet(SnippetViewSet):
    model = Referential
    icon = "tasks"
    list_display = ["title", "is_current", "is_example"]


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "list-ul"
    list_display = ["number", "title", "chapter"]
    list_filter = ["chapter__referential"]
    search_fields = ["number", "title"]


class LabellingViewSetGroup(SnippetViewSetGroup):
    items = (ReferentialViewSet, CriterionViewSet)
    menu_label = _("Labelling")
    menu_icon = "tasks"
    menu_order = 450


register_snippet(LabellingViewSetGroup)
