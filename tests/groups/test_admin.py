import pytest

from groups.models import Thematic
from tests.factories import ThematicFactory, ThematicHubPageFactory, ThematicIndexPageFactory

pytestmark = pytest.mark.django_db


def test_a_thematic_with_its_page_is_not_deleted_and_the_editor_is_told_why(
    client, home_page, editor
):
    justice = ThematicFactory(name="Justice", slug="justice")
    ThematicHubPageFactory(parent=ThematicIndexPageFactory(parent=home_page), thematic=justice)
    client.force_login(editor)

    response = client.post(f"/admin/snippets/groups/thematic/delete/{justice.pk}/", follow=True)

    assert response.status_code == 200
    assert "« Justice » a sa propre page thématique : supprimez d’abord cette page." in (
        response.content.decode()
    )
    assert Thematic.objects.filter(pk=justice.pk).exists()


def test_a_thematic_without_a_page_is_deleted(client, editor):
    thematic = ThematicFactory(name="Santé", slug="sante")
    client.force_login(editor)

    client.post(f"/admin/snippets/groups/thematic/delete/{thematic.pk}/")

    assert not Thematic.objects.filter(pk=thematic.pk).exists()
