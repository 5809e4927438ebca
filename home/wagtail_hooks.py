from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.dashboard import scope_homepage_panels, scope_summary_items
from home.permission_policies import pages_listable_in_admin
from home.rich_text import (
    ReservedDocumentLinkHandler,
    ReservedImageEmbedHandler,
    ReservedPageLinkHandler,
)
from home.visibility import (
    document_is_hidden_by_group,
    in_visible_collections,
    page_is_hidden_by_group,
    pages_viewable_in_admin,
)


# Wagtail answers a logged-in user outside a group restriction with a redirect to the login
# page, which sends them straight back (they are logged in): a loop. A restricted page or
# document is answered "not found" instead, which also keeps its existence private.
@hooks.register("before_serve_page", order=-10)
def hide_restricted_page(page, request, serve_args, serve_kwargs):
    if request.user.is_authenticated and page_is_hidden_by_group(page, request.user):
        raise Http404


@hooks.register("before_serve_document", order=-10)
def hide_restricted_document(document, request):
    if request.user.is_authenticated and document_is_hidden_by_group(document, request.user):
        raise Http404


# After Wagtail's own registrations (order 0), which these handlers replace.
@hooks.register("register_rich_text_features", order=100)
def rich_text_hides_reserved_targets(features):
    features.register_link_type(ReservedPageLinkHandler)
    features.register_link_type(ReservedDocumentLinkHandler)
    features.register_embed_type(ReservedImageEmbedHandler)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_viewable_pages(parent_page, pages, request):
    return pages_viewable_in_admin(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_offers_listable_pages(pages, request):
    return pages_listable_in_admin(pages, request.user)


# After Wagtail's own summary items (registered at order 0), which these replace.
hooks.register("construct_homepage_panels", scope_homepage_panels, order=100)
hooks.register("construct_homepage_summary_items", scope_summary_items, order=100)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_offers_viewable_documents(documents, request):
    return in_visible_collections(documents, request.user)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_offers_viewable_images(images, request):
    return in_visible_collections(images, request.user)


# The admin's account page links to the second factor's own page (home/two_factor).
@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Protect your account with a code from an app on your phone."),
    }


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    from home.lockouts import LockoutViewSet

    return LockoutViewSet()
