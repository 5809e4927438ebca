"""« Gérer l'équipe éditoriale »: the director of a structure, or a regional editor, names
the editors of the structure's space among its people, and takes the rights back. POSTs
are CSRF-protected and idempotent: naming someone twice changes nothing more."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups.forms import StructureEditorForm
from groups.models import StructureSpacePage
from groups.services import MembershipError
from groups.space_selectors import space_team, user_names_editors
from groups.spaces import structure_editor_add, structure_editor_remove
from home.params import clean_parameters
from home.visibility import page_is_visible_to


def _managed_space(request, space_id) -> StructureSpacePage:
    space = get_object_or_404(StructureSpacePage.objects.select_related("structure"), pk=space_id)
    if not page_is_visible_to(space, request.user):
        raise Http404
    if not user_names_editors(space, request.user):
        raise PermissionDenied
    return space


def _back(space):
    return redirect(reverse("groups:space_team", args=[space.pk]))


def _name(user):
    return user.get_full_name() or user.get_username()


def team(request, space_id):
    space = _managed_space(request, space_id)
    return render(
        request,
        "groups/space_team.html",
        {"space": space, "structure": space.structure, "team": space_team(space)},
    )


@require_POST
def editor_add(request, space_id):
    space = _managed_space(request, space_id)
    if not request.POST.get("person"):
        messages.error(request, _("Choose the person to name editor."))
        return _back(space)
    user_id = clean_parameters(StructureEditorForm(request.POST))["person"]
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        messages.error(request, _("Only a person of the structure can be one of its editors."))
        return _back(space)
    try:
        structure_editor_add(structure=space.structure, user=user, by=request.user)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s is now an editor of the space of %(structure)s.")
            % {"name": _name(user), "structure": space.structure.name},
        )
    return _back(space)


@require_POST
def editor_remove(request, space_id, user_id):
    space = _managed_space(request, space_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    if structure_editor_remove(structure=space.structure, user=user):
        messages.success(
            request, _("%(name)s is no longer an editor of the space.") % {"name": _name(user)}
        )
    return _back(space)
