"""The caches behind every page never show stale content or stale access rights."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from home.models import SiteIdentitySettings
from home.roles import editors_group_sync
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def html(client, url="/"):
    return client.get(url).content.decode()


def test_a_new_restriction_and_membership_apply_at_once(
    professional_client, professional, site_pages
):
    news = site_pages["news"]
    news.title = "Compte rendu du groupe"
    news.save_revision().publish()
    assert news.title in html(professional_client)
    assert professional_client.get(news.url).status_code == 200

    group = Group.objects.create(name="GT référents handicap")
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    assert news.title not in html(professional_client)
    assert news.title not in html(professional_client, "/actualites/")
    assert professional_client.get(news.url).status_code != 200

    professional.groups.add(group)
    assert news.title in html(professional_client)
    assert professional_client.get(news.url).status_code == 200

    professional.groups.remove(group)
    assert news.title not in html(professional_client)
    assert professional_client.get(news.url).status_code != 200


def test_published_and_unpublished_news_show_at_once(professional_client, site_pages):
    html(professional_client)  # fills the dashboard cache
    fresh = NewsPageFactory(parent=site_pages["news_index"], title="Nouvelle toute fraîche")
    assert "Nouvelle toute fraîche" in html(professional_client)
    fresh.unpublish()
    assert "Nouvelle toute fraîche" not in html(professional_client)


def test_navigation_follows_the_site_setting(professional_client, site_pages, home_page):
    html(professional_client)
    identity = SiteIdentitySettings.for_site(home_page.get_site())
    identity.main_navigation = [("link", {"page": site_pages["content"], "label": "Notre réseau"})]
    identity.footer_text = "Réservé aux équipes du réseau."
    identity.save()
    page = html(professional_client)
    assert '<a href="/le-reseau/">Notre réseau</a>' in page
    assert "<p>Réservé aux équipes du réseau.</p>" in page


def test_admin_link_appears_when_a_user_becomes_editor(
    professional_client, professional, site_pages
):
    assert "Administration" not in html(professional_client)
    professional.groups.add(editors_group_sync())
    assert "Administration" in html(professional_client)


def test_my_groups_panel_follows_memberships(professional_client, professional, home_page):
    from groups.services import membership_add, membership_remove
    from tests.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), title="Référents handicap"
    )
    assert "Référents handicap" not in html(professional_client)
    membership_add(group=group, user=professional)
    assert "Référents handicap" in html(professional_client)
    membership_remove(group=group, user=professional)
    assert "Référents handicap" not in html(professional_client)
