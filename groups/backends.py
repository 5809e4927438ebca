from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from home.caching import MEMBERSHIPS, cached


class ProfileModelBackend(ModelBackend):
    """Django's model backend, tuned for pages that every professional loads many times:
    the session's user comes with their profile and structure in one query, and their
    permissions come from the cache (invalidated when groups or permissions change)."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = User._default_manager.select_related("profile__structure").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = cached(
                MEMBERSHIPS,
                f"permissions:{user_obj.pk}:{user_obj.is_superuser}",
                lambda: super(ProfileModelBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache
