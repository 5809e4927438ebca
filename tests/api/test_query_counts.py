"""A list costs the same number of queries whatever the number of items it shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.api.conftest import token_client
from tests.factories import NewsPageFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    client.get(url)  # warms the caches (site, restrictions), as any earlier request would
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", ["/api/v1/news/", "/api/v1/pages/", "/api/v1/people/"])
def test_list_queries_do_not_grow_with_the_items(news_index, professional, url):
    client, _ = token_client(professional)
    NewsPageFactory(parent=news_index)
    ProfileFactory(user=UserFactory())
    few = queries_for(client, url)
    for _ in range(8):
        NewsPageFactory(parent=news_index)
        ProfileFactory(user=UserFactory())
    assert queries_for(client, url) == few
