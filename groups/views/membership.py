"""Front-end membership actions of a working group. POST only, CSRF-protected; each one
calls a service and comes back to the group page with a French message. Submitting twice
changes nothing more than submitting once (the services are idempotent)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups.models import JoinRequest, Membership, WorkingGroupPage
from groups.selectors import user_can_manage
from groups.services import (
    MembershipError,
    join_request_create,
    join_request_decide,
    membership_add,
    membership_demote,
    membership_promote,
    membership_remove,
)
from home.visibility import page_is_visible_to


def _visible_group(request, group_id) -> WorkingGroupPage:
    group = get_object_or_404(WorkingGroupPage, pk=group_id)
    if not page_is_visible_to(group, request.user):
        raise Http404
    return group


def _managed_group(request, group_id) -> WorkingGroupPage:
    group = _visible_group(request, group_id)
    membership = Membership.objects.filter(group=group, user=request.user).first()
    if not user_can_manage(group, request.user, membership):
        raise PermissionDenied
    return group


def _back(group):
    return redirect(group.url + "#membres")


def _name(user):
    return user.get_full_name() or user.get_username()


@require_POST
def join(request, group_id):
    group = _visible_group(request, group_id)
    try:
        join_request_create(group=group, user=request.user, message=request.POST.get("message", ""))
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your request has been sent to the leads of the group."))
    return _back(group)


@require_POST
def leave(request, group_id):
    group = _visible_group(request, group_id)
    try:
        removed = membership_remove(group=group, user=request.user)
    except MembershipError as error:
        messages.error(request, str(error))
        return _back(group)
    if removed:
        messages.success(
            request, _("You have left the group “%(group)s”.") % {"group": group.title}
        )
    # A members-only group is no longer visible to someone who left it.
    return redirect(group.get_parent().url if group.is_members_only else group.url)


@require_POST
def member_add(request, group_id):
    """Add a member by email or username. The answer is the same whether or not an active
    account matches, and whether or not they were already a member: the form must not tell
    a lead which emails have an account."""
    group = _managed_group(request, group_id)
    identifier = request.POST.get("person", "").strip()
    User = get_user_model()
    user = (
        User.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
        .filter(is_active=True)
        .first()
        if identifier
        else None
    )
    if user is not None:
        membership_add(group=group, user=user)
    messages.info(
        request,
        _(
            "If an active account matches “%(person)s”, that person is now a member of the "
            "group and appears in the list of members."
        )
        % {"person": identifier},
    )
    return _back(group)


@require_POST
def member_remove(request, group_id, user_id):
    group = _managed_group(request, group_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    try:
        removed = membership_remove(group=group, user=user)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        if removed:
            messages.success(
                request, _("%(name)s is no longer a member of the group.") % {"name": _name(user)}
            )
    return _back(group)


@require_POST
def member_role(request, group_id, user_id):
    group = _managed_group(request, group_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    try:
        if request.POST.get("role") == Membership.Role.LEAD:
            membership_promote(group=group, user=user)
            messages.success(request, _("%(name)s is now a lead.") % {"name": _name(user)})
        else:
            membership_demote(group=group, user=user)
            messages.success(request, _("%(name)s is now a member.") % {"name": _name(user)})
    except MembershipError as error:
        messages.error(request, str(error))
    return _back(group)


@require_POST
def join_request_decision(request, group_id, request_id):
    group = _managed_group(request, group_id)
    join_request = get_object_or_404(JoinRequest, pk=request_id, group=group)
    approve = request.POST.get("decision") == "approve"
    join_request = join_request_decide(join_request=join_request, approve=approve, by=request.user)
    name = _name(join_request.user)
    if join_request.status == JoinRequest.Status.APPROVED:
        messages.success(request, _("%(name)s has joined the group.") % {"name": name})
    else:
        messages.info(request, _("The request of %(name)s has been refused.") % {"name": name})
    return _back(group)
