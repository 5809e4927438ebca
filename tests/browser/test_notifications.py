"""Notifications in the browser: the bell's count, the list, « Tout marquer comme lu », the
preferences page; both pages without serious accessibility violations."""

import re

import pytest

from participation.views.notifications import PAGE_SIZE
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_bell_the_list_and_marking_all_read(page, demo_site, assert_accessible):
    # The demo addresses a news item to the network's advisers: Thomas is one of them.
    log_in(page, demo_site.url)
    bell = page.get_by_role("link", name=re.compile(r"^Notifications, \d+ non lues?$"))
    assert bell.count() == 1
    count = int(bell.locator(".notification-bell__count").inner_text())
    assert count >= 1

    bell.click()
    page.wait_for_url(f"{demo_site.url}/notifications/")
    assert page.get_by_role("heading", level=1, name="Mes notifications").is_visible()
    news = page.get_by_role("link", name=re.compile("^Une actualité pour vous : Conseillers"))
    assert news.count() == 1
    # The list shows twenty at a time, newest first: the rest are on the next page.
    first_page = min(count, PAGE_SIZE)
    assert page.locator(".notification--unread").count() == first_page
    if count > PAGE_SIZE:
        page.get_by_role("link", name="Suivante").click()
        page.wait_for_load_state()
        assert page.locator(".notification--unread").count() == min(count - PAGE_SIZE, PAGE_SIZE)
        page.get_by_role("link", name="Précédente").click()
        page.wait_for_load_state()
    assert_accessible(page, "Mes notifications")

    page.get_by_role("button", name="Tout marquer comme lu").click()
    page.wait_for_load_state()
    assert page.get_by_text("Toutes vos notifications sont marquées comme lues.").is_visible()
    assert page.locator(".notification--unread").count() == 0
    assert page.get_by_role("link", name=re.compile("non lue")).count() == 0
    assert page.get_by_role("link", name="Notifications", exact=True).count() == 1


def test_the_preferences_page_is_accessible_and_saves(page, demo_site, assert_accessible):
    log_in(page, demo_site.url)
    page.goto(f"{demo_site.url}/notifications/preferences/")
    assert_accessible(page, "Mes préférences de notification")

    page.get_by_role("group", name="Une actualité qui m'est adressée").get_by_label(
        "Par courriel, tout de suite"
    ).check()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("Vos préférences de notification sont enregistrées.").is_visible()
    assert (
        page.get_by_role("group", name="Une actualité qui m'est adressée")
        .get_by_label("Par courriel, tout de suite")
        .is_checked()
    )
