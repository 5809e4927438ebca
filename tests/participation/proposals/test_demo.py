"""The demo shows proposals in three states, and a second run changes nothing."""

import io

from wagtail.models import Page

import pytest

from home.management.commands.seed_demo import Demo
from participation.proposals.demo import build_demo
from participation.proposals.models import GoodPracticeIndexPage, Proposal, ProposalStatus
from tests.factories import ProfileFactory, ThematicFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_three_proposals_in_three_states_once(library, structure, editor, media_root):
    ProfileFactory(user=UserFactory(username="professionnel", first_name="Thomas",
                                    last_name="Girard"), structure=structure)  # fmt: skip
    chef = ProfileFactory(user=UserFactory(username="cheffe")).user
    for slug in ("orientation", "relation-entreprises"):
        ThematicFactory(slug=slug, name=slug.title()).lead_people.add(chef)
    demo = Demo(password="x", stdout=io.StringIO())

    build_demo(demo)
    counts = (Page.objects.count(), Proposal.objects.count())
    build_demo(demo)

    assert (Page.objects.count(), Proposal.objects.count()) == counts
    assert GoodPracticeIndexPage.objects.live().count() == 1
    assert sorted(Proposal.objects.values_list("status", flat=True)) == sorted(
        [ProposalStatus.PUBLISHED, ProposalStatus.CHANGES_REQUESTED, ProposalStatus.PENDING]
    )
    asked = Proposal.objects.get(status=ProposalStatus.CHANGES_REQUESTED)
    assert "chiffrer les résultats" in asked.review_comment
