from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from labelling.access import may_view_assessments

register = template.Library()


@register.simple_tag(takes_context=True)
def labelling_link(context, structure):
    """A link to the structure's labelling follow-up, for those who may read it."""
    if structure is None or not may_view_assessments(context["request"].user, structure):
        return ""
    return format_html(
        '<a class="button" href="{}">{}</a>',
        reverse("labelling:structure", args=[structure.pk]),
        _("Labelling follow-up"),
    )
