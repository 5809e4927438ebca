from .groups import ProfileFactory, StructureFactory
from .pages import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from .strategy import (
    ActionPageFactory,
    AxisPageFactory,
    IndicatorFactory,
    OrientationPageFactory,
    StrategyPlanPageFactory,
)
from .users import UserFactory
from .working_groups import (
    MeetingPageFactory,
    NetworkDirectoryPageFactory,
    ThematicFactory,
    ThematicHubPageFactory,
    ThematicIndexPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

__all__ = [
    "ActionPageFactory",
    "AxisPageFactory",
    "IndicatorFactory",
    "OrientationPageFactory",
    "StrategyPlanPageFactory",
    "ContentPageFactory",
    "MeetingPageFactory",
    "NetworkDirectoryPageFactory",
    "ThematicFactory",
    "ThematicHubPageFactory",
    "ThematicIndexPageFactory",
    "WorkingGroupIndexPageFactory",
    "WorkingGroupPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ProfileFactory",
    "StructureFactory",
    "UserFactory",
]
