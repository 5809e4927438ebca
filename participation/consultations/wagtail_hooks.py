from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Consultation
from .services import announce_on_commit


class ConsultationViewSet(SnippetViewSet):
    """Editors create consultations (home.roles gives them the add/change/delete permissions);
    results, reminders and delegates are on the front end, under /consultations/."""

    model = Consultation
    icon = "tasks"
    menu_label = _("Consultations")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "mode", "opens_at", "closes_at", "results_secret"]
    list_filter = ["mode", "results_secret"]
    search_fields = ["title"]
    ordering = ["-opens_at"]


register_snippet(ConsultationViewSet)


@hooks.register("after_create_snippet")
def consultation_created(request, instance):
    if isinstance(instance, Consultation):
        if instance.created_by_id is None:
            Consultation.objects.filter(pk=instance.pk).update(created_by=request.user)
        announce_on_commit(instance)


@hooks.register("after_edit_snippet")
def consultation_edited(request, instance):
    if isinstance(instance, Consultation):
        announce_on_commit(instance)
