"""The proposer hears of each step once the transaction commits; the reviewers hear of a
proposal to review."""

from wagtail.models import Page

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from participation.proposals.services import GoodPracticeData, proposal_resubmit
from tests.participation.proposals.helpers import act, propose_practice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _messages(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind=NotificationKind.PROPOSAL)
        .order_by("pk")
        .values_list("message", flat=True)
    )


def test_each_step_is_told_to_the_proposer(proposer, chef_de_file, practices, thematic,
                                           structure):  # fmt: skip
    proposal = propose_practice(proposer, thematic, structure)
    assert _messages(proposer) == [
        "Votre proposition « Un garage solidaire pour les jeunes » a été envoyée pour relecture."
    ]
    assert _messages(chef_de_file) == [
        "Une proposition attend votre relecture : « Un garage solidaire pour les jeunes »."
    ]

    act(proposal, chef_de_file, "reject", comment="Ajoutez un contact.")
    assert _messages(proposer)[-1] == (
        "Des modifications sont demandées sur votre proposition « Un garage solidaire pour "
        "les jeunes ». Commentaire : Ajoutez un contact."
    )
    notification = Notification.objects.filter(recipient=proposer).first()
    assert notification.url == "/mes-propositions/"
    assert notification.actor == chef_de_file

    page = Page.objects.get(pk=proposal.page_id).specific
    proposal_resubmit(
        proposal=proposal,
        user=proposer,
        data=GoodPracticeData(
            title=page.title, summary=page.summary, thematic=thematic, structure=structure,
            context=page.context, action=page.action, results=page.results,
            contact="Camille Roux, 03 84 00 00 00.",
        ),
    )  # fmt: skip
    assert "ont été envoyées pour relecture" in _messages(proposer)[-1]

    act(proposal, chef_de_file, "approve", comment="")
    assert _messages(proposer)[-1] == (
        "Votre proposition « Un garage solidaire pour les jeunes » est publiée."
    )
    published = Notification.objects.filter(recipient=proposer).first()
    assert published.url == Page.objects.get(pk=proposal.page_id).url


def test_a_refusal_is_told_with_its_reason(proposer, editor, practices, thematic, structure):
    proposal = propose_practice(proposer, thematic, structure)

    act(proposal, editor, "decline", comment="Hors du champ du réseau.")

    assert _messages(proposer)[-1] == (
        "Votre proposition « Un garage solidaire pour les jeunes » n'a pas été retenue. "
        "Commentaire : Hors du champ du réseau."
    )
    # Without a chef de file, the editors were asked to review it.
    assert len(_messages(editor)) == 1


def test_nothing_is_told_when_the_proposal_is_rolled_back(proposer, practices, thematic,
                                                          structure):  # fmt: skip
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        propose_practice(proposer, thematic, structure)
        raise RuntimeError

    assert not Notification.objects.exists()
