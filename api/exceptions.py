"""Every API error as JSON with a French `detail` (DRF's own messages are translated; the
generic ones are replaced by messages that say what to do)."""

from django.utils.translation import gettext as _

from rest_framework import exceptions, status
from rest_framework.views import exception_handler


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _generic_detail(exc) -> str | None:
    if isinstance(exc, exceptions.NotFound) and exc.detail == exceptions.NotFound.default_detail:
        return _("Not found, or you may not view it.")
    if isinstance(exc, exceptions.PermissionDenied) and (
        exc.detail == exceptions.PermissionDenied.default_detail
    ):
        return _("You may not do this.")
    return None


def french_exception_handler(exc, context):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    generic = _generic_detail(exc)
    if generic:
        response.data = {"detail": generic}
    elif isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"erreurs": response.data}
        response.data = {"detail": _("The data sent is invalid: see each field."), **errors}
    return response
