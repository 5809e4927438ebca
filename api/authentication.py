"""Who calls the API: a personal token (`Authorization: Bearer trame_…`) or the browser
session (DRF's session authentication, which enforces CSRF on writes)."""

from django.utils.translation import gettext_lazy as _

from rest_framework import authentication, exceptions

from api.tokens import token_find, token_touch


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Malformed Authorization header: expected “Bearer <token>”.")
            )
        token = token_find(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(_("Unknown API token."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("This API token has been revoked."))
        if token.is_expired:
            raise exceptions.AuthenticationFailed(_("This API token has expired."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is disabled."))
        token_touch(token)
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to a call without valid credentials.
        return 'Bearer realm="api"'
