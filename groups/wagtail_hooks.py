from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from groups.models import Structure, Thematic


class StructureViewSet(SnippetViewSet):
    model = Structure
    icon = "group"
    menu_label = _("Structures")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "departments", "city", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "city"]


register_snippet(StructureViewSet)


class ThematicViewSet(SnippetViewSet):
    model = Thematic
    icon = "tag"
    menu_label = _("Thematics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "colour"]
    search_fields = ["name", "description"]


register_snippet(ThematicViewSet)
