"""Comments on pages, threaded one level, with the people they mention.

A small model of our own rather than django-contrib-comments (or django-comments-xtd, built
on it): its last release (2.2.0, January 2022) declares support up to Django 4.0; it needs
`django.contrib.sites` and a SITE_ID that Trame does not use; its model stores a copy of the
author's name, email and URL for anonymous posting, and its security-hash form, its
`post_comment` view and its moderators know nothing of page view restrictions, of editing
one's own comment, of one-level threads or of moderation by a group's leads. Fitting it to
those rules would have meant replacing its form, its views and its moderation, keeping only
a table. What a comment is about is always a page: a resource is a `ResourcePage` (its
documents have no page of their own and are reached through it), so a foreign key to
`wagtailcore.Page` covers every page type, resources included, and lets a page's view
restrictions decide who sees its comments.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 3000


class CommentQuerySet(models.QuerySet):
    def on(self, page):
        return self.filter(page_id=page.pk)

    def searchable(self):
        """What the page's search entry holds: neither deleted nor hidden by a moderator."""
        return self.filter(state=Comment.State.PUBLISHED)

    def with_people(self):
        return self.select_related("author__profile__structure").prefetch_related("mentions")


class Comment(models.Model):
    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden by a moderator")
        DELETED = "deleted", _("Deleted")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="trame_comments",
    )
    # A reply to a reply is attached to the top comment: `parent` is always a top comment.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    text = models.TextField(_("text"), max_length=MAX_LENGTH, blank=True)
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentioned people"),
        blank=True,
        related_name="comment_mentions",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.PUBLISHED, db_index=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["page", "created_at"])]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.author} · {self.page_id} · {self.created_at:%Y-%m-%d}"

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_deleted(self) -> bool:
        return self.state == self.State.DELETED

    @property
    def is_hidden(self) -> bool:
        return self.state == self.State.HIDDEN

    @property
    def anchor(self) -> str:
        return f"commentaire-{self.pk}"
