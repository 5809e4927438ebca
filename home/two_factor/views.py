"""Set up, verify, and manage the second factor; French pages in the site's own layout."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .forms import CodeForm
from .policy import two_factor_required, user_has_two_factor
from .qr import qr_code_svg, secret_for_display
from .verification import code_check


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _mark_verified(request, device) -> None:
    # A new session key once the second factor is given, as after the password.
    request.session.cycle_key()
    django_otp.login(request, device)


def _wait_message(locked_until) -> str:
    seconds = max(1, round((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes: try again in %(seconds)d second.",
        "Too many wrong codes: try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def _has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@never_cache
def verify(request):
    """The step after the password, for anyone who has a second factor."""
    next_url = _next_url(request, default=settings.LOGIN_REDIRECT_URL)
    user = request.user
    if user.is_verified() or not user_has_two_factor(user):
        return redirect(next_url)
    form = CodeForm(request.POST or None, recovery_allowed=True)
    if form.is_valid():
        check = code_check(user=user, code=form.cleaned_data["code"])
        if check.accepted:
            _mark_verified(request, check.device)
            if check.used_recovery_code:
                left = services.recovery_codes_left(user=user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code: %(count)d code left. "
                        "Generate new ones from your account.",
                        "You used a recovery code: %(count)d codes left. "
                        "Generate new ones from your account if you run short.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
        form.add_error(
            "code",
            _wait_message(check.locked_until)
            if check.locked_until
            else _(
                "This code is not valid. Enter the code your app shows now, or an unused "
                "recovery code."
            ),
        )
    return render(
        request,
        "home/two_factor/verify.html",
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


@never_cache
def setup(request):
    """Pair an authenticator app: QR code and secret as text, then a code to confirm."""
    user = request.user
    if _has_app(user):
        messages.info(request, _("Two-factor authentication is already on for your account."))
        return redirect("two_factor:manage")
    default_next = reverse("wagtailadmin_home") if two_factor_required(user) else "/"
    next_url = _next_url(request, default=default_next)
    device = services.totp_device_pending(user=user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        allowed, details = device.verify_is_allowed()
        codes = (
            services.totp_device_confirm(device=device, code=form.cleaned_data["code"])
            if allowed
            else None
        )
        if codes is not None:
            device.refresh_from_db()
            _mark_verified(request, device)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return _recovery_codes_page(request, codes, next_url)
        form.add_error(
            "code",
            _wait_message(details["locked_until"])
            if not allowed
            else _(
                "This code is not valid. Enter the six digits your app shows now; if it "
                "is refused again, check that your phone is on time."
            ),
        )
    return render(
        request,
        "home/two_factor/setup.html",
        {
            "form": form,
            "next": next_url,
            "required": two_factor_required(user),
            "qr_code": mark_safe(qr_code_svg(device.config_url)),  # noqa: S308 - generated SVG
            "secret": secret_for_display(device.bin_key),
        },
        status=400 if form.errors else 200,
    )


def _recovery_codes_page(request, codes: list[str], next_url: str):
    return render(
        request, "home/two_factor/recovery_codes.html", {"codes": codes, "next": next_url}
    )


@never_cache
def manage(request, disable_form=None):
    """The account's « Double authentification » section (front end and admin account)."""
    user = request.user
    return render(
        request,
        "home/two_factor/manage.html",
        {
            "has_app": _has_app(user),
            "required": two_factor_required(user),
            "recovery_codes_left": services.recovery_codes_left(user=user),
            "disable_form": disable_form or CodeForm(recovery_allowed=True),
        },
        status=400 if disable_form is not None and disable_form.errors else 200,
    )


@never_cache
@require_POST
def recovery_codes(request):
    """New recovery codes, replacing the old ones (the session is verified: see middleware)."""
    if not _has_app(request.user):
        return redirect("two_factor:manage")
    codes = services.recovery_codes_regenerate(user=request.user)
    messages.success(request, _("New recovery codes were generated; the old ones no longer work."))
    return _recovery_codes_page(request, codes, reverse("two_factor:manage"))


@never_cache
@require_POST
def disable(request):
    """Turn the second factor off, after one more code (a borrowed session is not enough)."""
    user = request.user
    form = CodeForm(request.POST, recovery_allowed=True)
    if form.is_valid():
        check = code_check(user=user, code=form.cleaned_data["code"])
        if check.accepted:
            services.two_factor_remove(user=user)
            if two_factor_required(user):
                messages.warning(
                    request,
                    _(
                        "Two-factor authentication is off. You must set it up again "
                        "before your next visit to the administration."
                    ),
                )
            else:
                messages.success(request, _("Two-factor authentication is off."))
            return redirect("two_factor:manage")
        form.add_error(
            "code",
            _wait_message(check.locked_until)
            if check.locked_until
            else _("This code is not valid: two-factor authentication stays on."),
        )
    return manage(request, disable_form=form)
