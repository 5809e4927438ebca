from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .policy import password_login_allowed


class TrameAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing before any password check (and so before django-axes
    counts a failure) the accounts that must sign in through the identity provider."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "sso_required": _(
            "Sign-in with a password is reserved for emergency accounts: use the button "
            "« Sign in with … » above."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and not password_login_allowed(username):
            raise forms.ValidationError(self.error_messages["sso_required"], code="sso_required")
        return super().clean()
