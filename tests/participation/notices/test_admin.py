"""The « À lire » admin: editors create from a page's admin, bad input is refused in
French, people without the permission never reach it."""

import pytest

from participation.notices.models import MustRead
from tests.factories import ResourcePageFactory

from .conftest import in_days

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/participation_notices/mustread/add/"


def test_a_page_admin_offers_to_mark_it_and_the_form_starts_with_the_page(client, editor, resource):
    client.force_login(editor)

    edit = client.get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    form = client.get(f"{ADD_URL}?page={resource.pk}")

    assert f"{ADD_URL}?page={resource.pk}" in edit
    assert form.status_code == 200
    assert form.context["form"].initial["page"] == resource.pk


def test_a_draft_page_and_a_past_deadline_are_refused_in_french(client, editor, resource):
    draft = ResourcePageFactory(parent=resource.get_parent(), title="Brouillon", live=False)
    client.force_login(editor)

    response = client.post(
        ADD_URL, {"page": draft.pk, "message": "À lire", "deadline": in_days(-1).isoformat()}
    )

    errors = response.context["form"].errors
    assert errors["page"] == ["Cette page n'est pas publiée : personne ne pourrait la lire."]
    assert errors["deadline"] == ["La date limite ne peut pas être passée."]
    assert not MustRead.objects.exists()


def test_the_listing_links_each_notice_to_its_reach(client, editor, resource):
    notice = MustRead.objects.create(page=resource, message="À lire", deadline=in_days(3))
    client.force_login(editor)

    listing = client.get("/admin/snippets/participation_notices/mustread/").content.decode()

    assert f"/admin/a-lire/{notice.pk}/lecture/" in listing
    assert "Tout le réseau" in listing
