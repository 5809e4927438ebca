from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupCollectionPermission, GroupPagePermission

import pytest

from home.roles import EDITORS_GROUP_NAME, editors_group_sync
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_sync_is_idempotent():
    editors_group_sync()
    counts = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    call_command("sync_roles", stdout=StringIO())
    assert (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    ) == counts
    assert Group.objects.filter(name=EDITORS_GROUP_NAME).count() == 1


def test_an_editor_may_edit_and_publish_pages_but_a_professional_may_not(home_page, client):
    editor = UserFactory(username="editrice")
    editor.groups.add(editors_group_sync())
    professional = UserFactory(username="conseiller")
    assert home_page.permissions_for_user(editor).can_publish()
    assert home_page.permissions_for_user(editor).can_add_subpage()
    assert not home_page.permissions_for_user(professional).can_edit()
    client.force_login(editor)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert '<html lang="fr"' in admin.content.decode()
    assert "Tableau de bord" in admin.content.decode()
    client.force_login(professional)
    assert client.get("/admin/").status_code == 302
