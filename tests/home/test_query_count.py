from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

MAX_HOME_QUERIES = 15


def count_home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_home_page_query_count_stays_small_and_flat(professional_client, site_pages, settings):
    settings.DEMO_PASSWORD = "x"
    count_home_queries(professional_client)  # warm the per-process caches (site root paths)
    few = count_home_queries(professional_client)
    for n in range(20):
        NewsPageFactory(parent=site_pages["news_index"], title=f"Nouvelle {n}")
        EventPageFactory(parent=site_pages["event_index"], title=f"Rendez-vous {n}")
    count_home_queries(professional_client)
    many = count_home_queries(professional_client)
    assert few <= MAX_HOME_QUERIES
    assert many == few
