from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and publishing")

    def ready(self):
        from home import signals  # noqa: F401 - connects the cache invalidation receivers
