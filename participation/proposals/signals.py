"""A proposal follows its page's workflow: each of Wagtail's workflow signals updates the
proposal and, once the transaction commits, tells the proposer (and, at submission, the
reviewers) through `participation.notify`."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from groups.models import Thematic
from home.visibility import page_is_visible_to
from participation.kinds import NotificationKind
from participation.notify import notify
from participation.proposals.models import Proposal, ProposalStatus


def _proposal(workflow_state) -> Proposal | None:
    if not str(workflow_state.object_id).isdigit():
        return None
    return (
        Proposal.objects.filter(page_id=int(workflow_state.object_id))
        .select_related("proposer", "page", "thematic")
        .first()
    )


def _mine_url() -> str:
    return reverse("proposals:mine")


def _tell_proposer(proposal: Proposal, message: str, *, url: str, actor=None, may_view=None):
    proposer = proposal.proposer
    if proposer is None:
        return
    page = proposal.page

    def send():
        notify(
            [proposer],
            NotificationKind.PROPOSAL,
            message=message,
            url=url,
            actor=actor,
            target=page,
            may_view=may_view,
        )

    transaction.on_commit(send)


def _reviewers(proposal: Proposal) -> list:
    from django.contrib.auth import get_user_model

    from home.roles import EDITORS_GROUP_NAME

    leads = list(proposal.thematic.lead_people.all()) if proposal.thematic else []
    if leads:
        return leads
    return list(get_user_model().objects.filter(groups__name=EDITORS_GROUP_NAME))


def _tell_reviewers(proposal: Proposal, message: str, actor) -> None:
    url = reverse("wagtailadmin_pages:edit", args=[proposal.page_id])
    reviewers = _reviewers(proposal)
    page = proposal.page

    def send():
        notify(
            reviewers, NotificationKind.PROPOSAL, message=message, url=url, actor=actor,
            target=page,
        )  # fmt: skip

    transaction.on_commit(send)


@receiver(workflow_submitted, dispatch_uid="proposals-submitted")
def proposal_submitted(sender, instance, user=None, **kwargs):
    proposal = _proposal(instance)
    if proposal is None:
        return
    # Also a workflow restarted from the admin after a request for changes (Wagtail cancels
    # the previous one first, which left the proposal withdrawn).
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.PENDING)
    title = proposal.page.title
    # Told even though they are the actor: it is the receipt of their proposal.
    _tell_proposer(
        proposal,
        _("Your proposal « %(title)s » has been sent for review.") % {"title": title},
        url=_mine_url(),
    )
    _tell_reviewers(
        proposal, _("A proposal awaits your review: « %(title)s ».") % {"title": title}, user
    )


@receiver(task_submitted, dispatch_uid="proposals-resubmitted")
def proposal_resubmitted(sender, instance, user=None, **kwargs):
    """A task started again after a request for changes: the proposal is back in review."""
    proposal = _proposal(instance.workflow_state)
    if proposal is None or proposal.status != ProposalStatus.CHANGES_REQUESTED:
        return
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.PENDING)
    title = proposal.page.title
    _tell_proposer(
        proposal,
        _("Your changes to « %(title)s » have been sent for review.") % {"title": title},
        url=_mine_url(),
    )
    _tell_reviewers(
        proposal,
        _("A proposal was changed and awaits your review: « %(title)s ».") % {"title": title},
        user,
    )


@receiver(workflow_rejected, dispatch_uid="proposals-changes-requested")
def proposal_changes_requested(sender, instance, user=None, **kwargs):
    """Wagtail's « reject » of a task: the reviewer asks for changes, with a comment."""
    proposal = _proposal(instance)
    if proposal is None:
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    Proposal.objects.filter(pk=proposal.pk).update(
        status=ProposalStatus.CHANGES_REQUESTED, review_comment=comment, reviewed_by=user
    )
    message = _("Changes are requested on your proposal « %(title)s ».") % {
        "title": proposal.page.title
    }
    if comment:
        message = f"{message} {_('Comment:')} {comment}"
    _tell_proposer(proposal, message, url=_mine_url(), actor=user)


@receiver(workflow_approved, dispatch_uid="proposals-published")
def proposal_published(sender, instance, user=None, **kwargs):
    """The last task approved: Wagtail has published the page."""
    from participation.proposals.services import proposal_publish_files

    proposal = _proposal(instance)
    if proposal is None:
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    Proposal.objects.filter(pk=proposal.pk).update(
        status=ProposalStatus.PUBLISHED,
        review_comment=comment,
        reviewed_by=user,
        decided_at=timezone.now(),
    )
    proposal_publish_files(proposal)
    page = proposal.page.specific
    page.refresh_from_db()
    message = _("Your proposal « %(title)s » is published.") % {"title": page.title}
    if comment:
        message = f"{message} {_('Comment:')} {comment}"
    _tell_proposer(
        proposal,
        message,
        url=page.url or _mine_url(),
        actor=user,
        may_view=partial(_may_view, page),
    )


def _may_view(page, user) -> bool:
    return page_is_visible_to(page, user)


@receiver(workflow_cancelled, dispatch_uid="proposals-cancelled")
def proposal_cancelled(sender, instance, user=None, **kwargs):
    """Refused by a reviewer (the task's « Refuse »), or the workflow cancelled."""
    proposal = _proposal(instance)
    if proposal is None:
        return
    if proposal.status != ProposalStatus.REFUSED:
        Proposal.objects.filter(pk=proposal.pk).update(
            status=ProposalStatus.WITHDRAWN, decided_at=timezone.now()
        )
        return
    message = _("Your proposal « %(title)s » was not accepted.") % {"title": proposal.page.title}
    if proposal.review_comment:
        message = f"{message} {_('Comment:')} {proposal.review_comment}"
    _tell_proposer(proposal, message, url=_mine_url(), actor=user)


@receiver(m2m_changed, sender=Thematic.lead_people.through, dispatch_uid="proposals-chefs-de-file")
def chefs_de_file_changed(sender, action, **kwargs):
    """The chefs de file may open the admin to review: their group follows the thematics."""
    if action in ("post_add", "post_remove", "post_clear"):
        from participation.proposals.services import reviewers_group_sync

        reviewers_group_sync()
