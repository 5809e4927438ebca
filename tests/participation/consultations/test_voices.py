"""Who casts a structure's voice, naming a delegate from the front end, and what each person
of an invited structure sees in the list."""

from django.urls import reverse

import pytest

from participation.consultations.models import Delegation
from participation.consultations.policy import voter_for

from .conftest import cast, make_consultation, person


@pytest.mark.django_db
def test_the_director_votes_unless_they_named_a_delegate_still_in_the_structure(network):
    assert voter_for(network["dijon"]) == network["dijon_director"]
    assert voter_for(network["beaune"]) == network["beaune_delegate"]

    delegate = network["beaune_delegate"]
    delegate.profile.structure = network["dijon"]
    delegate.profile.save()
    assert voter_for(network["beaune"]) == network["beaune_director"]


@pytest.mark.django_db
def test_the_director_names_a_delegate_from_the_front_end(client, network):
    client.force_login(network["dijon_director"])
    response = client.post(
        reverse("consultations:voter_edit"), {"delegate": network["dijon_adviser"].pk}
    )
    assert response.status_code == 302
    assert voter_for(network["dijon"]) == network["dijon_adviser"]

    client.post(reverse("consultations:voter_edit"), {"delegate": ""})
    assert voter_for(network["dijon"]) == network["dijon_director"]


@pytest.mark.django_db
def test_only_people_of_the_structure_may_be_named(client, network):
    client.force_login(network["dijon_director"])
    response = client.post(
        reverse("consultations:voter_edit"), {"delegate": network["beaune_delegate"].pk}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Delegation.objects.filter(structure=network["dijon"]).exists()


@pytest.mark.django_db
def test_a_colleague_may_not_name_the_voter_but_an_editor_may(client, network):
    url = reverse("consultations:voter_edit_structure", args=[network["dijon"].pk])
    client.force_login(network["dijon_adviser"])
    assert client.get(reverse("consultations:voter_edit")).status_code == 403
    assert client.post(url, {"delegate": network["dijon_adviser"].pk}).status_code == 403

    client.force_login(network["editor"])
    assert client.post(url, {"delegate": network["dijon_adviser"].pk}).status_code == 302
    assert voter_for(network["dijon"]) == network["dijon_adviser"]


@pytest.mark.django_db
def test_everyone_in_the_structure_sees_whether_it_voted(client, network, consultation):
    colleague = person("chargee-dijon", network["dijon"])
    client.force_login(colleague)
    page = client.get(reverse("consultations:list")).content.decode()
    assert consultation.title in page
    assert "Mission Locale de Dijon n'a pas encore voté ; sa voix est portée par Claire Roy" in page

    cast(consultation, network["dijon_director"])
    page = client.get(reverse("consultations:list")).content.decode()
    assert "Mission Locale de Dijon a voté : par Claire Roy" in page
    assert "Juin" not in page  # whether, who and when; not what


@pytest.mark.django_db
def test_the_list_hides_consultations_not_open_yet_and_not_addressed(client, network):
    later = make_consultation([network["dijon"]], opens_in_days=3, title="Consultation future")
    elsewhere = make_consultation([network["vesoul"]], title="Consultation de Vesoul")
    client.force_login(network["dijon_director"])
    page = client.get(reverse("consultations:list")).content.decode()
    assert later.title not in page and elsewhere.title not in page
    assert client.get(reverse("consultations:detail", args=[later.pk])).status_code == 404
