from django.db import connection

import pytest

from home.models import NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index):
    NewsPageFactory(parent=news_index, title="Une équipe renforcée", summary="Sécurité au travail")
    NewsPageFactory(parent=news_index, title="Programme de formation", summary="Calendrier 2025")


def titles(query):
    return {page.title for page in NewsPage.objects.live().search(query)}


def test_accents_are_ignored(news):
    assert titles("equipe") == {"Une équipe renforcée"}
    assert titles("Securite") == {"Une équipe renforcée"}


def test_plural_finds_singular_on_postgresql(news):
    if connection.vendor != "postgresql":
        pytest.skip("Wagtail's own backend stems French only on PostgreSQL (french_unaccent); "
                    "Trame's engine stems on SQLite too (tests/search/behaviour.py)")  # fmt: skip
    assert titles("formations") == {"Programme de formation"}
