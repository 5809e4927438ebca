"""Invalidate the versioned caches of `home/caching.py` when what they hold changes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.caching import MEMBERSHIPS, PAGES, RESTRICTIONS, namespace_invalidate


@receiver(post_save)
@receiver(post_delete)
def invalidate_pages(sender, instance, created=False, **kwargs):
    from home.models import SiteIdentitySettings

    # Wagtail creates empty settings on their first read: nothing shown changes then.
    settings_changed = isinstance(instance, SiteIdentitySettings) and not created
    if settings_changed or isinstance(instance, Page | Site):
        namespace_invalidate(PAGES)


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_pages_on_publication(sender, instance, **kwargs):
    namespace_invalidate(PAGES)


@receiver(post_page_move)
def invalidate_on_move(sender, instance, **kwargs):
    # Restrictions are matched by path, which a move changes.
    namespace_invalidate(PAGES)
    namespace_invalidate(RESTRICTIONS)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
@receiver(m2m_changed, sender=CollectionViewRestriction.groups.through)
@receiver(post_save, sender=Collection)  # restrictions are matched by collection path
@receiver(post_delete, sender=Collection)
def invalidate_restrictions(sender, **kwargs):
    namespace_invalidate(RESTRICTIONS)


@receiver(m2m_changed, sender=get_user_model().groups.through)
@receiver(m2m_changed, sender=get_user_model().user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(post_save, sender=Group)
@receiver(post_delete, sender=Group)
@receiver(post_save, sender=Permission)
def invalidate_memberships(sender, **kwargs):
    namespace_invalidate(MEMBERSHIPS)
