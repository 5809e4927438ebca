import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.models import ApiToken

MAX_TOKENS_PER_USER = 20


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “Tableau de bord de la structure”."),
    )
    scope = forms.ChoiceField(
        label=_("Rights"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
    )  # fmt: skip
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. After this day the token no longer works."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day and day <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day after today."))
        return day

    def clean(self):
        active = ApiToken.objects.filter(user=self.user, revoked_at__isnull=True).count()
        if active >= MAX_TOKENS_PER_USER:
            raise forms.ValidationError(
                _("You already have %(count)d active tokens: revoke one first.") % {"count": active}
            )
        return super().clean()

    def expires_at(self):
        day = self.cleaned_data.get("expires_on")
        if not day:
            return None
        midnight = datetime.datetime.combine(day, datetime.time.min)
        return timezone.make_aware(midnight)
