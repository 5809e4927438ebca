"""Following thematics and groups, and the digest email of what is new in them.

The digest lists only what its reader may view: it is built with the same feed as "Mon fil",
which starts from `home.visibility`."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from groups.models import Follow, Profile, Thematic, WorkingGroupPage
from groups.selectors import feed_for

UNSUBSCRIBE_SALT = "groups.digest.unsubscribe"
PERIODS = {
    Profile.DigestFrequency.DAILY: datetime.timedelta(days=1),
    Profile.DigestFrequency.WEEKLY: datetime.timedelta(days=7),
}


@dataclass
class DigestSection:
    """A part of the digest that another app adds (participation: the reader's pending
    notifications). `items` are dicts with a title, an absolute url and a summary."""

    title: str
    items: list[dict] = field(default_factory=list)


# Providers `provider(user, now) -> DigestSection | None`, registered by the apps above this
# one in their AppConfig.ready (groups never imports them). A provider that hands items
# to a digest marks them as sent itself, so that no item is ever in two digests.
DIGEST_SECTIONS: list[Callable] = []


def digest_section_register(provider: Callable) -> None:
    if provider not in DIGEST_SECTIONS:
        DIGEST_SECTIONS.append(provider)


def follow_set(
    *, user, follow: bool, thematic: Thematic | None = None, group: WorkingGroupPage | None = None
) -> bool:
    """Follow or stop following one thematic or one group; repeating it changes nothing.
    Returns whether the user follows it afterwards."""
    if (thematic is None) == (group is None):
        raise ValueError("follow_set needs exactly one of thematic or group")
    target = {"thematic": thematic} if thematic is not None else {"group": group}
    if not follow:
        Follow.objects.filter(user=user, **target).delete()
        return False
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(user=user, **target)
    except IntegrityError:  # a concurrent double submission created it first
        pass
    return True


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token: str):
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def digest_unsubscribe(*, user) -> None:
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.digest_frequency = Profile.DigestFrequency.OFF
    profile.save(update_fields=["digest_frequency"])


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def digest_message(*, user, items, sections=()) -> EmailMultiAlternatives:
    context = {
        "user": user,
        "sections": sections,
        "items": [
            {"title": page.title, "url": _absolute(page.url), "summary": page.summary}
            for page in items
        ],
        "unsubscribe_url": _absolute(
            reverse("groups:digest_unsubscribe", args=[unsubscribe_token(user)])
        ),
        "settings_url": _absolute(reverse("groups:feed")),
    }
    message = EmailMultiAlternatives(
        subject=_("What is new in what you follow on Trame"),
        body=render_to_string("groups/emails/digest.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
    )
    message.attach_alternative(render_to_string("groups/emails/digest.html", context), "text/html")
    return message


def digests_send(*, frequency: str, now=None) -> int:
    """Send the digest to every active user with this frequency and something new since
    their last digest; returns how many emails were sent. Nothing new, no email."""
    now = now or timezone.now()
    period = PERIODS[frequency]
    profiles = Profile.objects.filter(
        digest_frequency=frequency, user__is_active=True
    ).select_related("user")
    sent = 0
    for profile in profiles:
        if not profile.user.email:
            continue
        since = max(profile.digest_sent_at or now - period, now - period)
        items = feed_for(profile.user, since=since, limit=20)
        sections = [
            section
            for provider in DIGEST_SECTIONS
            if (section := provider(profile.user, now)) is not None and section.items
        ]
        if items or sections:
            digest_message(user=profile.user, items=items, sections=sections).send()
            sent += 1
        profile.digest_sent_at = now
        profile.save(update_fields=["digest_sent_at"])
    return sent
