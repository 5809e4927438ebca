"""Who may read, write, edit and moderate comments. A page's comments are visible and
writable exactly where the page is (home.visibility.page_is_visible_to): in a members-only
group, only its members (and the staff) see and write them. Editors and the leads of the
group the page belongs to moderate."""

from wagtail.models import Page

from groups.models import Membership, WorkingGroupPage
from groups.selectors import user_is_editor
from home.visibility import page_is_visible_to

# Listings, the directory and the home page: there, a comment would be about nothing.
NOT_COMMENTABLE = {
    "home.homepage",
    "home.newsindexpage",
    "home.eventindexpage",
    "resources.resourceindexpage",
    "groups.thematicindexpage",
    "groups.workinggroupindexpage",
    "groups.networkdirectorypage",
}


def is_commentable(page: Page) -> bool:
    content_type = page.cached_content_type
    return f"{content_type.app_label}.{content_type.model}" not in NOT_COMMENTABLE


def can_view(page: Page, user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and is_commentable(page)
        and page_is_visible_to(page, user)
    )


def can_write(page: Page, user) -> bool:
    return can_view(page, user)


def group_of(page: Page) -> WorkingGroupPage | None:
    """The working group whose space holds this page (or the group's own page)."""
    step = Page.steplen
    ancestors = [page.path[:length] for length in range(step, len(page.path) + 1, step)]
    return WorkingGroupPage.objects.filter(path__in=ancestors).first()


def can_moderate(page: Page, user) -> bool:
    if not can_view(page, user):
        return False
    if user_is_editor(user):
        return True
    cache = getattr(user, "_trame_comment_moderation", None)
    if cache is None:
        cache = user._trame_comment_moderation = {}
    if page.pk not in cache:
        group = group_of(page)
        cache[page.pk] = (
            group is not None and Membership.objects.leads().filter(group=group, user=user).exists()
        )
    return cache[page.pk]


def can_edit(comment, user) -> bool:
    return (
        comment.is_published
        and comment.author_id is not None
        and comment.author_id == user.pk
        and can_write(comment.page, user)
    )


def can_delete(comment, user) -> bool:
    if comment.is_deleted:
        return False
    own = comment.author_id is not None and comment.author_id == user.pk
    return (own and can_write(comment.page, user)) or can_moderate(comment.page, user)
