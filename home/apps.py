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
        from django.conf import settings

        from PIL import Image

        from home import signals  # noqa: F401 - connects the cache invalidation receivers
        from home.permission_policies import register_view_scoped_policies
        from home.two_factor import signals as two_factor_signals  # noqa: F401

        register_view_scoped_policies()

        # Pillow refuses to open an image of more than twice this many pixels anywhere in
        # the process (uploads, renditions, thumbnails): a decompression bomb never decodes.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
