"""« Mes données » holds the comments one wrote, and no one else's."""

import pytest

from groups.services import membership_remove
from home.data_export import collect
from participation.comments.services import comment_post


def _comments(user):
    section = next(s for s in collect(user) if s.key == "commentaires")
    return [row["texte"] for row in section.as_dict()["rows"]], section.as_dict()["rows"]


@pytest.mark.django_db
def test_my_data_lists_my_comments_only(site, people):
    comment_post(page=site["public"], author=people["member"], text="Mon avis sur la charte")
    comment_post(page=site["private"], author=people["member"], text="Point covoiturage")
    comment_post(page=site["public"], author=people["other"], text="L'avis de Thomas")

    texts, rows = _comments(people["member"])
    assert texts == ["Mon avis sur la charte", "Point covoiturage"]
    assert rows[1]["page"] == "Compte rendu du covoiturage"

    # Once out of the group, the page's title is no longer named; the text is still theirs.
    membership_remove(group=site["group_x"], user=people["member"])
    _texts, rows = _comments(people["member"])
    assert rows[1]["page"] == "(une page que vous ne pouvez plus consulter)"
    assert rows[1]["texte"] == "Point covoiturage"
