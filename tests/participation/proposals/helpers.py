import uuid

from wagtail.models import Page

from participation.proposals.services import (
    GoodPracticeData,
    ResourceData,
    good_practice_propose,
    resource_propose,
)
from tests.participation.proposals.conftest import pdf_upload


def propose_practice(user, thematic, structure, title="Un garage solidaire pour les jeunes"):
    data = GoodPracticeData(
        title=title,
        summary="Des réparations à prix coûtant.",
        thematic=thematic,
        structure=structure,
        context="Des jeunes sans voiture en état.",
        action="Un partenariat avec un garage associatif.",
        results="Quarante jeunes aidés.",
        contact="Camille Roux.",
    )
    proposal, _created = good_practice_propose(user=user, data=data, token=uuid.uuid4())
    return proposal


def propose_resource(user, thematic, title="Guide des aides à la mobilité"):
    data = ResourceData(title=title, summary="Les aides au permis.", thematic=thematic)
    proposal, _created = resource_propose(
        user=user, data=data, file=pdf_upload(), token=uuid.uuid4()
    )
    return proposal


def act(proposal, user, action, **kwargs):
    """What the admin's workflow buttons do: the task's action on the current task state."""
    page = Page.objects.get(pk=proposal.page_id)
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state.specific, user, action, **kwargs)
    proposal.refresh_from_db()
    return proposal
