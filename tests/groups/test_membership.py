"""Leads run their group from its page: join requests, adding, removing, promoting."""

import pytest

from groups.models import JoinRequest, Membership
from groups.services import MembershipError, membership_add, membership_remove

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_removing_the_last_lead_is_refused_with_a_french_message(client, open_group, lead):
    client.force_login(lead)
    response = client.post(
        f"/reseau/groupes/{open_group.pk}/membres/{lead.pk}/retirer/", follow=True
    )
    assert "est la dernière personne à animer ce groupe" in response.content.decode()
    assert Membership.objects.filter(group=open_group, user=lead, role="lead").exists()
    with pytest.raises(MembershipError):
        membership_remove(group=open_group, user=lead)


def test_leaving_as_the_last_lead_is_refused(client, open_group, lead):
    client.force_login(lead)
    client.post(f"/reseau/groupes/{open_group.pk}/quitter/")
    assert Membership.objects.filter(group=open_group, user=lead).exists()


def test_join_request_approved_by_a_lead(client, open_group, lead, outsider):
    client.force_login(outsider)
    for _ in range(2):  # a double submission makes one request
        response = client.post(f"/reseau/groupes/{open_group.pk}/rejoindre/", follow=True)
    assert JoinRequest.objects.filter(group=open_group, user=outsider).count() == 1
    assert "Votre demande a été transmise" in response.content.decode()

    client.force_login(lead)
    page = client.get(open_group.url).content.decode()
    assert "Léa Petit" in page and "Demandes d’adhésion" in page
    join_request = JoinRequest.objects.get()
    for _ in range(2):
        client.post(
            f"/reseau/groupes/{open_group.pk}/demandes/{join_request.pk}/",
            {"decision": "approve"},
        )
    assert Membership.objects.filter(group=open_group, user=outsider, role="member").count() == 1
    assert outsider.groups.filter(pk=open_group.members_group_id).exists()


def test_join_request_refused_by_a_lead(client, open_group, lead, outsider):
    client.force_login(outsider)
    client.post(f"/reseau/groupes/{open_group.pk}/rejoindre/")
    client.force_login(lead)
    join_request = JoinRequest.objects.get()
    client.post(
        f"/reseau/groupes/{open_group.pk}/demandes/{join_request.pk}/", {"decision": "refuse"}
    )
    join_request.refresh_from_db()
    assert join_request.status == "refused"
    assert not Membership.objects.filter(group=open_group, user=outsider).exists()


def test_members_only_groups_take_no_join_request(client, private_group, outsider):
    client.force_login(outsider)
    response = client.post(f"/reseau/groupes/{private_group.pk}/rejoindre/")
    assert response.status_code == 404
    assert not JoinRequest.objects.exists()


def test_a_lead_adds_promotes_and_removes_a_member(client, open_group, lead, outsider):
    client.force_login(lead)
    client.post(f"/reseau/groupes/{open_group.pk}/membres/ajouter/", {"person": outsider.email})
    assert Membership.objects.filter(group=open_group, user=outsider).exists()

    client.post(f"/reseau/groupes/{open_group.pk}/membres/{outsider.pk}/role/", {"role": "lead"})
    assert outsider.groups.filter(pk=open_group.leads_group_id).exists()
    assert open_group.permissions_for_user(outsider).can_publish_subpage()

    # With two leads, the first one may step down and the second remove them.
    client.post(f"/reseau/groupes/{open_group.pk}/membres/{lead.pk}/role/", {"role": "member"})
    assert not lead.groups.filter(pk=open_group.leads_group_id).exists()
    client.force_login(outsider)
    client.post(f"/reseau/groupes/{open_group.pk}/membres/{lead.pk}/retirer/")
    assert not Membership.objects.filter(group=open_group, user=lead).exists()
    assert not lead.groups.filter(pk=open_group.members_group_id).exists()


def test_adding_an_unknown_person_adds_no_one(client, open_group, lead):
    client.force_login(lead)
    response = client.post(
        f"/reseau/groupes/{open_group.pk}/membres/ajouter/", {"person": "personne"}, follow=True
    )
    assert "Si un compte actif correspond à « personne »" in response.content.decode()
    assert list(open_group.memberships.values_list("user", flat=True)) == [lead.pk]


def test_a_plain_member_may_not_manage(client, open_group, member, outsider):
    membership_add(group=open_group, user=member)
    client.force_login(member)
    response = client.post(
        f"/reseau/groupes/{open_group.pk}/membres/ajouter/", {"person": outsider.username}
    )
    assert response.status_code == 403
    assert "Ajouter un membre" not in client.get(open_group.url).content.decode()


def test_actions_need_post(client, open_group, lead):
    client.force_login(lead)
    assert client.get(f"/reseau/groupes/{open_group.pk}/quitter/").status_code == 405


def test_a_member_leaves(client, open_group, member):
    membership_add(group=open_group, user=member)
    client.force_login(member)
    client.post(f"/reseau/groupes/{open_group.pk}/quitter/")
    assert not Membership.objects.filter(group=open_group, user=member).exists()
    assert not member.groups.filter(pk=open_group.members_group_id).exists()


def test_sync_is_idempotent(open_group):
    from django.contrib.auth.models import Group

    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Workflow,
    )

    from groups.services import working_group_sync

    def counts():
        return [
            model.objects.count()
            for model in (
                Group,
                Collection,
                GroupPagePermission,
                GroupCollectionPermission,
                Workflow,
            )
        ]

    before = counts()
    working_group_sync(group=open_group)
    working_group_sync(group=open_group)
    assert counts() == before


def test_a_member_deposits_a_document_in_the_group_space(client, private_group, member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model

    client.force_login(member)
    response = client.post(
        f"/reseau/groupes/{private_group.pk}/documents/",
        {"title": "Relevé de décisions", "file": SimpleUploadedFile("releve.txt", b"Decisions")},
        follow=True,
    )
    assert "« Relevé de décisions » est dans les documents du groupe." in response.content.decode()
    document = get_document_model().objects.get(title="Relevé de décisions")
    assert document.collection_id == private_group.collection_id
    assert document.uploaded_by_user == member
    assert "Relevé de décisions" in client.get(private_group.url).content.decode()


def test_a_non_member_may_not_deposit_and_bad_files_are_refused(
    client, open_group, outsider, member
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model

    client.force_login(outsider)
    response = client.post(
        f"/reseau/groupes/{open_group.pk}/documents/",
        {"title": "Intrus", "file": SimpleUploadedFile("intrus.txt", b"x")},
    )
    assert response.status_code == 403
    assert not get_document_model().objects.filter(title="Intrus").exists()

    membership_add(group=open_group, user=member)
    client.force_login(member)
    response = client.post(
        f"/reseau/groupes/{open_group.pk}/documents/",
        {"title": "Programme", "file": SimpleUploadedFile("programme.exe", b"MZ")},
        follow=True,
    )
    assert "Le document n’a pas été enregistré" in response.content.decode()
    assert not get_document_model().objects.filter(title="Programme").exists()


def test_leads_are_emailed_about_a_join_request(
    client, open_group, lead, outsider, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(outsider)
    url = f"/reseau/groupes/{open_group.pk}/rejoindre/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"message": "Je suis référente."})
        client.post(url)  # asked twice, told once
    (message,) = mail.outbox
    assert message.to == [lead.email]
    assert message.subject == "Léa Petit demande à rejoindre « Référents entreprises »"
    assert "Je suis référente." in message.body
    assert f"http://testserver{open_group.url}#membres" in message.body
