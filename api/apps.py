from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("REST API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the token's OpenAPI description with drf-spectacular.
        from api import schema  # noqa: F401
