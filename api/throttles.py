"""Rate limits per token, or per account for session calls (settings TRAME_API_RATE_READ and
TRAME_API_RATE_WRITE, read at each request so that tests and operators can change them)."""

from django.conf import settings

from rest_framework.throttling import SimpleRateThrottle

from api.models import ApiToken


class _CallerThrottle(SimpleRateThrottle):
    setting = ""
    methods_counted: tuple[str, ...] = ()

    def get_rate(self):
        return getattr(settings, self.setting)

    def __init__(self):
        # The rate is read per request (get_cache_key), not once at construction.
        pass

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if request.method not in self.methods_counted:
            return None
        if isinstance(request.auth, ApiToken):
            ident = f"token:{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"ip:{self.get_ident(request)}"
        return f"throttle:api:{self.scope}:{ident}"


class ReadThrottle(_CallerThrottle):
    scope = "read"
    setting = "TRAME_API_RATE_READ"
    methods_counted = ("GET", "HEAD", "OPTIONS")


class WriteThrottle(_CallerThrottle):
    scope = "write"
    setting = "TRAME_API_RATE_WRITE"
    methods_counted = ("POST", "PUT", "PATCH", "DELETE")
