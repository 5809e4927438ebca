"""The admin's account page, with its profile picture checked like every other upload and
its refusal shown (Wagtail's own panel accepts any image Pillow opens, keeps its metadata,
and never displays the form's errors)."""

from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import AccountView, AvatarSettingsPanel

from .forms import CheckedAvatarForm


class CheckedAvatarSettingsPanel(AvatarSettingsPanel):
    form_class = CheckedAvatarForm
    template_name = "home/account/avatar_panel.html"


class CheckedAccountView(AccountView):
    def get_panels(self):
        return [
            CheckedAvatarSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is AvatarSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


# Served at Wagtail's own address (see intranet.urls), with the admin's own decorators.
account = never_cache(require_admin_access(CheckedAccountView.as_view()))
