"""Depositing a document in a group's space from its page, without the admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.permissions import policy_registry

from groups.models import Membership
from groups.selectors import user_is_editor
from groups.views.membership import _visible_group
from home.uploads.errors import collection_forbidden


@require_POST
def document_add(request, group_id):
    """Store an uploaded file in the group's collection. The document form checks the file
    and the collection (see `home.uploads`); the collection is also checked here first,
    because a user who may add to no collection at all cannot even get Wagtail's form (its
    constructor raises)."""
    group = _visible_group(request, group_id)
    if not (
        Membership.objects.filter(group=group, user=request.user).exists()
        or user_is_editor(request.user)
    ):
        raise PermissionDenied
    Document = get_document_model()
    if not (
        group.collection_id
        and policy_registry.get_by_type(Document)
        .collections_user_has_permission_for(request.user, "add")
        .filter(pk=group.collection_id)
        .exists()
    ):
        messages.error(
            request,
            _("The document was not saved: %(errors)s")
            % {"errors": collection_forbidden().message},
        )
        return redirect(group.url + "#documents")
    DocumentForm = get_document_form(Document, fields=["title", "file", "collection"])
    data = request.POST.copy()
    data["collection"] = str(group.collection_id)
    form = DocumentForm(
        data, request.FILES, user=request.user, instance=Document(uploaded_by_user=request.user)
    )
    if form.is_valid():
        document = form.save()
        messages.success(
            request, _("“%(title)s” is in the documents of the group.") % {"title": document.title}
        )
    else:
        errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
        messages.error(
            request,
            _("The document was not saved: %(errors)s") % {"errors": " ".join(errors)},
        )
    return redirect(group.url + "#documents")
