from .base import BasePage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage
from .pages import ContentPage, HomePage
from .site_settings import SiteIdentitySettings

__all__ = [
    "BasePage",
    "ContentPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SiteIdentitySettings",
]
