"""After the index changes, the most searched queries are computed again by a task for the
lock sets of recent searches: the next person to search finds them ready, and current."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from home.caching import namespace_invalidate
from search.analytics import POPULAR_CACHE
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.models import SearchQueryDay, synonym_table
from search.query import parse
from tests.search.committed.seen import SHARED

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def statements_of(user, text) -> tuple[list[str], list[str]]:
    """The engine's statements for this search, and the titles it shows."""
    request = SearchRequest(query=parse(text, synonym_table()))
    with CaptureQueriesContext(connection) as queries:
        results = DatabaseEngine().search(request, user)
    return [query["sql"] for query in queries.captured_queries], [h.title for h in results.hits]


def test_a_publication_warms_the_most_searched_queries(site, public_page):
    SearchQueryDay.objects.create(query=SHARED, date=timezone.localdate(), searches=12)
    namespace_invalidate(POPULAR_CACHE)  # the popular queries are read again, as 10 min later
    member = site.visitor("membre")
    assert len(member.search(SHARED).titles) == 2  # this lock set is now a recent one
    admin = site.visitor("admin")
    title = "Kaléidoscope des pratiques"
    page = site.resource(site.library, title, f"Une {SHARED} de plus.", live=False)
    site.tasks.settle()

    admin.submit(f"/admin/pages/{page.pk}/edit/", "#page-edit-form", button=("action-publish", "1"))

    statements, titles = statements_of(get_user_model().objects.get(username="membre"), SHARED)
    assert title in titles
    assert not any("WITH m AS" in sql for sql in statements)  # computed by the task
    assert len(member.search(SHARED).titles) == 3
