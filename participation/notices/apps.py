from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """Must-read notices: a page or resource that targeted people confirm they have read."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation.notices"
    label = "participation_notices"
    verbose_name = _("Must-read notices")

    def ready(self):
        from participation.notices import signals  # noqa: F401 - notifications cleaned up
