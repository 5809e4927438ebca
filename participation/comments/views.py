"""The comment section's endpoints. Everything works without JavaScript: a form posts, the
answer redirects back to the comment on its page (or shows the form again with a French
error). A page the user may not view is "not found", here as everywhere."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.models import Page

from participation.comments import mentions, permissions, services
from participation.comments.forms import CommentForm
from participation.comments.models import Comment
from participation.comments.selectors import comment_threads


def _visible_page(request, page_id) -> Page:
    page = get_object_or_404(Page.objects.select_related("content_type"), pk=page_id)
    if not permissions.can_view(page, request.user):
        raise Http404
    return page


def _visible_comment(request, comment_id) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("page", "parent"), pk=comment_id)
    if not permissions.can_view(comment.page, request.user):
        raise Http404
    return comment


def _page_url(page) -> str:
    return page.get_url() or page.url_path


def section_context(request, page, form=None) -> dict:
    return {
        **comment_threads(page, request.user),
        "page": page,
        "form": form or CommentForm(),
        "request": request,
    }


def _form_page(request, page, form, *, comment=None, status=200):
    """The form alone, with its error and the text kept: where a post without JavaScript
    lands when it is refused, and the edit form."""
    return render(
        request,
        "participation_comments/form_page.html",
        {"target_page": page, "form": form, "comment": comment},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def page_comments(request, page_id):
    """GET: the comment section of a page (an HTML fragment). POST: a new comment or reply."""
    page = _visible_page(request, page_id)
    if request.method == "GET":
        return render(
            request, "participation_comments/section.html", section_context(request, page)
        )
    form = CommentForm(request.POST)
    form.is_valid()
    parent = None
    parent_id = form.cleaned_data.get("parent")
    if parent_id:
        parent = Comment.objects.filter(pk=parent_id, page=page).first()
        if parent is None or parent.is_deleted:
            form.add_error(None, _("The comment you replied to no longer exists."))
            return _form_page(request, page, form, status=400)
    try:
        comment = services.comment_post(
            page=page, author=request.user, text=form.cleaned_data.get("text", ""), parent=parent
        )
    except ValidationError as error:
        form.add_error("text", error)
        return _form_page(request, page, form, status=400)
    messages.success(request, _("Your comment has been published."))
    return redirect(f"{_page_url(page)}#{comment.anchor}")


@require_http_methods(["GET", "POST"])
def comment_edit(request, comment_id):
    comment = _visible_comment(request, comment_id)
    if not permissions.can_edit(comment, request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _form_page(
            request, comment.page, CommentForm(initial={"text": comment.text}), comment=comment
        )
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        services.comment_edit(
            comment=comment, user=request.user, text=form.cleaned_data.get("text", "")
        )
    except ValidationError as error:
        form.add_error("text", error)
        return _form_page(request, comment.page, form, comment=comment, status=400)
    messages.success(request, _("Your comment has been changed."))
    return redirect(f"{_page_url(comment.page)}#{comment.anchor}")


@require_POST
def comment_delete(request, comment_id):
    comment = _visible_comment(request, comment_id)
    if comment.is_deleted:
        return redirect(f"{_page_url(comment.page)}#commentaires")
    services.comment_delete(comment=comment, user=request.user)
    messages.success(request, _("The comment has been deleted."))
    return redirect(f"{_page_url(comment.page)}#commentaires")


@require_POST
def comment_hide(request, comment_id):
    comment = _visible_comment(request, comment_id)
    hidden = request.POST.get("hidden") == "1"
    services.comment_set_hidden(comment=comment, user=request.user, hidden=hidden)
    if hidden:
        messages.success(request, _("The comment is now hidden from readers."))
    else:
        messages.success(request, _("The comment is shown again."))
    return redirect(f"{_page_url(comment.page)}#{comment.anchor}")


@require_GET
def mention_candidates(request, page_id):
    """People the user may mention on this page: only people who may view it."""
    page = _visible_page(request, page_id)
    query = request.GET.get("q", "").strip()[:50]
    people = mentions.candidates(page, query) if query else []
    return JsonResponse(
        {
            "results": [
                {
                    "id": person.pk,
                    "username": person.get_username(),
                    "name": person.get_full_name() or person.get_username(),
                    "structure": (
                        person.profile.structure.name
                        if getattr(person, "profile", None) and person.profile.structure
                        else ""
                    ),
                }
                for person in people
            ]
        }
    )
