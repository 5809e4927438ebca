"""Writes of the groups app. Membership is the single source of a person's rights in a
working group: every function here leaves the Django groups, page and collection
permissions, moderation workflow and view restrictions matching the memberships and the
group's visibility. All of them are idempotent."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from groups.models import JoinRequest, Membership, WorkingGroupPage
from home.roles import EDITORS_GROUP_NAME

LEAD_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MEMBER_PAGE_PERMISSIONS = ["add_page", "change_page"]
LEAD_COLLECTION_PERMISSIONS = ["add_document", "change_document", "choose_document"]
MEMBER_COLLECTION_PERMISSIONS = ["add_document", "choose_document"]


class MembershipError(Exception):
    """A membership change refused for a reason the user must read (in French)."""


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group_name(group: WorkingGroupPage, suffix: str) -> str:
    # The page id keeps names unique when two groups share a title.
    return f"GT {group.title[:100]} · {suffix} [{group.pk}]"


def ensure_django_group(current: Group | None, name: str) -> Group:
    if current is None:
        current, _created = Group.objects.get_or_create(name=name)
    elif current.name != name:
        current.name = name
        current.save(update_fields=["name"])
    return current


def _ensure_collection(group: WorkingGroupPage) -> Collection:
    name = group.title[:255]
    collection = group.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def sync_space_permissions(
    group,
    django_group: Group,
    page_codenames,
    collection_codenames,
    *,
    admin_access: bool,
):
    """Give `django_group` exactly these permissions on the space `group` (a working group
    or a structure space: a page with a `collection`) and nowhere else."""
    page_permissions = [_permission("wagtailcore", codename) for codename in page_codenames]
    GroupPagePermission.objects.filter(group=django_group).exclude(
        page=group, permission__in=page_permissions
    ).delete()
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=django_group, page=group, permission=permission
        )
    collection_permissions = [
        _permission("wagtaildocs", codename) for codename in collection_codenames
    ]
    GroupCollectionPermission.objects.filter(group=django_group).exclude(
        collection=group.collection, permission__in=collection_permissions
    ).delete()
    for permission in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=django_group, collection=group.collection, permission=permission
        )
    # Leads run their space from the Wagtail admin, within these rights only; plain members
    # contribute through the site's own forms and never need the admin.
    access_admin = _permission("wagtailadmin", "access_admin")
    if admin_access:
        django_group.permissions.add(access_admin)
    else:
        django_group.permissions.remove(access_admin)


def _sync_workflow(group: WorkingGroupPage, approvers: list[Group]) -> None:
    """Pages of the group submitted by members are approved by its leads (or editors)."""
    name = f"Validation · {group.title}"[:255]
    link = WorkflowPage.objects.filter(page=group).select_related("workflow").first()
    if link is None:
        workflow = Workflow.objects.create(name=name, active=True)
        WorkflowPage.objects.create(page=group, workflow=workflow)
    else:
        workflow = link.workflow
        if workflow.name != name or not workflow.active:
            workflow.name, workflow.active = name, True
            workflow.save(update_fields=["name", "active"])
    task_link = WorkflowTask.objects.filter(workflow=workflow).select_related("task").first()
    if task_link is None:
        task = GroupApprovalTask.objects.create(name=f"Approbation · {group.title}"[:255])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        task = task_link.task.specific
    task.groups.set(approvers)


def _sync_restrictions(group: WorkingGroupPage, viewers: list[Group]) -> None:
    """Members-only: the group's subtree and collection are restricted to its members, leads
    and editors. Network-wide: no restriction on either."""
    page_restrictions = PageViewRestriction.objects.filter(page=group)
    collection_restrictions = CollectionViewRestriction.objects.filter(collection=group.collection)
    if not group.is_members_only:
        page_restrictions.delete()
        collection_restrictions.delete()
        return
    restrict_to_groups(page=group, collection=group.collection, viewers=viewers)


def restrict_to_groups(*, page, collection, viewers: list[Group]) -> None:
    """Make `page` (and its subtree) and `collection` viewable by these Django groups only:
    one group restriction each, created or repaired."""
    for existing, create in (
        (PageViewRestriction.objects.filter(page=page), lambda: PageViewRestriction(page=page)),
        (
            CollectionViewRestriction.objects.filter(collection=collection),
            lambda: CollectionViewRestriction(collection=collection),
        ),
    ):
        restriction = existing.first()
        if restriction is None:
            restriction = create()
        restriction.restriction_type = BaseViewRestriction.GROUPS
        restriction.password = ""
        restriction.save()
        existing.exclude(pk=restriction.pk).delete()
        restriction.groups.set(viewers)


def _sync_people(group: WorkingGroupPage) -> None:
    memberships = list(group.memberships.values_list("user_id", "role"))
    member_ids = {user_id for user_id, _role in memberships}
    lead_ids = {user_id for user_id, role in memberships if role == Membership.Role.LEAD}
    for django_group, wanted in ((group.members_group, member_ids), (group.leads_group, lead_ids)):
        set_group_users(django_group, wanted)


def set_group_users(django_group: Group, wanted: set[int]) -> None:
    """Make the users of `django_group` exactly `wanted` (user ids)."""
    current = set(django_group.user_set.values_list("pk", flat=True))
    if current - wanted:
        django_group.user_set.remove(*(current - wanted))
    if wanted - current:
        django_group.user_set.add(*(wanted - current))


@transaction.atomic
def working_group_sync(*, group: WorkingGroupPage) -> WorkingGroupPage:
    """Create or repair everything a working group's rights rest on: its Django groups
    (members, leads), its document collection, page and collection permissions on its
    subtree, its moderation workflow and, for members-only groups, the view restrictions of
    its pages and documents. Safe to run at any time; changes only what differs."""
    members = ensure_django_group(group.members_group, _group_name(group, "membres"))
    leads = ensure_django_group(group.leads_group, _group_name(group, "animateurs"))
    collection = _ensure_collection(group)
    if (group.members_group_id, group.leads_group_id, group.collection_id) != (
        members.pk,
        leads.pk,
        collection.pk,
    ):
        group.members_group, group.leads_group, group.collection = members, leads, collection
        # A queryset update: no new revision, no signal, no second sync.
        WorkingGroupPage.objects.filter(pk=group.pk).update(
            members_group=members, leads_group=leads, collection=collection
        )
    sync_space_permissions(
        group, leads, LEAD_PAGE_PERMISSIONS, LEAD_COLLECTION_PERMISSIONS, admin_access=True
    )
    sync_space_permissions(
        group, members, MEMBER_PAGE_PERMISSIONS, MEMBER_COLLECTION_PERMISSIONS, admin_access=False
    )
    # Its permissions come from `sync_roles`; it must exist for the restrictions to name it.
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    _sync_workflow(group, [leads, editors])
    _sync_restrictions(group, [members, leads, editors])
    _sync_people(group)
    return group


def working_group_sync_all() -> int:
    """Re-sync every working group; returns how many were synced."""
    count = 0
    for group in WorkingGroupPage.objects.order_by("path"):
        working_group_sync(group=group)
        count += 1
    return count


@transaction.atomic
def group_visibility_set(*, group: WorkingGroupPage, visibility: str) -> WorkingGroupPage:
    """Make a group network-wide or members-only, now: the live page, its latest revision
    (so that publishing a draft does not silently revert it) and its restrictions."""
    if visibility not in WorkingGroupPage.Visibility.values:
        raise MembershipError(_("Unknown visibility."))
    group.visibility = visibility
    WorkingGroupPage.objects.filter(pk=group.pk).update(visibility=visibility)
    revision = group.latest_revision
    if revision is not None and revision.content.get("visibility") != visibility:
        revision.content["visibility"] = visibility
        revision.save(update_fields=["content"])
    return working_group_sync(group=group)


def _lock_memberships(group: WorkingGroupPage):
    # Serialise concurrent changes of one group's memberships (no-op on SQLite).
    return list(Membership.objects.select_for_update().filter(group=group))


@transaction.atomic
def membership_add(
    *, group: WorkingGroupPage, user, role: str = Membership.Role.MEMBER
) -> Membership:
    """Make `user` a member (or lead) of `group`, with the matching rights at once. Adding
    an existing member changes nothing, except promoting them when `role` is lead."""
    _lock_memberships(group)
    membership, created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"role": role}
    )
    if not created and role == Membership.Role.LEAD and not membership.is_lead:
        membership.role = role
        membership.save(update_fields=["role"])
    JoinRequest.objects.filter(group=group, user=user, status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.APPROVED, decided_at=timezone.now()
    )
    _sync_people(_synced(group))
    return membership


def _synced(group: WorkingGroupPage) -> WorkingGroupPage:
    if group.members_group_id is None or group.leads_group_id is None:
        working_group_sync(group=group)
    return group


def _refuse_last_lead(group: WorkingGroupPage, membership: Membership) -> None:
    if membership.is_lead and not group.memberships.leads().exclude(pk=membership.pk).exists():
        raise MembershipError(
            _("%(name)s is the last lead of this group: name another lead before removing them.")
            % {"name": membership.user.get_full_name() or membership.user.get_username()}
        )


@transaction.atomic
def membership_remove(*, group: WorkingGroupPage, user) -> bool:
    """Remove `user` from `group` and revoke their rights at once. Refuses to remove the
    last lead (MembershipError). Returns False when they were not a member."""
    _lock_memberships(group)
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is None:
        return False
    _refuse_last_lead(group, membership)
    membership.delete()
    _sync_people(_synced(group))
    return True


@transaction.atomic
def membership_promote(*, group: WorkingGroupPage, user) -> Membership:
    """Make a member a lead of the group."""
    _lock_memberships(group)
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is None:
        raise MembershipError(_("Only a member of the group can become a lead."))
    if not membership.is_lead:
        membership.role = Membership.Role.LEAD
        membership.save(update_fields=["role"])
        _sync_people(_synced(group))
    return membership


@transaction.atomic
def membership_demote(*, group: WorkingGroupPage, user) -> Membership:
    """Make a lead a plain member again; refused for the last lead."""
    _lock_memberships(group)
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is None:
        raise MembershipError(_("This person is not a member of the group."))
    if membership.is_lead:
        _refuse_last_lead(group, membership)
        membership.role = Membership.Role.MEMBER
        membership.save(update_fields=["role"])
        _sync_people(_synced(group))
    return membership


@transaction.atomic
def join_request_create(*, group: WorkingGroupPage, user, message: str = "") -> JoinRequest:
    """Ask to join a network-wide, active group. Asking twice keeps the first request."""
    if group.is_members_only or group.status != WorkingGroupPage.Status.ACTIVE:
        raise MembershipError(_("This group does not accept join requests."))
    if Membership.objects.filter(group=group, user=user).exists():
        raise MembershipError(_("You are already a member of this group."))
    request, created = JoinRequest.objects.get_or_create(
        group=group,
        user=user,
        status=JoinRequest.Status.PENDING,
        defaults={"message": message[:500]},
    )
    if created:
        transaction.on_commit(lambda: _tell_leads_about(request))
    return request


def _tell_leads_about(join_request: JoinRequest) -> None:
    """Email the group's leads that someone asked to join (they decide on the group page)."""
    group = join_request.group
    leads = [
        m.user.email
        for m in group.memberships.leads().select_related("user")
        if m.user.email and m.user.is_active
    ]
    if not leads:
        return
    name = join_request.user.get_full_name() or join_request.user.get_username()
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + group.url + "#membres"
    send_mail(
        subject=_("%(name)s asks to join “%(group)s”") % {"name": name, "group": group.title},
        message=render_to_string(
            "groups/emails/join_request.txt",
            {"name": name, "group": group, "message": join_request.message, "url": url},
        ),
        from_email=None,
        recipient_list=leads,
    )


@transaction.atomic
def join_request_decide(*, join_request: JoinRequest, approve: bool, by) -> JoinRequest:
    """A lead approves (the person becomes a member) or refuses a pending request. Deciding
    a request already decided changes nothing."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.Status.PENDING:
        return join_request
    if approve:
        membership_add(group=join_request.group, user=join_request.user)
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.REFUSED
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    return join_request


def working_group_cleanup(*, group: WorkingGroupPage) -> None:
    """Before a group page is deleted: drop its Django groups (and so their permissions) and
    its workflow. Its collection is kept: documents are never lost with a page."""
    Workflow.objects.filter(workflow_pages__page=group).delete()
    for django_group in (group.members_group, group.leads_group):
        if django_group is not None:
            django_group.delete()
