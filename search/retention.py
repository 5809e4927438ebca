"""Search logs kept no longer than the retention period (operations/retention.py).

They hold no personal data: daily counts per normalised query (ours, SearchQueryDay, and
Wagtail's QueryDailyHits behind the editors' promotions), with no user, address or session.
A query typed by someone may still name a person, so they are purged like personal data.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchQueryDay


def query_days(cutoff):
    return SearchQueryDay.objects.filter(date__lt=cutoff)


def wagtail_query_hits(cutoff):
    return QueryDailyHits.objects.filter(date__lt=cutoff)


def forgotten_queries(cutoff):
    """Queries left with no recent hit and no editors' promotion (their text goes too)."""
    recent = Q(daily_hits__date__gte=cutoff)
    return Query.objects.exclude(recent).filter(editors_picks__isnull=True)


PURGES = [
    (_("Daily search counts"), query_days),
    (_("Wagtail's daily query hits"), wagtail_query_hits),
    (_("Queries searched only before the period"), forgotten_queries),
]
