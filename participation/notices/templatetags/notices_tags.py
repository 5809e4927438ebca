"""The must-read panel of the home page and the banner of a page, for the templates of lower
apps (home, base.html), which never import this app."""

from django import template
from django.utils import timezone

from wagtail.models import Page

from home.visibility import page_is_visible_to
from participation.notices.models import MustRead

register = template.Library()

PANEL_LIMIT = 10


@register.inclusion_tag("participation_notices/home_panel.html", takes_context=True)
def must_read_panel(context):
    user = context["request"].user
    notices = list(MustRead.objects.pending_for(user)[: PANEL_LIMIT + 1])
    today = timezone.localdate()
    return {
        "notices": [(notice, notice.is_overdue(today)) for notice in notices[:PANEL_LIMIT]],
        "more": len(notices) > PANEL_LIMIT,
    }


@register.inclusion_tag("participation_notices/banner.html", takes_context=True)
def must_read_banner(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or not isinstance(page, Page)
        or page.pk is None
        or getattr(request, "is_preview", False)
        or not page_is_visible_to(page, user)
    ):
        return {"notices": []}
    notices = MustRead.objects.addressed_to(user).unread_by(user).filter(page=page)
    today = timezone.localdate()
    return {
        "notices": [(notice, notice.is_overdue(today)) for notice in notices.order_by("deadline")],
        "csrf_token": context.get("csrf_token"),
    }
