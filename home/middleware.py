from django.conf import settings
from django.shortcuts import render

from wagtail.models import Site

from csp.middleware import CSPMiddleware

from home.caching import PAGES, cached
from home.params import InvalidParameters


class CachedSiteMiddleware:
    """Find the request's Wagtail site (with its root page) in the cache rather than with
    two or three queries on every request; Wagtail reads it from `request._wagtail_site`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() validates the host against ALLOWED_HOSTS: no cache entry per forged host.
        key = f"site:{request.get_host()}"
        request._wagtail_site = cached(PAGES, key, lambda: self._find_site(request))
        return self.get_response(request)

    @staticmethod
    def _find_site(request):
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 - loaded now so that it is cached with the site
        return site


class InvalidParametersMiddleware:
    """Answers `InvalidParameters` raised by any view (Wagtail pages and their routes
    included) with the French 400 page, which lists what could not be read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, InvalidParameters):
            return render(request, "400.html", {"errors": exception.messages}, status=400)
        return None


class TrameCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with a second, looser policy for the Wagtail admin.

    The front end gets `CONTENT_SECURITY_POLICY` (no inline script or style). Wagtail's admin
    still renders inline scripts (inline panels, date widgets) and style attributes, so paths
    under `TRAME_CSP_ADMIN_PREFIX` get `TRAME_CSP_ADMIN_DIRECTIVES` instead: same origins, with
    'unsafe-inline'. Previews keep the front-end policy: Wagtail runs them through the
    middleware as a request for the page's own URL, and the header set then is kept.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefix = getattr(settings, "TRAME_CSP_ADMIN_PREFIX", None)
        if not report_only and parts.config is None and prefix and request.path.startswith(prefix):
            parts.config = settings.TRAME_CSP_ADMIN_DIRECTIVES
            # A nonce would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts
