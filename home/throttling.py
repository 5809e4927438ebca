"""Throttling of the account forms: the lockout page of django-axes (login) and the password-reset
form limited with django-ratelimit, per address and per email typed."""

import math

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _

from axes.helpers import get_cool_off, get_failure_limit
from django_ratelimit.core import is_ratelimited

RESET_GROUP = "password-reset"


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out person sees (AXES_LOCKOUT_CALLABLE): the same page whether or not the
    username exists, with the cool-off time in minutes."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(
        request,
        "registration/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _email_key(group, request):
    # The address as typed, normalised: "Anne@X.fr " and "anne@x.fr" share one counter.
    return request.POST.get("email", "").strip().lower()


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password-reset form, refused with a French error once an address or an email
    has asked too often. Counting happens whether or not the email has an account, so the
    refusal tells nothing about accounts either."""

    def post(self, request, *args, **kwargs):
        limited = False
        for key, rate in (
            ("ip", settings.TRAME_PASSWORD_RESET_RATE_PER_IP),
            (_email_key, settings.TRAME_PASSWORD_RESET_RATE_PER_EMAIL),
        ):
            # Every counter is incremented, even once one is over its limit.
            limited |= is_ratelimited(
                request, group=RESET_GROUP, key=key, rate=rate, method="POST", increment=True
            )
        if not limited:
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()
        form.add_error(
            None,
            _("Too many password reset requests. Please wait an hour before trying again."),
        )
        return self.render_to_response(self.get_context_data(form=form), status=429)
