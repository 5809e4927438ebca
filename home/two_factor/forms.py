from django import forms
from django.utils.translation import gettext_lazy as _


def normalise_code(value: str) -> str:
    """Codes are read aloud and copied by hand: spaces and dashes do not count, nor case."""
    return "".join(value.split()).replace("-", "").lower()


class CodeForm(forms.Form):
    """One code: the authenticator app's six digits or, when allowed, a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, recovery_allowed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        if recovery_allowed:
            field.label = _("Code from your app or recovery code")
            field.help_text = _(
                "Six digits from your authenticator app, or one of your recovery codes."
            )
        else:
            field.label = _("Code from your app")
            field.help_text = _("The six digits your authenticator app shows now.")
            field.widget.attrs["inputmode"] = "numeric"

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("Enter a code."))
        return code
