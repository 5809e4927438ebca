from .pages import GoodPracticeIndexPage, GoodPracticePage
from .proposals import Proposal, ProposalKind, ProposalStatus
from .tasks import ThematicReviewTask

__all__ = [
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "ThematicReviewTask",
]
