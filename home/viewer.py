"""Who the current request is for, where Wagtail gives no request: rich-text handlers
(home/rich_text.py) expand links with nothing but the link's attributes. Outside a request
(digest, export, index) nobody in particular is reading: an anonymous user."""

import contextlib
import contextvars

from django.contrib.auth.models import AnonymousUser

_current_request = contextvars.ContextVar("current_request", default=None)


def current_viewer():
    request = _current_request.get()
    return getattr(request, "user", None) or AnonymousUser()


@contextlib.contextmanager
def nobody_reading():
    """Within this block, nobody in particular reads (what goes into a shared index must
    not depend on the request that triggered it)."""
    token = _current_request.set(None)
    try:
        yield
    finally:
        _current_request.reset(token)


class ViewerMiddleware:
    """Remembers the request while it is answered (after AuthenticationMiddleware, so that
    `request.user` is there, still lazy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
