from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Comments and @mentions on pages (resources included), see `models.py`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "participation.comments"
    label = "participation_comments"
    verbose_name = _("Comments")
