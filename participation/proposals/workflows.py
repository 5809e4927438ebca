"""What ends an approved workflow (`WAGTAIL_FINISH_WORKFLOW_ACTION`): Wagtail publishes the
page as the approving user, which needs publish rights. A chef de file reviewing a proposal
has none on the library: the review task has already checked that they may approve it, so a
proposal is published without that second check; every other page as Wagtail does."""

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state, user=None):
    from participation.proposals.models import Proposal, ThematicReviewTask

    is_proposal_review = (
        str(workflow_state.object_id).isdigit()
        and Proposal.objects.filter(page_id=int(workflow_state.object_id)).exists()
        and ThematicReviewTask.objects.filter(
            workflow_tasks__workflow=workflow_state.workflow
        ).exists()
    )
    if not is_proposal_review:
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.content_object.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)
