from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Task, TaskState

from home.roles import EDITORS_GROUP_NAME

from .proposals import Proposal, ProposalStatus

DECLINE = "decline"


def _is_editor(user) -> bool:
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_trame_is_editor"):
        user._trame_is_editor = user.groups.filter(name=EDITORS_GROUP_NAME).exists()
    return user._trame_is_editor


def _led_page_ids(user) -> set[int]:
    """The pages of the proposals whose thematic this person is a chef de file of."""
    if not user.is_active:
        return set()
    if not hasattr(user, "_trame_reviewable_pages"):
        user._trame_reviewable_pages = set(
            Proposal.objects.filter(thematic__lead_people=user).values_list("page_id", flat=True)
        )
    return user._trame_reviewable_pages


class ThematicReviewTask(Task):
    """The review of a proposal: the chefs de file of its thematic and the editors approve
    it (it is then published), ask for changes with a comment, or refuse it. Anyone else,
    the proposer included, cannot edit the page while it waits."""

    class Meta:
        verbose_name = _("Thematic review")
        verbose_name_plural = _("Thematic reviews")

    def user_can_review(self, obj, user) -> bool:
        return _is_editor(user) or obj.pk in _led_page_ids(user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve with a comment"), True),
            (DECLINE, _("Refuse"), True),
        ]

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """« Refuse » ends the proposal: the task is rejected with the reviewer's comment
        and the workflow cancelled (Wagtail's own « reject » asks for changes)."""
        if action_name != DECLINE:
            return super().on_action(task_state, user, action_name, **kwargs)
        workflow_state = task_state.workflow_state
        Proposal.objects.filter(page_id=workflow_state.object_id).update(
            status=ProposalStatus.REFUSED,
            review_comment=kwargs.get("comment", ""),
            reviewed_by=user,
            decided_at=timezone.now(),
        )
        task_state.reject(user=user, update=False, comment=kwargs.get("comment", ""))
        workflow_state.refresh_from_db()
        workflow_state.cancel(user=user)
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if _is_editor(user):
            return states
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in _led_page_ids(user)])

    @classmethod
    def get_description(cls):
        return _("The chefs de file of the proposal's thematic, and the editors, review it")
