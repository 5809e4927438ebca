from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from search.engines.sqlite import register_functions

        connection_created.connect(register_functions, dispatch_uid="search-sqlite-functions")

        from home.health import check_register
        from search import signals  # noqa: F401 - connects the index updates
        from search.health import index_problems

        check_register("search", index_problems)
