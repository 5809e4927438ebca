from django import template

from participation.comments.forms import CommentForm
from participation.comments.permissions import can_view
from participation.comments.selectors import comment_threads

register = template.Library()


@register.inclusion_tag("participation_comments/section.html", takes_context=True)
def comment_section(context, page):
    """The comments of a page and the form to write one: nothing at all for someone who may
    not view the page, or on a page that takes no comments."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if page is None or user is None or not getattr(page, "pk", None) or not can_view(page, user):
        return {"can_view": False}
    return {
        **comment_threads(page, user),
        "page": page,
        "form": CommentForm(),
        "request": request,
    }
