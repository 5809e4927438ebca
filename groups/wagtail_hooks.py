from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from groups.models import JobRole, Profile, Structure, Thematic, ThematicHubPage


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


class JobRoleViewSet(SnippetViewSet):
    model = JobRole
    icon = "user"
    menu_label = _("Job roles")
    menu_order = 215
    add_to_admin_menu = True
    list_display = ["name", "sort_order"]
    search_backend_name = None
    search_fields = ["name"]


register_snippet(JobRoleViewSet)


class ProfileViewSet(SnippetViewSet):
    """Editors keep the directory right: each person's structure, job and job role.
    Profiles come with accounts: none is added or deleted here."""

    model = Profile
    icon = "user"
    menu_label = _("Profiles")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "structure", "job_title", "job_role"]
    list_filter = ["structure", "job_role"]
    search_backend_name = None
    search_fields = ["user__first_name", "user__last_name", "user__username", "job_title"]
    panels = [
        FieldPanel("structure"),
        FieldPanel("job_title"),
        FieldPanel("job_role"),
        FieldPanel("referent_thematics"),
    ]
    inspect_view_enabled = False

    def get_queryset(self, request):
        return Profile.objects.select_related("user", "structure", "job_role")


register_snippet(ProfileViewSet)
