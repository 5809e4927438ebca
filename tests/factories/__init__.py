from .groups import ProfileFactory, StructureFactory
from .pages import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from .resources import (
    ResourceDocumentFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
)
from .strategy import (
    ActionPageFactory,
    AxisPageFactory,
    IndicatorFactory,
    OrientationPageFactory,
    StrategyPlanPageFactory,
)
from .users import TOTPDeviceFactory, UserFactory
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
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "IndicatorFactory",
    "MeetingPageFactory",
    "NetworkDirectoryPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "OrientationPageFactory",
    "ProfileFactory",
    "ResourceDocumentFactory",
    "ResourceIndexPageFactory",
    "ResourcePageFactory",
    "ResourceTypeFactory",
    "StrategyPlanPageFactory",
    "StructureFactory",
    "ThematicFactory",
    "ThematicHubPageFactory",
    "ThematicIndexPageFactory",
    "TOTPDeviceFactory",
    "UserFactory",
    "WorkingGroupIndexPageFactory",
    "WorkingGroupPageFactory",
]
