"""A professional comments on a resource and mentions a colleague through the autocompletion,
with the keyboard; the colleague is notified."""

import re

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from resources.models import ResourcePage

pytestmark = pytest.mark.browser

RESOURCE = "Fiche pratique : la comptabilité analytique pas à pas"  # resources/demo.py
COLLEAGUE = "animateur"  # Nadia Benali, ML Dijon (groups/demo.py)


def test_a_comment_with_a_mention_notifies_the_colleague(
    logged_in_page, demo_site, assert_accessible
):
    page = logged_in_page
    resource = ResourcePage.objects.get(title=RESOURCE)
    page.goto(f"{demo_site.url}{resource.url}")

    field = page.get_by_label("Votre commentaire")
    field.press_sequentially("Très claire, merci. @Benal")
    option = page.get_by_role("option", name=re.compile("Nadia Benali"))
    option.wait_for()
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    field.press("Enter")
    assert field.input_value() == "Très claire, merci. @animateur "
    field.press_sequentially("tu l'as présentée au groupe ?")
    with page.expect_navigation():
        page.get_by_role("button", name="Publier le commentaire").click()

    section = page.locator("#commentaires")
    assert section.get_by_text("Très claire, merci.").is_visible()
    assert section.get_by_role("link", name="@Nadia Benali").is_visible()
    notification = Notification.objects.get(
        recipient__username=COLLEAGUE, kind=NotificationKind.MENTION, message__contains=RESOURCE
    )
    assert notification.actor.username == "professionnel"
    assert_accessible(page, "une ressource et ses commentaires")
