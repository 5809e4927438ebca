"""The search engines behind one interface (`search.engines.base.Engine`).

`get_engine()` answers with the Elasticsearch engine when `ELASTICSEARCH_URL` is set, and
with the database engine otherwise; the Elasticsearch engine falls back to the database
engine itself when the cluster fails, so the database index is always kept up to date.
"""

from django.conf import settings

from search.engines.base import Engine


def database_engine() -> Engine:
    from search.engines.database import DatabaseEngine

    return DatabaseEngine()


def get_engine() -> Engine:
    if settings.ELASTICSEARCH_URL:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, fallback=database_engine())
    return database_engine()
