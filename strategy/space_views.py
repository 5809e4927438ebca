"""« Créer notre projet à partir de la trame », from a structure's space."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups.models import StructureSpacePage
from groups.space_selectors import user_edits_space
from home.visibility import page_is_visible_to
from strategy.services import TrameError, plan_create_from_trame


@require_POST
def plan_create(request, space_id):
    """Create the structure's plan from the trame and open it in the admin; a second click
    (or a structure that already has its plan) opens the existing plan instead."""
    space = get_object_or_404(StructureSpacePage.objects.select_related("structure"), pk=space_id)
    if not page_is_visible_to(space, request.user):
        raise Http404
    if not user_edits_space(space, request.user):
        raise PermissionDenied
    try:
        plan, created = plan_create_from_trame(space=space, user=request.user)
    except TrameError as error:
        messages.error(request, str(error))
        return redirect(space.url)
    if created:
        messages.success(
            request,
            _(
                "Your plan has been created from the trame as a draft: fill in its sections, "
                "then publish it."
            ),
        )
    else:
        messages.info(request, _("Your structure already has its plan: here it is."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[plan.pk]))
