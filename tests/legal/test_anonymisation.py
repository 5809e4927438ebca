"""Anonymising a departed person from the admin: a preview first, a confirmation, then the
personal fields erased, the account closed, the content kept and signed « ancien·ne membre »,
the operation logged."""

import html
import os

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.html import strip_tags

import pytest

from groups.follows import follow_set
from groups.models import Follow, Membership
from legal.anonymisation import FORMER_MEMBER, anonymise
from legal.models import AnonymisationRecord
from tests.factories import ContentPageFactory, TOTPDeviceFactory, UserFactory


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def departed(member, private_group, justice, home_page):
    profile = member.profile
    profile.phone = "03 81 11 22 33"
    profile.bio = "Référent justice depuis 2019."
    profile.job_title = "Conseiller"
    profile.photo.save("paul.jpg", ContentFile(b"photo"), save=True)
    follow_set(user=member, thematic=justice, follow=True)
    TOTPDeviceFactory(user=member)
    member.authored = ContentPageFactory(
        parent=home_page, title="Guide de l'accueil", slug="guide-accueil",
        owner=member, content_owner=member,
    )  # fmt: skip
    return member


def test_preview_lists_what_changes_and_changes_nothing(client, editor, departed):
    client.force_login(editor)
    response = client.get(f"/admin/anonymisation/{departed.pk}/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Ce qui va changer pour Paul Durand (membre)" in text
    assert "Rien n'a encore été modifié." in text
    for label in ("prénom", "nom", "adresse électronique", "téléphone", "photo"):
        assert label in text
    assert "adhésions à des groupes de travail : 1" in text
    assert "1 page reste en ligne, signée « ancien·ne membre »." in text
    departed.refresh_from_db()
    assert departed.is_active and departed.first_name == "Paul"
    assert not AnonymisationRecord.objects.exists()


def test_confirmation_is_required(client, editor, departed):
    client.force_login(editor)
    response = client.post(f"/admin/anonymisation/{departed.pk}/", {})
    assert response.status_code == 400
    assert "Cochez la case pour confirmer l'anonymisation." in text_of(response)
    departed.refresh_from_db()
    assert departed.is_active


def test_confirmed_anonymisation_erases_closes_keeps_and_logs(client, editor, departed):
    photo_path = departed.profile.photo.path
    client.force_login(editor)
    response = client.post(f"/admin/anonymisation/{departed.pk}/", {"confirm": "on"}, follow=True)
    assert "Le compte a été anonymisé" in text_of(response)

    person = get_user_model().objects.get(pk=departed.pk)
    assert person.get_full_name() == FORMER_MEMBER
    assert person.email == ""
    assert person.username == f"ancien-membre-{person.pk}"
    assert not person.is_active and not person.has_usable_password()
    profile = person.profile
    assert (profile.phone, profile.bio, profile.job_title, profile.photo.name) == ("", "", "", "")
    assert not Membership.objects.filter(user=person).exists()
    assert not Follow.objects.filter(user=person).exists()
    assert not person.groups.exists()
    assert not os.path.exists(photo_path)
    record = AnonymisationRecord.objects.get()
    assert record.account_id == person.pk and record.performed_by == editor
    assert "Paul" not in str(record.erased)


def test_authored_page_still_renders_signed_former_member(
    client, editor, departed, professional_client
):
    client.force_login(editor)
    client.post(f"/admin/anonymisation/{departed.pk}/", {"confirm": "on"})
    response = professional_client.get("/guide-accueil/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Guide de l'accueil" in text
    assert "Contenu suivi par ancien·ne membre" in text
    assert "Paul" not in text and "Durand" not in text


def test_the_anonymised_person_can_no_longer_log_in(client, editor, departed):
    anonymise(person=departed, actor=editor)
    assert not client.login(username="membre", password="mot-de-passe-de-test")


def test_search_finds_the_person_and_the_admin_link(client, editor, departed):
    client.force_login(editor)
    response = client.get("/admin/anonymisation/", {"q": "Durand"})
    assert response.status_code == 200
    assert f"/admin/anonymisation/{departed.pk}/" in response.content.decode()


def test_professionals_may_not_anonymise(professional_client, departed):
    response = professional_client.post(f"/admin/anonymisation/{departed.pk}/", {"confirm": "on"})
    assert response.status_code in (302, 403)
    departed.refresh_from_db()
    assert departed.is_active


def test_an_editor_may_not_anonymise_an_administrator_or_themself(client, editor):
    admin = UserFactory(username="chef", is_superuser=True, is_staff=True)
    client.force_login(editor)
    for person in (admin, editor):
        response = client.post(f"/admin/anonymisation/{person.pk}/", {"confirm": "on"})
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.is_active
    assert not AnonymisationRecord.objects.exists()
