from legal.models.pages import (
    AccessibilityPage,
    AccessibilityPlanPage,
    ConformityStatus,
    LegalNoticesPage,
    PrivacyPage,
)
from legal.models.records import AnonymisationRecord, BarrierReport

__all__ = [
    "AccessibilityPage",
    "AccessibilityPlanPage",
    "AnonymisationRecord",
    "BarrierReport",
    "ConformityStatus",
    "LegalNoticesPage",
    "PrivacyPage",
]
