"""Wagtail's permission policies, less what the user may not view. Every admin listing of
pages (explorer, page search, aging, locked pages and workflow reports, site history) and
of documents and images (library, choosers and their collection filters) asks these
policies; edit rights stay Wagtail's own."""

from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from home.visibility import hidden_collection_ids, in_visible_collections, pages_viewable_in_admin


class ViewScopedPagePermissionPolicy(PagePermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        return pages_viewable_in_admin(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def explorable_instances(self, user):
        return pages_viewable_in_admin(super().explorable_instances(user), user)


class ViewScopedCollectionPolicy(CollectionOwnershipPermissionPolicy):
    """Documents and images of a restricted collection, and the collection itself, are out
    of reach of those the restriction excludes, whatever their collection permissions."""

    def collections_user_has_any_permission_for(self, user, actions):
        collections = super().collections_user_has_any_permission_for(user, actions)
        hidden = hidden_collection_ids(user)
        return collections.exclude(pk__in=hidden) if hidden else collections

    def instances_user_has_any_permission_for(self, user, actions):
        return in_visible_collections(
            super().instances_user_has_any_permission_for(user, actions), user
        )


def pages_listable_in_admin(pages, user):
    """Narrow a page queryset to the pages the admin may name to this user in a chooser,
    a report or a dashboard panel: published pages they may view, and drafts or
    unpublished pages only when they may edit them (their titles are work in progress)."""
    pages = pages_viewable_in_admin(pages, user)
    if user.is_active and user.is_superuser:
        return pages
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def register_view_scoped_policies() -> None:
    """Called from HomeConfig.ready. The document and image policies are registered for
    their exact class, which Wagtail's own (later, per class) registration does not
    replace; the page policy replaces Wagtail's, registered when wagtail.permissions
    was imported."""
    register_permission_policy(AbstractPage, ViewScopedPagePermissionPolicy())
    for model, auth_model in (
        (get_document_model(), "wagtaildocs.Document"),
        (get_image_model(), "wagtailimages.Image"),
    ):
        register_permission_policy(
            model,
            ViewScopedCollectionPolicy(
                model, auth_model=auth_model, owner_field_name="uploaded_by_user"
            ),
            exact_class=True,
        )
