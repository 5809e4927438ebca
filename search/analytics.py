"""What people search for: Wagtail's search promotions hits for every new search, and our own
daily counts of searches and zero-result searches (the editors' report, the popular queries).

Counts are incremented with F() expressions in the database, so concurrent searches never
overwrite each other's counts. Reloading the results page (or submitting the same query twice
in a row) is one search: the session remembers the last query logged.
"""

import datetime
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from home.caching import cached
from search.models import SearchQueryDay
from search.query import clean

logger = logging.getLogger(__name__)

LAST_QUERY_SESSION_KEY = "search-last-logged-query"
POPULAR_DAYS = 30
POPULAR_LIMIT = 6
# A query shown to everyone as "popular" must have been searched several times, each time with
# results: one person's query never surfaces, nor a query that found nothing for someone (it
# may be about content only some people can see).
POPULAR_MIN_SEARCHES = 3
POPULAR_CACHE = "search-popular"
POPULAR_CACHE_SECONDS = 10 * 60


def normalise(text: str) -> str:
    """The form a query is counted under: Wagtail's (lowercase, single spaces, 255 chars)."""
    return normalise_query_string(" ".join(clean(text).split()))


def record_search(request, text: str, *, found: bool) -> bool:
    """Count one search of `text`; False when it is not counted (empty, or a repeat)."""
    query = normalise(text)
    if not query:
        return False
    session = getattr(request, "session", None)
    if session is not None:
        if session.get(LAST_QUERY_SESSION_KEY) == query:
            return False
        session[LAST_QUERY_SESSION_KEY] = query
    try:
        with transaction.atomic():
            Query.get(query).add_hit()
            count_search(query, found=found)
    except DatabaseError:
        # Analytics never cost the user their results.
        logger.exception("search analytics: could not count the query %r", query)
        return False
    return True


def count_search(query: str, *, found: bool, day: datetime.date | None = None) -> None:
    day = day or timezone.localdate()
    increments = {"searches": F("searches") + 1}
    if not found:
        increments["zero_result_searches"] = F("zero_result_searches") + 1
    rows = SearchQueryDay.objects.filter(query=query, date=day)
    if rows.update(**increments):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(
                query=query, date=day, searches=1, zero_result_searches=0 if found else 1
            )
    except IntegrityError:
        # Another request created the row between our update and our insert.
        rows.update(**increments)


def query_totals(since: datetime.date, until: datetime.date):
    """One row per query over the period: query, total_searches, total_zero_results."""
    return (
        SearchQueryDay.objects.filter(date__gte=since, date__lte=until)
        .values("query")
        .annotate(
            total_searches=Sum("searches"),
            total_zero_results=Sum("zero_result_searches"),
        )
    )


def popular_queries(limit: int = POPULAR_LIMIT, today: datetime.date | None = None) -> list[str]:
    """The most searched queries of the last 30 days that always found something."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=POPULAR_DAYS - 1)

    def compute():
        rows = (
            query_totals(since, today)
            .filter(total_zero_results=0, total_searches__gte=POPULAR_MIN_SEARCHES)
            .order_by("-total_searches", "query")[:limit]
        )
        return [row["query"] for row in rows]

    return cached(
        POPULAR_CACHE, f"{today:%Y-%m-%d}:{limit}", compute, timeout=POPULAR_CACHE_SECONDS
    )
