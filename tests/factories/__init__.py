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

__all__ = [
    "ActionPageFactory",
    "AxisPageFactory",
    "IndicatorFactory",
    "OrientationPageFactory",
    "StrategyPlanPageFactory",
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ProfileFactory",
    "StructureFactory",
    "UserFactory",
]
