from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabellingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "labelling"
    verbose_name = _("Labelling follow-up")
