"""Writing comments: post, edit, delete, hide. Each checks its permission, stores the
mentions, and notifies through `participation.notify` (never someone who may not view
the page). The search index follows through the signals `search` listens to."""

import datetime
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.visibility import page_is_visible_to
from participation.comments import mentions, permissions
from participation.comments.models import MAX_LENGTH, Comment
from participation.kinds import NotificationKind
from participation.notify import notify

# The same text by the same person on the same page within this delay is one comment.
DUPLICATE_WINDOW = datetime.timedelta(seconds=30)


def clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError(_("Write your comment before sending it."), code="empty")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("A comment is limited to %(max)d characters (yours has %(length)d).")
            % {"max": MAX_LENGTH, "length": len(text)},
            code="too_long",
        )
    return text


def comment_url(comment: Comment) -> str:
    page = comment.page
    return f"{page.get_url() or page.url_path}#{comment.anchor}"


def _author_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _notify_mentions(comment: Comment, people, author) -> None:
    page = comment.page
    notify(
        people,
        NotificationKind.MENTION,
        message=_("%(name)s mentioned you in a comment on “%(page)s”")
        % {"name": _author_name(author), "page": page.title},
        url=comment_url(comment),
        actor=author,
        target=comment,
        may_view=partial(page_is_visible_to, page),
    )


def comment_post(*, page, author, text: str, parent: Comment | None = None) -> Comment:
    """Post a comment (or a reply: a reply to a reply goes to the top comment). Posting the
    same text twice within seconds returns the first comment."""
    if not permissions.can_write(page, author):
        raise PermissionDenied
    text = clean_text(text)
    if parent is not None:
        if parent.page_id != page.pk:
            raise PermissionDenied
        if parent.parent_id is not None:
            parent = parent.parent
    with transaction.atomic():
        # One request at a time per author: the second of two simultaneous submissions sees
        # the first one's comment.
        get_user_model().objects.select_for_update().filter(pk=author.pk).first()
        duplicate = Comment.objects.filter(
            page=page,
            author=author,
            parent=parent,
            text=text,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if duplicate is not None:
            return duplicate
        comment = Comment.objects.create(page=page, parent=parent, author=author, text=text)
        mentioned = mentions.resolve(text, page)
        comment.mentions.set(mentioned)
        _notify_mentions(comment, mentioned, author)
        if parent is not None and parent.author is not None and parent.is_published:
            already = {person.pk for person in mentioned}
            notify(
                [parent.author] if parent.author_id not in already else [],
                NotificationKind.REPLY,
                message=_("%(name)s replied to your comment on “%(page)s”")
                % {"name": _author_name(author), "page": page.title},
                url=comment_url(comment),
                actor=author,
                target=comment,
                may_view=partial(page_is_visible_to, page),
            )
    return comment


def comment_edit(*, comment: Comment, user, text: str) -> Comment:
    """Change one's own comment; people newly mentioned are notified."""
    if not permissions.can_edit(comment, user):
        raise PermissionDenied
    text = clean_text(text)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if not permissions.can_edit(comment, user):
            raise PermissionDenied
        if text == comment.text:
            return comment
        before = set(comment.mentions.values_list("pk", flat=True))
        comment.text = text
        comment.edited_at = timezone.now()
        comment.save(update_fields=["text", "edited_at"])
        mentioned = mentions.resolve(text, comment.page)
        comment.mentions.set(mentioned)
        _notify_mentions(comment, [p for p in mentioned if p.pk not in before], user)
    return comment


def comment_delete(*, comment: Comment, user) -> None:
    """Delete a comment (one's own, or as a moderator). With replies, its place stays,
    marked « Commentaire supprimé », so that the replies keep their context."""
    if not permissions.can_delete(comment, user):
        raise PermissionDenied
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if comment is None or comment.is_deleted:
            return  # deleted already, by a double click or someone else
        if comment.author_id != user.pk:
            comment.moderated_by = user
        if comment.parent_id is None and comment.replies.exists():
            comment.state = Comment.State.DELETED
            comment.text = ""
            comment.save(update_fields=["state", "text", "moderated_by"])
            comment.mentions.clear()
        else:
            parent = comment.parent
            comment.delete()
            # A deleted top comment whose last reply goes has nothing left to show.
            if parent is not None and parent.is_deleted and not parent.replies.exists():
                parent.delete()


def comment_set_hidden(*, comment: Comment, user, hidden: bool) -> Comment:
    """Hide a comment from readers (a moderator's decision), or show it again."""
    if comment.is_deleted or not permissions.can_moderate(comment.page, user):
        raise PermissionDenied
    comment.state = Comment.State.HIDDEN if hidden else Comment.State.PUBLISHED
    comment.moderated_by = user
    comment.save(update_fields=["state", "moderated_by"])
    return comment
