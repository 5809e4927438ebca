from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from groups.models import Structure, Thematic, ThematicHubPage


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


class ThematicDeleteView(DeleteView):
    """A thematic hub page protects its thematic, and Wagtail's reference index does not
    follow one-to-one links, so its own check lets the deletion fail: say why instead."""

    def form_valid(self, form):
        if ThematicHubPage.objects.filter(thematic=self.object).exists():
            messages.error(
                self.request,
                gettext("“%(name)s” has its own thematic page: delete that page first.")
                % {"name": self.object},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ThematicViewSet(SnippetViewSet):
    model = Thematic
    delete_view_class = ThematicDeleteView
    icon = "tag"
    menu_label = _("Thematics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "colour"]
    search_fields = ["name", "description"]


register_snippet(ThematicViewSet)
