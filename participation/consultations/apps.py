from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """Consultations of the network: « 1 Mission Locale = 1 voix », and individual surveys.

    See `participation.consultations.models` for why this is not Wagtail's form builder.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation.consultations"
    label = "participation_consultations"
    verbose_name = _("Consultations")
