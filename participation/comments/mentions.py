"""@mentions: written as `@username` (typed, or inserted by the autocompletion widget),
resolved on save to the people who may view the page, stored as the comment's `mentions`,
and rendered as links to each person's entry in the network directory."""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from groups.models import NetworkDirectoryPage
from home.visibility import page_is_visible_to, restrictions_on_path

# A username: letters, digits and . _ + - (SSO accounts are named by their email address, so
# one @ followed by a domain is allowed). Not preceded by a word character: « a@b » is an email.
MENTION_RE = re.compile(r"(?<![\w@.])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)")
MAX_CANDIDATES = 8


def mentioned_usernames(text: str) -> list[str]:
    """The usernames written in the text, in order, without a sentence's final dot."""
    names = [match.group(1).rstrip(".-") for match in MENTION_RE.finditer(text or "")]
    return list(dict.fromkeys(name for name in names if name))


def resolve(text: str, page: Page) -> list:
    """The active people mentioned in the text who may view the page."""
    names = mentioned_usernames(text)
    if not names:
        return []
    query = Q()
    for name in names:
        query |= Q(username__iexact=name)
    people = get_user_model().objects.filter(query, is_active=True)
    return [person for person in people if page_is_visible_to(page, person)]


def people_who_may_view(page: Page):
    """Active people of the directory who may view the page, in SQL: the page's login and
    group restrictions (and its ancestors') narrow the directory; a password restriction
    lets no one in but administrators."""
    people = get_user_model().objects.filter(is_active=True, profile__isnull=False)
    for restriction in restrictions_on_path(page.path):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        allowed = Q(is_superuser=True)
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            group_ids = [group.pk for group in restriction.groups.all()]
            allowed |= Q(
                pk__in=get_user_model()
                .groups.through.objects.filter(group_id__in=group_ids)
                .values("user_id")
            )
        people = people.filter(allowed)
    return people


def candidates(page: Page, query: str, limit: int = MAX_CANDIDATES) -> list:
    """Up to `limit` people who may view the page whose name or username starts with (or
    contains) the words typed."""
    people = people_who_may_view(page).select_related("profile__structure")
    for word in query.split()[:3]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__istartswith=word)
        )
    people = people.order_by("last_name", "first_name", "pk")[: limit * 2]
    # The SQL above follows the restrictions; the policy itself has the last word.
    return [person for person in people if page_is_visible_to(page, person)][:limit]


def directory_url(user_id: int, directory: NetworkDirectoryPage | None) -> str | None:
    if directory is None:
        return None
    base = directory.get_url() or directory.url_path
    return base + directory.reverse_subpage("person", args=[user_id])


def render(text: str, mentions, directory: NetworkDirectoryPage | None) -> str:
    """The text as safe HTML paragraphs, each stored mention as a link to the person."""
    by_name = {person.get_username().lower(): person for person in mentions}

    def link(match):
        name = match.group(1).rstrip(".-")
        person = by_name.get(name.lower())
        if person is None:
            return match.group(0)
        trailing = match.group(1)[len(name) :]
        label = "@" + (person.get_full_name() or person.get_username())
        url = directory_url(person.pk, directory)
        if url is None:
            return format_html('<span class="mention">{}</span>{}', label, trailing)
        return format_html('<a class="mention" href="{}">{}</a>{}', url, label, trailing)

    # Escaped first: the characters of a username are left alone by escaping.
    html = MENTION_RE.sub(link, escape(text))
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 - built from escaped text
