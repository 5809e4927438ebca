"""IDs in the URLs and forms of the working groups and the directory: a number the databases
cannot store (20 digits made SQLite raise OverflowError), a negative one or a word is a 404
or a French 400, never a server error."""

import pytest

from groups.models import JoinRequest, Membership, Profile
from tests.factories import NetworkDirectoryPageFactory

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "99999999999999999999"
OUT_OF_RANGE = [TWENTY_DIGITS, str(2**63), "0"]


def group_forms(group, user_id, request_id):
    return {
        "join": (f"/reseau/groupes/{group}/rejoindre/", {"message": "Bonjour"}),
        "leave": (f"/reseau/groupes/{group}/quitter/", {}),
        "document_add": (f"/reseau/groupes/{group}/documents/", {"title": "Note"}),
        "member_add": (f"/reseau/groupes/{group}/membres/ajouter/", {"person": "membre"}),
        "member_remove": (f"/reseau/groupes/{group}/membres/{user_id}/retirer/", {}),
        "member_role": (f"/reseau/groupes/{group}/membres/{user_id}/role/", {"role": "lead"}),
        "join_request_decision": (
            f"/reseau/groupes/{group}/demandes/{request_id}/",
            {"decision": "approve"},
        ),
    }


@pytest.mark.parametrize("number", OUT_OF_RANGE)
@pytest.mark.parametrize("form", list(group_forms(1, 1, 1)))
def test_a_group_id_out_of_range_is_not_found(client, open_group, lead, form, number):
    client.force_login(lead)
    url, data = group_forms(number, lead.pk, 1)[form]

    assert client.post(url, data).status_code == 404


@pytest.mark.parametrize("number", OUT_OF_RANGE)
@pytest.mark.parametrize("form", ["member_remove", "member_role", "join_request_decision"])
def test_a_member_or_request_id_out_of_range_is_not_found(client, open_group, lead, form, number):
    client.force_login(lead)
    url, data = group_forms(open_group.pk, number, number)[form]

    assert client.post(url, data).status_code == 404
    assert Membership.objects.filter(group=open_group, user=lead, role="lead").exists()


def test_a_join_request_of_another_group_is_not_found(
    client, open_group, private_group, lead, outsider
):
    request = JoinRequest.objects.create(group=open_group, user=outsider)
    client.force_login(lead)

    url = f"/reseau/groupes/{private_group.pk}/demandes/{request.pk}/"
    assert client.post(url, {"decision": "approve"}).status_code == 404


@pytest.mark.parametrize("number", [TWENTY_DIGITS, str(2**63), "-1", "abc"])
def test_following_a_group_out_of_range_is_not_found(client, lead, number):
    client.force_login(lead)

    assert client.post(f"/reseau/suivre/groupe/{number}/", {"follow": "1"}).status_code == 404


@pytest.mark.parametrize("number", [TWENTY_DIGITS, str(2**63), "0"])
def test_a_person_out_of_range_is_not_found(client, home_page, lead, number):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    client.force_login(lead)

    assert client.get(f"{directory.url}personnes/{number}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"structure": TWENTY_DIGITS}, "Sélectionnez un choix valide."),
        ({"thematic": "abc"}, "Sélectionnez un choix valide."),
        ({"group": TWENTY_DIGITS}, "Sélectionnez un choix valide."),
    ],
)
def test_a_people_filter_that_cannot_be_read_is_a_400_with_the_form_error(
    client, home_page, lead, params, message
):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    client.force_login(lead)

    response = client.get(f"{directory.url}personnes/", params)

    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Le numéro de page doit être un nombre entier."),
        ("-1", "Le numéro de page doit être supérieur ou égal à 1."),
        (TWENTY_DIGITS, "Le numéro de page doit être inférieur ou égal à 100000."),
    ],
)
def test_a_people_page_that_cannot_be_read_is_a_400_in_french(
    client, home_page, lead, page, message
):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    client.force_login(lead)

    response = client.get(f"{directory.url}personnes/", {"page": page})

    assert response.status_code == 400
    assert f"Page : {message}" in response.content.decode()


@pytest.mark.parametrize("thematic", [TWENTY_DIGITS, str(2**63), "0", "abc"])
def test_a_referent_thematic_that_cannot_be_an_id_is_refused_in_french(
    client, lead, justice, thematic
):
    client.force_login(lead)

    response = client.post(
        "/reseau/mon-profil/",
        {"first_name": "Nadia", "last_name": "Benali", "referent_thematics": [thematic]},
    )

    assert response.status_code == 400
    # Django's own French message, with non-breaking spaces inside the quotes.
    assert f"«\xa0{thematic}\xa0» n’est pas une valeur correcte." in response.content.decode()
    assert not Profile.objects.get(user=lead).referent_thematics.exists()
