from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from home.visibility import hidden_pages_q


class TramePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live pages this user may view (Wagtail view restrictions applied)."""
        queryset = self.live()
        hidden = hidden_pages_q(user)
        return queryset.exclude(hidden) if hidden is not None else queryset


TramePageManager = PageManager.from_queryset(TramePageQuerySet)
