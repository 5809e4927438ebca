"""The site map lists the live pages a user may view: a members-only group's pages are
hidden from people outside it, in a bounded number of queries."""

import html

from django.utils.html import strip_tags

from wagtail.models import Site

from legal.sitemap import MAX_DEPTH, sitemap_for
from tests.factories import ContentPageFactory, NewsPageFactory


def sitemap_text(client) -> str:
    response = client.get("/plan-du-site/")
    assert response.status_code == 200
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def test_member_sees_the_private_group_pages(client, member, private_group, legal_pages):
    client.force_login(member)
    text = sitemap_text(client)
    assert "Référents Justice" in text
    assert "Nouvelle confidentielle" in text
    assert "Déclaration d'accessibilité" in text


def test_someone_outside_the_group_does_not_see_its_pages(client, outsider, private_group):
    client.force_login(outsider)
    text = sitemap_text(client)
    assert "Plan du site" in text
    assert "Référents Justice" not in text
    assert "Nouvelle confidentielle" not in text
    assert "Réunion confidentielle" not in text


def test_drafts_are_not_listed(professional_client, home_page):
    ContentPageFactory(parent=home_page, title="Brouillon caché", live=False)
    assert "Brouillon caché" not in sitemap_text(professional_client)


def test_depth_is_bounded(professional_client, home_page):
    parent = home_page
    for level in range(1, MAX_DEPTH + 2):
        parent = ContentPageFactory(parent=parent, title=f"Niveau {level}", slug=f"niveau-{level}")
    text = sitemap_text(professional_client)
    assert f"Niveau {MAX_DEPTH}" in text
    assert f"Niveau {MAX_DEPTH + 1}" not in text


def test_tree_is_nested_under_its_sections(professional, news_index):
    NewsPageFactory(parent=news_index, title="Une actualité")
    tree = sitemap_for(professional, Site.objects.get(is_default_site=True))
    section = next(node for node in tree if node.url == news_index.url)
    assert [child.title for child in section.children] == ["Une actualité"]


def test_queries_do_not_grow_with_the_pages(
    professional_client, news_index, django_assert_max_num_queries
):
    professional_client.get("/plan-du-site/")  # sessions, settings and caches warmed up
    for number in range(30):
        NewsPageFactory(parent=news_index, title=f"Actualité {number}")
    with django_assert_max_num_queries(12):
        text = sitemap_text(professional_client)
    assert "Actualité 29" in text
