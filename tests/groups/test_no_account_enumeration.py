"""No form tells whether an email has an account: adding a member, asking for a new password
and asking to join a group answer alike for existing and unknown people."""

import re

from django.contrib.messages import get_messages

import pytest

from groups.models import Membership
from groups.services import membership_add

from .conftest import make_person

ADD_ANSWER = (
    "Si un compte actif correspond à « {person} », cette personne est désormais membre du groupe"
    " et figure dans la liste des membres."
)


def _add(client, group, person):
    response = client.post(f"/reseau/groupes/{group.pk}/membres/ajouter/", {"person": person})
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    return response, shown


@pytest.fixture
def known(db):
    return make_person("connue", email="connue@trame.example")


@pytest.mark.parametrize(
    "case", ["account", "no account", "inactive account", "already a member", "already lead"]
)
def test_adding_a_member_answers_alike_whoever_the_email_is(client, open_group, lead, case):
    email = "quelquun@trame.example"
    if case != "no account":
        person = make_person("quelquun", email=email, is_active=case != "inactive account")
        if case == "already a member":
            membership_add(group=open_group, user=person)
        if case == "already lead":
            membership_add(group=open_group, user=person, role=Membership.Role.LEAD)
    client.force_login(lead)

    response, shown = _add(client, open_group, email)

    assert response.status_code == 302
    assert response["Location"] == f"{open_group.url}#membres"
    assert shown == [ADD_ANSWER.format(person=email)]


def test_the_add_member_answer_differs_only_by_the_typed_text(client, open_group, lead, known):
    client.force_login(lead)

    _, with_account = _add(client, open_group, known.email)
    _, without_account = _add(client, open_group, "inconnue@trame.example")

    # Messages pile up in the session until a page shows them: compare the latest one.
    assert with_account[-1].replace(known.email, "X") == without_account[-1].replace(
        "inconnue@trame.example", "X"
    )
    assert Membership.objects.filter(group=open_group, user=known).exists()


def _without_tokens(response) -> str:
    return re.sub(r'value="[^"]{40,}"', "", response.content.decode())


def test_the_password_reset_answers_alike_for_known_and_unknown_emails(client, known):
    with_account = client.post("/mot-de-passe/oubli/", {"email": known.email})
    without_account = client.post("/mot-de-passe/oubli/", {"email": "inconnue@trame.example"})

    assert with_account.status_code == without_account.status_code == 302
    assert with_account["Location"] == without_account["Location"]
    assert _without_tokens(client.get(with_account["Location"])) == _without_tokens(
        client.get(without_account["Location"])
    )


def test_joining_a_hidden_group_answers_like_a_group_that_does_not_exist(
    client, private_group, outsider
):
    client.force_login(outsider)

    hidden = client.post(f"/reseau/groupes/{private_group.pk}/rejoindre/")
    missing = client.post("/reseau/groupes/987654/rejoindre/")

    assert hidden.status_code == missing.status_code == 404
    assert not private_group.join_requests.exists()
