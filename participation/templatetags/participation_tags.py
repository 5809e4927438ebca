from django import template

from participation.inbox import unread_count

register = template.Library()


@register.inclusion_tag("participation/notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The header's bell: the reader's own unread count, one COUNT query, never cached
    (the header is rendered per request; no fragment cache holds it)."""
    user = context["request"].user
    return {"unread": unread_count(user), "show": user.is_authenticated}
