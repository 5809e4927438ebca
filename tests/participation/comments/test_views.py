"""The comment section on every page type, without JavaScript: post, reply, edit, delete,
and the French errors."""

from django.urls import reverse

import pytest

from participation.comments.models import MAX_LENGTH, Comment
from participation.comments.services import comment_post
from tests.factories import EventPageFactory


def _post(client, page, text, **extra):
    return client.post(
        reverse("participation_comments:page_comments", args=[page.pk]), {"text": text, **extra}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["public", "resource", "private", "open_news"])
def test_the_section_ends_each_page_and_a_post_comes_back_to_the_comment(site, people, login, name):
    page = site[name]
    client = login(people["member"])

    response = client.get(page.url)
    assert response.status_code == 200
    assert 'id="commentaires"' in response.text
    assert "Votre commentaire" in response.text

    response = _post(client, page, "Merci pour ce partage, très utile.")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#commentaire-{comment.pk}"
    assert "Merci pour ce partage, très utile." in client.get(page.url).text


@pytest.mark.django_db
def test_listing_pages_take_no_comment(site, people, login, home_page):
    client = login(people["member"])
    assert 'id="commentaires"' not in client.get(home_page.url).text
    assert 'id="commentaires"' in client.get(site["group_x"].url).text
    event = EventPageFactory(parent=home_page, title="Comité régional")
    assert 'id="commentaires"' in client.get(event.url).text


@pytest.mark.django_db
def test_a_reply_to_a_reply_is_attached_to_the_top_comment(site, people, login):
    page = site["public"]
    top = comment_post(page=page, author=people["lead"], text="Qui a testé la nouvelle fiche ?")
    reply = comment_post(page=page, author=people["member"], text="Moi, ça marche.", parent=top)
    client = login(people["other"])

    _post(client, page, "Moi aussi !", parent=reply.pk)

    latest = Comment.objects.latest("pk")
    assert latest.parent_id == top.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text,error",
    [
        ("   ", "Écrivez votre commentaire avant de l’envoyer."),
        ("x" * (MAX_LENGTH + 1), f"Un commentaire est limité à {MAX_LENGTH} caractères"),
    ],
)
def test_empty_or_too_long_text_is_refused_in_french_and_kept(site, people, login, text, error):
    client = login(people["member"])

    response = _post(client, site["public"], text)

    assert response.status_code == 400
    assert error in response.text
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_the_same_text_posted_twice_is_one_comment(site, people, login):
    client = login(people["member"])

    first = _post(client, site["public"], "Réunion décalée au 12 ?")
    second = _post(client, site["public"], "Réunion décalée au 12 ?")

    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.django_db
def test_one_edits_one_own_comment_only(site, people, login):
    comment = comment_post(page=site["public"], author=people["member"], text="Premier jet")
    url = reverse("participation_comments:edit", args=[comment.pk])

    other = login(people["other"])
    assert other.get(url).status_code == 403
    assert other.post(url, {"text": "Piraté"}).status_code == 403
    editor = login(people["editor"])
    assert editor.post(url, {"text": "Corrigé par l'éditrice"}).status_code == 403

    author = login(people["member"])
    assert author.get(url).status_code == 200
    response = author.post(url, {"text": "Version corrigée"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Version corrigée"
    assert comment.edited_at is not None
    assert "(modifié)" in author.get(site["public"].url).text


@pytest.mark.django_db
def test_deleting_a_comment_with_replies_leaves_its_place(site, people, login):
    page = site["public"]
    top = comment_post(page=page, author=people["member"], text="Texte à retirer")
    comment_post(page=page, author=people["other"], text="Une réponse", parent=top)
    lonely = comment_post(page=page, author=people["member"], text="Sans réponse")
    client = login(people["member"])

    client.post(reverse("participation_comments:delete", args=[top.pk]))
    client.post(reverse("participation_comments:delete", args=[lonely.pk]))
    # A second click on the same button changes nothing.
    assert client.post(reverse("participation_comments:delete", args=[top.pk])).status_code == 302

    text = client.get(page.url).text
    assert "Commentaire supprimé" in text
    assert "Texte à retirer" not in text
    assert "Une réponse" in text
    assert not Comment.objects.filter(pk=lonely.pk).exists()


@pytest.mark.django_db
def test_someone_else_may_not_delete_a_comment(site, people, login):
    comment = comment_post(page=site["public"], author=people["member"], text="À moi")
    client = login(people["other"])

    response = client.post(reverse("participation_comments:delete", args=[comment.pk]))

    assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.django_db
def test_a_mention_is_stored_and_links_to_the_directory(site, people, login):
    comment = comment_post(
        page=site["public"], author=people["member"], text="Qu'en penses-tu @thomas ?"
    )
    assert list(comment.mentions.all()) == [people["other"]]

    text = login(people["lead"]).get(site["public"].url).text

    person_url = site["directory"].url + f"personnes/{people['other'].pk}/"
    assert f'<a class="mention" href="{person_url}">@Thomas Girard</a>' in text
