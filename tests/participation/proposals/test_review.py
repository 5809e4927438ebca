"""The review of a proposal in Wagtail's workflow: who may review it (the thematic's chefs
de file and the editors), what each decision does, and the credit of a published one."""

from django.test import Client

from wagtail.models import Collection, Page, TaskState, WorkflowState

import pytest

from participation.proposals.models import ProposalStatus
from participation.proposals.services import REVIEWERS_GROUP_NAME
from tests.participation.proposals.helpers import act, propose_practice, propose_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(proposer, practices, thematic, structure):
    return propose_practice(proposer, thematic, structure)


def test_the_thematics_chefs_de_file_and_the_editors_review_it(
    proposal, proposer, chef_de_file, other_chef, editor, colleague
):
    state = WorkflowState.objects.get(object_id=str(proposal.page_id))
    for user, may in ((chef_de_file, True), (editor, True), (other_chef, False),
                      (proposer, False), (colleague, False)):  # fmt: skip
        reviewable = TaskState.objects.reviewable_by(user).filter(workflow_state=state).exists()
        assert reviewable is may, user
        page = Page.objects.get(pk=proposal.page_id)
        actions = page.current_workflow_task.get_actions(page, user)
        assert bool(actions) is may, user


def test_a_chef_de_file_reaches_it_in_the_admin_and_nothing_else(
    proposal, chef_de_file, other_chef, home_page
):
    assert chef_de_file.groups.filter(name=REVIEWERS_GROUP_NAME).exists()
    client = Client()
    client.force_login(chef_de_file)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Un garage solidaire pour les jeunes" in dashboard.content.decode()
    assert client.get(f"/admin/pages/{proposal.page_id}/edit/").status_code == 200
    # No rights on the tree: neither another page's editor nor the explorer's pages.
    assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code != 200

    client.force_login(other_chef)
    assert "Un garage solidaire" not in client.get("/admin/").content.decode()
    assert client.get(f"/admin/pages/{proposal.page_id}/edit/").status_code != 200


def test_a_chef_de_file_who_leaves_loses_the_admin(chef_de_file, thematic):
    thematic.lead_people.remove(chef_de_file)

    assert not chef_de_file.groups.filter(name=REVIEWERS_GROUP_NAME).exists()


def test_approval_publishes_with_the_proposer_credited(proposal, chef_de_file):
    act(proposal, chef_de_file, "approve", comment="")

    page = Page.objects.get(pk=proposal.page_id).specific
    assert page.live
    assert proposal.status == ProposalStatus.PUBLISHED
    assert proposal.reviewed_by == chef_de_file
    client = Client()
    client.force_login(chef_de_file)
    content = client.get(page.url).content.decode()
    assert "Proposé par Camille Roux (Mission Locale du Jura)" in content
    assert "Un partenariat avec un garage associatif." in content


def test_an_approved_resource_is_produced_by_the_proposers_structure_and_its_file_public(
    proposer, colleague, editor, library, thematic, structure, media_root
):
    proposal = propose_resource(proposer, thematic)

    act(proposal, editor, "approve", comment="Merci !")

    page = Page.objects.get(pk=proposal.page_id).specific
    assert page.live and page.producing_structure == structure
    document = page.resource_documents.get().document
    assert document.collection == Collection.get_first_root_node()
    client = Client()
    client.force_login(colleague)
    content = client.get(page.url).content.decode()
    assert "Proposé par Camille Roux" in content
    assert client.get(document.url).status_code == 200
    assert "Guide des aides à la mobilité" in client.get("/ressources/").content.decode()


def test_changes_requested_then_sent_again(proposal, proposer, chef_de_file, thematic, structure):
    act(proposal, chef_de_file, "reject", comment="Précisez les résultats, s'il vous plaît.")

    assert proposal.status == ProposalStatus.CHANGES_REQUESTED
    assert proposal.review_comment == "Précisez les résultats, s'il vous plaît."
    client = Client()
    client.force_login(proposer)
    mine = client.get("/mes-propositions/").content.decode()
    assert "Modifications demandées" in mine
    assert "Précisez les résultats, s&#x27;il vous plaît." in mine
    edit_url = f"/mes-propositions/{proposal.pk}/modifier/"
    form = client.get(edit_url)
    assert form.status_code == 200
    data = {
        name: value for name, value in form.context["form"].initial.items() if value is not None
    }
    data["results"] = "Quarante jeunes aidés, dont trente ont gardé leur emploi."

    response = client.post(edit_url, data)

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    page = Page.objects.get(pk=proposal.page_id)
    assert not page.live
    latest = page.specific.get_latest_revision_as_object()
    assert latest.results.startswith("Quarante jeunes aidés, dont trente")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Sent twice: the second finds nothing to change and changes nothing.
    client.post(edit_url, data)
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1


def test_a_proposal_in_review_cannot_be_edited(proposal, proposer):
    client = Client()
    client.force_login(proposer)

    response = client.get(f"/mes-propositions/{proposal.pk}/modifier/")

    assert response.status_code == 302


def test_refusal_ends_it(proposal, proposer, chef_de_file):
    act(proposal, chef_de_file, "decline", comment="Cette pratique existe déjà dans le réseau.")

    assert proposal.status == ProposalStatus.REFUSED
    assert proposal.review_comment == "Cette pratique existe déjà dans le réseau."
    state = WorkflowState.objects.get(object_id=str(proposal.page_id))
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert not Page.objects.get(pk=proposal.page_id).live
    client = Client()
    client.force_login(proposer)
    mine = client.get("/mes-propositions/").content.decode()
    assert "Refusée" in mine and "existe déjà" in mine


def test_a_workflow_restarted_in_the_admin_puts_it_back_in_review(proposal, chef_de_file, editor):
    act(proposal, chef_de_file, "reject", comment="Ajoutez un contact.")
    page = Page.objects.get(pk=proposal.page_id)
    state = page.current_workflow_state

    # What the admin's « restart workflow » does.
    state.cancel(user=editor)
    state.workflow.start(page, editor)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_a_reviewer_previews_a_proposed_resource(proposer, editor, library, thematic, media_root):
    proposal = propose_resource(proposer, thematic)
    revision = Page.objects.get(pk=proposal.page_id).get_latest_revision()
    client = Client()
    client.force_login(editor)

    response = client.get(f"/admin/pages/{proposal.page_id}/revisions/{revision.pk}/view/")

    assert response.status_code == 200
    assert "Guide des aides à la mobilité" in response.content.decode()
