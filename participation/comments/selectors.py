"""What the comment section of a page shows, in a fixed number of queries whatever the
number of comments, replies and mentions."""

from groups.models import NetworkDirectoryPage
from participation.comments import mentions, permissions
from participation.comments.models import Comment


def _item(comment: Comment, user, directory, moderator: bool) -> dict:
    shown = comment.is_published or (comment.is_hidden and moderator)
    return {
        "comment": comment,
        "html": mentions.render(comment.text, comment.mentions.all(), directory) if shown else "",
        "can_edit": comment.is_published and comment.author_id == user.pk,
        "can_delete": not comment.is_deleted and (comment.author_id == user.pk or moderator),
        "can_moderate": moderator and not comment.is_deleted,
        "author_url": (
            mentions.directory_url(comment.author_id, directory) if comment.author_id else None
        ),
    }


def comment_threads(page, user) -> dict:
    """The page's top comments in order, each with its replies; what the user may do with
    each. Empty for a user who may not view the page."""
    if not permissions.can_view(page, user):
        return {"can_view": False, "threads": [], "count": 0}
    moderator = permissions.can_moderate(page, user)
    directory = NetworkDirectoryPage.objects.live().first()
    comments = list(Comment.objects.on(page).with_people())
    replies = {}
    for comment in comments:
        if comment.parent_id is not None:
            replies.setdefault(comment.parent_id, []).append(
                _item(comment, user, directory, moderator)
            )
    threads = [
        {**_item(comment, user, directory, moderator), "replies": replies.get(comment.pk, [])}
        for comment in comments
        if comment.parent_id is None
    ]
    return {
        "can_view": True,
        "can_moderate": moderator,
        "threads": threads,
        "count": sum(1 for comment in comments if comment.is_published),
    }
