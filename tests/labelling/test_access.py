"""A self-assessment is private to its structure and the regional editors."""

from django.urls import reverse

import pytest

from labelling.models import SelfAssessment
from tests.labelling.conftest import ALL_ACHIEVED, answers_post

pytestmark = pytest.mark.django_db


def test_a_member_of_the_structure_reads_its_follow_up(client, colleague, dijon, referential):
    client.force_login(colleague)
    response = client.get(reverse("labelling:overview"))
    assert response.status_code == 302
    assert response["Location"] == reverse("labelling:structure", args=[dijon.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Suivi de la labellisation de Mission Locale de Dijon" in page
    assert "pas encore autoévaluée" in page


def test_a_member_of_another_structure_sees_nothing(client, outsider, dijon, director, criteria):
    client.force_login(director)
    client.post(
        reverse("labelling:assessment_edit", args=[dijon.pk]), answers_post(criteria, ALL_ACHIEVED)
    )
    client.force_login(outsider)
    for name in ("labelling:structure", "labelling:assessment_edit"):
        assert client.get(reverse(name, args=[dijon.pk])).status_code == 404
    response = client.post(
        reverse("labelling:assessment_edit", args=[dijon.pk]),
        answers_post(criteria, [0, 0, 0, 0], version=1),
    )
    assert response.status_code == 404
    assert set(SelfAssessment.objects.get().answers.values_list("level", flat=True)) == {3}


def test_anonymous_people_are_sent_to_the_login_page(client, dijon, referential):
    response = client.get(reverse("labelling:structure", args=[dijon.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_member_reads_but_only_the_director_answers(client, colleague, dijon, criteria):
    client.force_login(colleague)
    page = client.get(reverse("labelling:structure", args=[dijon.pk])).content.decode()
    assert reverse("labelling:assessment_edit", args=[dijon.pk]) not in page
    response = client.post(
        reverse("labelling:assessment_edit", args=[dijon.pk]),
        answers_post(criteria, ALL_ACHIEVED),
        follow=True,
    )
    assert "les éditeurs de son espace et les éditeurs régionaux remplissent" in (
        response.content.decode()
    )
    assert not SelfAssessment.objects.exists()


def test_the_network_view_is_for_regional_editors(client, regional_editor, colleague, referential):
    client.force_login(regional_editor)
    page = client.get(reverse("labelling:overview")).content.decode()
    assert "Suivi de la labellisation dans le réseau" in page
    client.force_login(colleague)
    assert "Suivi de la labellisation dans le réseau" not in (
        client.get(reverse("labelling:overview"), follow=True).content.decode()
    )


def test_a_regional_editor_reads_and_answers_any_structure(
    client, regional_editor, dijon, criteria
):
    client.force_login(regional_editor)
    response = client.post(
        reverse("labelling:assessment_edit", args=[dijon.pk]),
        answers_post(criteria, ALL_ACHIEVED),
    )
    assert response.status_code == 302
    assert SelfAssessment.objects.get().updated_by == regional_editor


def test_an_editor_of_the_structure_space_answers(client, colleague, director, dijon, criteria):
    from groups.spaces import structure_editor_add

    structure_editor_add(structure=dijon, user=colleague, by=director)
    client.force_login(colleague)
    response = client.post(
        reverse("labelling:assessment_edit", args=[dijon.pk]),
        answers_post(criteria, ALL_ACHIEVED),
    )
    assert response.status_code == 302
    assert SelfAssessment.objects.get().updated_by == colleague


def test_the_structure_space_links_its_people_to_the_follow_up(
    client, colleague, outsider, dijon, referential, home_page
):
    from groups.spaces import structure_space_create
    from tests.factories import NetworkDirectoryPageFactory

    directory = NetworkDirectoryPageFactory(parent=home_page, slug="le-reseau")
    space = structure_space_create(structure=dijon, parent=directory)
    link = reverse("labelling:structure", args=[dijon.pk])
    client.force_login(colleague)
    assert link in client.get(space.url).content.decode()
    client.force_login(outsider)
    assert link not in client.get(space.url).content.decode()
