from django.db.models import IntegerField, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from wagtail.models import PageManager

from home.querysets import TramePageQuerySet


class ResourcePageQuerySet(TramePageQuerySet):
    def for_cards(self):
        """What a card shows, in a fixed number of queries whatever the number of cards."""
        from resources.models import ResourcePageDocument

        return self.select_related(
            "resource_type", "producing_structure", "listing_image"
        ).prefetch_related(
            "thematics",
            Prefetch(
                "resource_documents",
                queryset=ResourcePageDocument.objects.select_related("document").order_by(
                    "sort_order"
                ),
            ),
        )

    def newest(self):
        return self.order_by("-publication_date", "-pk")

    def with_view_count(self, since=None):
        """Annotate `view_count`: views since the given day (all time without one)."""
        from resources.models import ResourceViewDay

        views = ResourceViewDay.objects.filter(resource=OuterRef("pk"))
        if since is not None:
            views = views.filter(day__gte=since)
        views = views.values("resource").annotate(total=Sum("views")).values("total")
        return self.annotate(
            view_count=Coalesce(Subquery(views, output_field=IntegerField()), Value(0))
        )

    def most_viewed(self, since=None):
        return self.with_view_count(since).order_by("-view_count", "-publication_date", "-pk")


ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)
