"""Restricted pages never show up for users outside the restriction."""

from django.contrib.auth.models import Group
from django.utils.html import strip_tags

from wagtail.models import PageViewRestriction

import pytest

from home.models import NewsPage
from tests.factories import NewsPageFactory, UserFactory
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_news(news_index):
    page = NewsPageFactory(parent=news_index, title="Compte rendu confidentiel")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="GT référents Justice"))
    return page


@pytest.fixture
def member(db):
    user = UserFactory(username="membre")
    user.groups.add(Group.objects.get(name="GT référents Justice"))
    return user


def test_non_member_sees_it_nowhere(professional_client, private_news, event_index):
    rebuild_search_index()
    for url in ["/", "/actualites/", "/recherche/?q=confidentiel"]:
        page = strip_tags(professional_client.get(url).content.decode())
        assert "Compte rendu confidentiel" not in page
    response = professional_client.get(private_news.url)
    assert response.status_code in (302, 403, 404)
    assert "Compte rendu confidentiel" not in response.content.decode()


def test_member_sees_it_in_listings_and_on_its_page(client, private_news, member, event_index):
    rebuild_search_index()
    client.force_login(member)
    for url in ["/", "/actualites/", "/recherche/?q=confidentiel", private_news.url]:
        # Tags stripped: search results mark the matched words.
        assert "Compte rendu confidentiel" in strip_tags(client.get(url).content.decode()), url


def test_visible_to_queryset(private_news, professional, member):
    assert not NewsPage.objects.visible_to(professional).filter(pk=private_news.pk).exists()
    assert NewsPage.objects.visible_to(member).filter(pk=private_news.pk).exists()


def test_unpublished_pages_are_never_listed(professional_client, news_index):
    draft = NewsPageFactory(parent=news_index, title="Brouillon de note", live=False)
    assert (
        not NewsPage.objects.visible_to(draft.owner or UserFactory()).filter(pk=draft.pk).exists()
    )
    assert "Brouillon de note" not in professional_client.get("/actualites/").content.decode()
