from .groups import ProfileFactory, StructureFactory
from .pages import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from .users import UserFactory

__all__ = [
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ProfileFactory",
    "StructureFactory",
    "UserFactory",
]
