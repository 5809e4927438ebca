from django import forms
from django.utils.translation import gettext_lazy as _

from legal.models import BarrierReport


class BarrierReportForm(forms.ModelForm):
    """A reader's report; the hidden token makes a second submission of the same form harmless."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "assistive_technology", "submission_token"]
        labels = {
            "page_url": _("Address or name of the page"),
            "description": _("What prevents you from using it?"),
            "assistive_technology": _("Browser and assistive technology (optional)"),
        }
        help_texts = {
            "description": _("Describe what you tried to do and what happened."),
            "assistive_technology": _("For example: Firefox with NVDA, zoom at 200 %."),
        }
        error_messages = {
            "page_url": {"required": _("Tell us which page is concerned.")},
            "description": {"required": _("Describe the problem you met.")},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_token"].error_messages["required"] = _(
            "The form has expired: reload the page and send it again."
        )
        self.fields["submission_token"].error_messages["invalid"] = _(
            "The form has expired: reload the page and send it again."
        )

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if len(text) < 10:
            raise forms.ValidationError(
                _("Describe the problem in a few words (10 characters at least).")
            )
        return text

    def validate_unique(self):
        # A token already used is a double submission, handled by the service, not an error.
        pass
