from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Trame for years: backups, restores and the retention of old records.

    It sits above every other app (it counts their rows, rebuilds the search index) and no
    app imports it: apps offer their purges in a `retention` module (see operations.retention).
    """

    name = "operations"
    verbose_name = _("Operations")
