"""A comment's text is part of its page's search entry: found exactly where the page is,
gone once deleted or hidden, reindexed once the change is committed."""

from django.urls import reverse

import pytest

from participation.comments.services import comment_delete, comment_post, comment_set_hidden
from tests.search.helpers import rebuild_search_index


def _found(client, word) -> bool:
    response = client.get("/recherche/", {"q": word})
    assert response.status_code == 200
    return "Compte rendu du covoiturage" in response.text


@pytest.mark.django_db
def test_a_comment_is_searchable_only_by_those_who_may_view_its_page(site, people, login):
    comment_post(page=site["private"], author=people["member"], text="Le barème kilométrique")
    rebuild_search_index()

    assert _found(login(people["lead"]), "kilometrique")
    assert not _found(login(people["outsider"]), "kilometrique")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_page_is_reindexed_when_a_comment_changes(site, people, login):
    comment = comment_post(
        page=site["private"], author=people["member"], text="Le barème kilométrique"
    )
    lead, outsider = people["lead"], people["outsider"]
    assert _found(login(lead), "kilometrique")
    assert not _found(login(outsider), "kilometrique")

    login(people["member"]).post(
        reverse("participation_comments:edit", args=[comment.pk]), {"text": "Le forfait vélo"}
    )
    assert not _found(login(lead), "kilometrique")
    assert _found(login(lead), "forfait")

    comment.refresh_from_db()
    comment_set_hidden(comment=comment, user=lead, hidden=True)
    assert not _found(login(lead), "forfait")
    comment_set_hidden(comment=comment, user=lead, hidden=False)
    assert _found(login(lead), "forfait")

    comment_delete(comment=comment, user=people["member"])
    assert not _found(login(lead), "forfait")
