"""Login lockouts in the Wagtail admin: editors list django-axes' failed-login records and unlock
an account by deleting its record (axes counts failures from these records alone).

Access follows Django's model permissions on `axes.AccessAttempt`: the editors' group has
"view" and "delete" (home/roles.py), never "add" or "change", so the admin offers no form."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from axes.models import AccessAttempt


class LockedColumn(Column):
    """Whether the record blocks the login now (its failures reached the limit)."""

    def get_value(self, instance):
        return _("Locked") if instance.failures_since_start >= settings.AXES_FAILURE_LIMIT else ""


class LockoutIndexView(IndexView):
    page_title = gettext_lazy("Login lockouts")


class UnlockView(DeleteView):
    page_title = gettext_lazy("Unlock")

    @property
    def confirmation_message(self):
        return _(
            "Unlock the account “%(username)s” for the address %(address)s? Its count of failed "
            "logins starts again from zero."
        ) % {"username": self.object.username, "address": self.object.ip_address}

    def get_page_subtitle(self):
        return self.object.username

    def get_success_message(self):
        return _("“%(username)s” can log in again from %(address)s.") % {
            "username": self.object.username,
            "address": self.object.ip_address,
        }


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "lockouts"
    url_prefix = "lockouts"
    icon = "lock"
    menu_label = gettext_lazy("Login lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    # Never offered: editors may only view and delete (see the module docstring).
    form_fields = ["username"]
    list_display = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        LockedColumn("locked", label=gettext_lazy("Status")),
    ]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
