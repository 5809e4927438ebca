from .membership import Follow, JoinRequest, Membership
from .network import JobRole, Profile, Structure, Thematic
from .pages import (
    MeetingAttachment,
    MeetingPage,
    NetworkDirectoryPage,
    ThematicHubPage,
    ThematicIndexPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

__all__ = [
    "Follow",
    "JobRole",
    "JoinRequest",
    "MeetingAttachment",
    "MeetingPage",
    "Membership",
    "NetworkDirectoryPage",
    "Profile",
    "Structure",
    "Thematic",
    "ThematicHubPage",
    "ThematicIndexPage",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
