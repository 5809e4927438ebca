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
    ThematicFactory,
)
from .users import UserFactory

__all__ = [
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ProfileFactory",
    "ResourceDocumentFactory",
    "ResourceIndexPageFactory",
    "ResourcePageFactory",
    "ResourceTypeFactory",
    "StructureFactory",
    "ThematicFactory",
    "UserFactory",
]
