from django.utils.translation import gettext_lazy as _

from rest_framework import permissions

from api.models import ApiToken


class TokenScopePermission(permissions.BasePermission):
    """A read-only token reads; writing needs a read-write token (or the session)."""

    message = _("This API token is read-only: create a read-write token to write.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        token = request.auth
        return not isinstance(token, ApiToken) or token.can_write
