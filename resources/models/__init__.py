from .documents import DocumentVersion, ExtractionStatus, ResourceDocument
from .pages import (
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
    ResourcePageLink,
    ResourcePageRelated,
)
from .snippets import ResourceType
from .stats import DocumentDownloadDay, ResourceViewDay

__all__ = [
    "DocumentDownloadDay",
    "DocumentVersion",
    "ExtractionStatus",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageDocument",
    "ResourcePageLink",
    "ResourcePageRelated",
    "ResourceType",
    "ResourceViewDay",
]
