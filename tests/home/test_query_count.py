from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import EventIndexPage, NewsIndexPage
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

MAX_HOME_QUERIES = 15


def count_queries(client, url):
    client.get(url)  # the first request fills per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_news_and_events(count):
    news_index, event_index = NewsIndexPage.objects.get(), EventIndexPage.objects.get()
    for n in range(count):
        NewsPageFactory(parent=news_index, title=f"Nouvelle {n}")
        EventPageFactory(parent=event_index, title=f"Rendez-vous {n}")


def test_home_page_needs_few_queries_whatever_the_amount_of_content(demo_client):
    before = count_queries(demo_client, "/")
    add_news_and_events(30)
    assert before <= MAX_HOME_QUERIES
    assert count_queries(demo_client, "/") == before


@pytest.mark.parametrize("url", ["/le-reseau/", "/actualites/", "/agenda/", "/agenda/ical/"])
def test_other_pages_do_not_query_per_item(demo_client, url):
    before = count_queries(demo_client, url)
    add_news_and_events(30)
    assert count_queries(demo_client, url) == before
