from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EmailDomainStructure


class EmailDomainStructureViewSet(SnippetViewSet):
    """« Email domain → structure », edited by the editors (home.roles gives them the
    add/change/delete permissions; Wagtail's snippet views check them)."""

    model = EmailDomainStructure
    icon = "mail"
    menu_label = _("Email domains")
    menu_order = 205
    add_to_admin_menu = True
    list_display = ["domain", "structure"]
    search_fields = ["domain"]
    ordering = ["domain"]


register_snippet(EmailDomainStructureViewSet)
