from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and publishing")

    def ready(self):
        from django.conf import settings

        from PIL import Image

        from home import signals  # noqa: F401 - connects the cache invalidation receivers
        from home.two_factor import signals as two_factor_signals  # noqa: F401

        # Pillow refuses to open an image of more than twice this many pixels anywhere in
        # the process (uploads, renditions, thumbnails): a decompression bomb never decodes.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
