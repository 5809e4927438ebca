from django.core.cache import cache

import pytest

from home.models import HomePage
from tests.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProfileFactory,
    UserFactory,
)


@pytest.fixture
def home_page(db):
    """The home page created by home's data migration, root of the default site."""
    return HomePage.objects.get()


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def site_pages(home_page, news_index, event_index):
    """One page of every type, published."""
    return {
        "home": home_page,
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, title="Ouverture de l'intranet"),
        "event_index": event_index,
        "event": EventPageFactory(parent=event_index, title="Comité des directions"),
        "content": ContentPageFactory(parent=home_page, title="Le réseau", slug="le-reseau"),
    }


@pytest.fixture
def professional(db):
    return ProfileFactory(user=UserFactory(username="professionnel", first_name="Thomas")).user


@pytest.fixture
def professional_client(client, professional):
    client.force_login(professional)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages, restrictions and permissions must not leak from one test to the next
    (a rolled-back test sends no invalidation signal)."""
    cache.clear()
    yield
    cache.clear()
