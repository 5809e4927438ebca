from django_tasks import task


@task()
def reindex(keys: list[str]) -> str:
    """Bring these index keys ("page:12", "document:5"...) up to date on every engine (run at
    once in development and tests, by the database-backed worker in production)."""
    from search.indexing import reindex_keys

    written, deleted = reindex_keys(keys)
    return f"{written} indexed, {deleted} deleted"
