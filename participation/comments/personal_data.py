"""The comments' part of « Mes données »: the comments the user wrote, with the page they are
on (its title only while the user may still view it). The people they mention are other
people: left out."""

from django.utils.translation import gettext as _

from home.data_export import Section
from home.visibility import page_is_visible_to
from participation.comments.models import Comment


def personal_data(user) -> list[Section]:
    comments = Comment.objects.filter(author=user).select_related("page").order_by("created_at")
    rows = []
    for comment in comments:
        visible = page_is_visible_to(comment.page, user)
        rows.append(
            [
                comment.page.title if visible else _("(a page you may no longer view)"),
                comment.page.url if visible else "",
                comment.text,
                comment.get_state_display(),
                comment.created_at,
                comment.edited_at,
            ]
        )
    return [
        Section(
            key="commentaires",
            title=_("Comments"),
            columns=["page", "adresse", "texte", "etat", "ecrit_le", "modifie_le"],
            rows=rows,
        )
    ]
