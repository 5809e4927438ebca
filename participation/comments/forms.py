from django import forms
from django.utils.translation import gettext_lazy as _

from participation.comments.models import MAX_LENGTH


class CommentForm(forms.Form):
    """The text of a comment; its checks (empty, too long) are the service's, so that every
    way in gives the same French error."""

    text = forms.CharField(
        label=_("Your comment"),
        required=False,
        strip=False,
        help_text=_("Type @ followed by a name to mention a colleague who may view this page."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_LENGTH}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
