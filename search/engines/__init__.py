"""The search engines behind one interface (`search.engines.base.Engine`).

`get_engine()` answers with the Elasticsearch engine when `ELASTICSEARCH_URL` is set, and
with the database engine otherwise; the Elasticsearch engine falls back to the database
engine itself when the cluster fails, so the database index is always kept up to date.
"""
