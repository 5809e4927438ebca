from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import converters


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and publishing")

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        # App configs are built before any model module is imported, and the routable
        # pages' routes (built when their model class is) use these converters.
        converters.register()

    def ready(self):
        from home import signals  # noqa: F401 - connects the cache invalidation receivers
