from io import StringIO

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

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
from tests.transactional import is_transactional, restore_migrated_data


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


@pytest.fixture(scope="module", autouse=True)
def _restore_migrated_data_after_transactional_tests(request, django_db_blocker):
    """A transactional test ends with a flush: after a module that has one, put back what the
    migrations created, for the modules that come next on this worker (pytest-xdist sends
    whole files to each worker, transactional or not, in any order)."""
    yield
    module_items = [item for item in request.session.items if item.module is request.module]
    if any(is_transactional(item) for item in module_items):
        with django_db_blocker.unblock():
            restore_migrated_data()


DEMO_PASSWORD = "mot-de-passe-demo"


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker):
    """The demo (`seed_demo`), built once for a whole module of tests, since building it
    takes a quarter of a minute. It lives inside a transaction rolled back after the
    module; each test runs in a savepoint inside it, so its own changes are undone and the
    next test finds the demo as it was built."""
    with (
        django_db_blocker.unblock(),
        override_settings(DEMO_PASSWORD=DEMO_PASSWORD),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_client(demo_network, db, client):
    """A client logged in as the demo's professional (Thomas)."""
    client.force_login(get_user_model().objects.get(username="professionnel"))
    return client
