"""Comments are seen and written exactly where their page is; moderation belongs to editors
and to the leads of the page's group. Each surface is asked by someone who may not view."""

from django.urls import reverse

import pytest

from participation.comments import permissions
from participation.comments.models import Comment
from participation.comments.services import comment_post


@pytest.fixture
def private_comment(site, people):
    return comment_post(
        page=site["private"], author=people["member"], text="Covoiturage : tarif solidaire validé"
    )


@pytest.mark.django_db
def test_in_a_members_only_group_only_members_see_the_comments(
    site, people, login, private_comment
):
    page = site["private"]
    fragment = reverse("participation_comments:page_comments", args=[page.pk])

    member = login(people["lead"])
    assert "tarif solidaire" in member.get(page.url).text
    assert "tarif solidaire" in member.get(fragment).text

    outsider = login(people["outsider"])
    assert outsider.get(page.url).status_code == 404
    assert outsider.get(fragment).status_code == 404
    response = outsider.post(fragment, {"text": "Je m'invite"})
    assert response.status_code == 404
    assert Comment.objects.count() == 1
    edit = reverse("participation_comments:edit", args=[private_comment.pk])
    assert outsider.get(edit).status_code == 404
    for name in ("delete", "hide"):
        url = reverse(f"participation_comments:{name}", args=[private_comment.pk])
        assert outsider.post(url).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(site, client, private_comment):
    response = client.get(reverse("participation_comments:page_comments", args=[site["public"].pk]))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]


@pytest.mark.django_db
def test_the_mention_autocompletion_names_only_people_who_may_view_the_page(site, people, login):
    client = login(people["member"])

    def names(page, query):
        url = reverse("participation_comments:mention_candidates", args=[page.pk])
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        return {person["username"] for person in response.json()["results"]}

    # Léa (outside group X) and Thomas may view the public page; only members and editors
    # the private one.
    assert names(site["public"], "a") >= {"lea", "nadia", "thomas", "editrice"}
    assert names(site["private"], "a") == {"nadia", "paul", "editrice"}
    assert names(site["private"], "léa") == set()
    assert names(site["private"], "Benali") == {"nadia"}

    outsider = login(people["outsider"])
    url = reverse("participation_comments:mention_candidates", args=[site["private"].pk])
    assert outsider.get(url, {"q": "nadia"}).status_code == 404


@pytest.mark.django_db
def test_at_most_eight_people_are_suggested(site, people, login):
    from tests.participation.comments.conftest import make_person

    for n in range(12):
        make_person(f"camille{n}", "Camille", f"Martin{n:02d}")
    client = login(people["member"])
    url = reverse("participation_comments:mention_candidates", args=[site["public"].pk])
    assert len(client.get(url, {"q": "camille"}).json()["results"]) == 8


@pytest.mark.django_db
def test_a_mention_of_someone_who_may_not_view_the_page_is_not_stored(site, people):
    comment = comment_post(
        page=site["private"], author=people["member"], text="Vu avec @lea et @nadia"
    )
    assert list(comment.mentions.all()) == [people["lead"]]


@pytest.mark.django_db
def test_editors_and_the_group_leads_moderate(site, people, private_comment):
    page = site["private"]
    assert permissions.can_moderate(page, people["lead"])
    assert permissions.can_moderate(page, people["editor"])
    assert not permissions.can_moderate(page, people["member"])
    assert not permissions.can_moderate(page, people["outsider"])
    # A lead of group X has no say on pages outside its space.
    assert not permissions.can_moderate(site["public"], people["lead"])
    assert permissions.can_moderate(site["public"], people["editor"])


@pytest.mark.django_db
def test_a_lead_hides_and_shows_again_a_comment(site, people, login, private_comment):
    page = site["private"]
    url = reverse("participation_comments:hide", args=[private_comment.pk])

    assert login(people["member"]).post(url, {"hidden": "1"}).status_code == 403
    lead = login(people["lead"])
    assert lead.post(url, {"hidden": "1"}).status_code == 302
    private_comment.refresh_from_db()
    assert private_comment.is_hidden
    assert "Masqué aux lecteurs" in lead.get(page.url).text

    reader = login(people["member"]).get(page.url).text
    assert "tarif solidaire" not in reader
    assert "Commentaire masqué par la modération." in reader

    login(people["lead"]).post(url, {"hidden": "0"})
    private_comment.refresh_from_db()
    assert private_comment.is_published


@pytest.mark.django_db
def test_a_lead_deletes_a_members_comment(site, people, login, private_comment):
    response = login(people["lead"]).post(
        reverse("participation_comments:delete", args=[private_comment.pk])
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()
