"""Login page with the provider's button first, the provider's round trip (start and
callback) and a logout that also ends the provider's session when it can."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from mozilla_django_oidc import views as oidc_views

from .backends import REFUSAL_ATTRIBUTE, trame_oidc_setting
from .forms import TrameAuthenticationForm
from .logout import SSO_SESSION_KEY, provider_logout_url
from .policy import password_login_restricted
from .provider import ProviderUnavailable, provider_name, sso_enabled


def _require_sso(view):
    def wrapped(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        return view(self, request, *args, **kwargs)

    return wrapped


class AuthenticateView(oidc_views.OIDCAuthenticationRequestView):
    """Sends the browser to the provider (state, nonce and PKCE kept in the session)."""

    get_settings = staticmethod(trame_oidc_setting)

    def __init__(self, *args, **kwargs):
        # The endpoints are read per request: the provider may be discovered late.
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    @_require_sso
    def get(self, request):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        except ProviderUnavailable:
            messages.error(
                request, _("The identity provider did not answer. Try again in a few minutes.")
            )
            return HttpResponseRedirect(self.get_settings("LOGIN_REDIRECT_URL_FAILURE"))
        return super().get(request)


class CallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """Back from the provider: sign in, or back to the login page with the reason."""

    get_settings = staticmethod(trame_oidc_setting)

    @_require_sso
    def get(self, request):
        return super().get(request)

    def login_success(self):
        response = super().login_success()
        self.request.session[SSO_SESSION_KEY] = True
        return response

    def login_failure(self):
        reason = getattr(self.request, REFUSAL_ATTRIBUTE, None) or _(
            "Sign-in with the identity provider failed or was cancelled."
        )
        messages.error(self.request, reason)
        return super().login_failure()


class LoginView(auth_views.LoginView):
    """Trame's login page: « Se connecter avec … » first when SSO is on; the password form
    refuses everyone but the break-glass accounts when SSO is required."""

    authentication_form = TrameAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = sso_enabled()
        context["sso_provider_name"] = provider_name() or _("the network's identity provider")
        context["sso_required"] = password_login_restricted()
        return context


class LogoutView(auth_views.LogoutView):
    """Ends Trame's session, then the provider's when the person came through it and the
    provider advertises an end_session_endpoint."""

    def post(self, request, *args, **kwargs):
        # Read before the logout flushes the session (it holds the ID token).
        target = provider_logout_url(request) if request.session.get(SSO_SESSION_KEY) else None
        response = super().post(request, *args, **kwargs)
        if target and response.status_code in (301, 302):
            return HttpResponseRedirect(target)
        return response
