"""Send an unverified session to the second factor before it reaches anything it protects."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse

from .policy import two_factor_required, user_has_two_factor


def redirect_with_next(url_name: str, request) -> HttpResponseRedirect:
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(url_name)}?{query}")


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware (which tells whether the session is verified):

    - a person with a device must verify once per session, before any page;
    - an editor or administrator without one is sent to the setup before any admin page,
      when TRAME_REQUIRE_2FA_FOR_STAFF is true.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            path = request.path_info
            if path not in (reverse("two_factor:verify"), reverse("logout")):
                if user_has_two_factor(user):
                    return redirect_with_next("two_factor:verify", request)
                if path.startswith(reverse("wagtailadmin_home")) and two_factor_required(user):
                    return redirect_with_next("two_factor:setup", request)
        return self.get_response(request)
