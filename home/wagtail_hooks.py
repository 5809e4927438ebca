from django.http import Http404

from wagtail import hooks

from home.visibility import document_is_hidden_by_group, page_is_hidden_by_group


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


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    from home.lockouts import LockoutViewSet

    return LockoutViewSet()
