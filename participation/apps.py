from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Taking part: notifications and their delivery preferences, must-read notices.

    Comments, proposals and consultations are sibling apps under participation/ that
    notify people through `participation.notify.notify`.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = _("Participation")
