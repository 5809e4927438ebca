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
from .spaces import StructureEditor, StructureSpacePage

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
    "StructureEditor",
    "StructureSpacePage",
    "Thematic",
    "ThematicHubPage",
    "ThematicIndexPage",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
