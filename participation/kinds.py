"""What a notification is about, and how a person wants each kind delivered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Someone mentioned me")
    REPLY = "reply", _("A reply to my comment")
    FOLLOWED_CONTENT = "followed_content", _("New content in a group or thematic I follow")
    PROPOSAL = "proposal", _("News of my proposals")
    CONSULTATION = "consultation", _("A consultation opened for my structure")
    MUST_READ = "must_read", _("A notice I must read")
    NEWS = "news", _("A news item addressed to me")


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In Trame only")
    EMAIL = "email", _("By email, immediately")
    DIGEST = "digest", _("In my digest email")


# Without a stated preference: what is addressed to me personally comes by email at once,
# the rest waits for the digest. Every kind is always shown in the app.
DEFAULT_CHANNELS = {
    NotificationKind.MENTION: Channel.EMAIL,
    NotificationKind.REPLY: Channel.EMAIL,
    NotificationKind.FOLLOWED_CONTENT: Channel.DIGEST,
    NotificationKind.PROPOSAL: Channel.EMAIL,
    NotificationKind.CONSULTATION: Channel.EMAIL,
    NotificationKind.MUST_READ: Channel.EMAIL,
    NotificationKind.NEWS: Channel.DIGEST,
}
