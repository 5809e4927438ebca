from django import template

from participation.proposals.models import Proposal, ProposalStatus

register = template.Library()


@register.inclusion_tag("participation_proposals/tags/credit.html")
def proposal_credit(page):
    """« Proposé par … » on a published page that came from a proposal."""
    proposal = (
        Proposal.objects.filter(page_id=page.pk, status=ProposalStatus.PUBLISHED)
        .select_related("proposer__profile__structure")
        .first()
    )
    proposer = proposal.proposer if proposal else None
    profile = getattr(proposer, "profile", None) if proposer else None
    return {
        "proposer": proposer,
        "structure": profile.structure if profile else None,
    }
