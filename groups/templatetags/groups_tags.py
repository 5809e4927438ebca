from django import template

from groups.selectors import user_groups

register = template.Library()


@register.inclusion_tag("groups/tags/my_groups.html", takes_context=True)
def my_groups(context, limit=8):
    """The home dashboard's "my working groups": active groups the user belongs to."""
    return {"memberships": user_groups(context["request"].user, limit=limit)}
