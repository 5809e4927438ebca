"""Read endpoints for pages: every query starts from `visible_to(user)` (home.visibility),
the queryset every listing of the site uses."""

from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.models import Page

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.etags import with_etag
from api.serializers.pages import page_detail, page_summary
from api.views.base import TrameAPIView
from home.models import EventPage, NewsPage
from home.querysets import TramePageQuerySet
from resources.models import ResourcePage


def visible_pages(user):
    return TramePageQuerySet(model=Page).visible_to(user).filter(depth__gt=1)


def visible_page_or_404(queryset, pk):
    page = queryset.filter(pk=pk).first()
    if page is None:
        raise Http404
    return page.specific


TYPE_PARAM = OpenApiParameter(
    "type", str, description="Type de page, par exemple `home.newspage` ou `strategy.actionpage`."
)


class PageList(TrameAPIView):
    @extend_schema(
        summary="Pages visibles",
        description="Toutes les pages publiées que l'appelant peut voir, de tout type.",
        parameters=[TYPE_PARAM],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        pages = visible_pages(request.user).order_by("path")
        wanted = request.query_params.get("type")
        if wanted:
            app_label, _sep, model = wanted.lower().partition(".")
            pages = pages.filter(content_type__app_label=app_label, content_type__model=model)
        return self.paginate(pages.specific(), lambda page: page_summary(page, request))


class PageDetail(TrameAPIView):
    queryset_for = staticmethod(visible_pages)

    @extend_schema(
        summary="Une page et ses champs structurés",
        description=(
            "L'en-tête `ETag` porte la révision courante : renvoyez-le dans `If-Match` "
            "pour modifier la page."
        ),
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, pk):
        page = visible_page_or_404(self.queryset_for(request.user), pk)
        return with_etag(Response(page_detail(page, request.user, request)), page)


class NewsList(TrameAPIView):
    @extend_schema(summary="Actualités", responses=OpenApiTypes.OBJECT)
    def get(self, request):
        news = NewsPage.objects.visible_to(request.user).latest_first()
        return self.paginate(news, lambda page: page_summary(page, request) | {"date": page.date})


class NewsDetail(PageDetail):
    queryset_for = staticmethod(lambda user: NewsPage.objects.visible_to(user))


PERIOD_PARAM = OpenApiParameter(
    "periode", str, enum=["a-venir", "passes"], description="Événements à venir (défaut) ou passés."
)


class EventList(TrameAPIView):
    @extend_schema(summary="Événements", parameters=[PERIOD_PARAM], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        period = request.query_params.get("periode", "a-venir")
        if period not in ("a-venir", "passes"):
            raise ValidationError({"periode": [_("Expected “a-venir” or “passes”.")]})
        events = EventPage.objects.visible_to(request.user)
        events = events.past() if period == "passes" else events.upcoming()
        return self.paginate(
            events,
            lambda page: (
                page_summary(page, request)
                | {"start": page.start, "end": page.end, "location": page.location}
            ),
        )


class EventDetail(PageDetail):
    queryset_for = staticmethod(lambda user: EventPage.objects.visible_to(user))


class ResourceList(TrameAPIView):
    @extend_schema(summary="Ressources", responses=OpenApiTypes.OBJECT)
    def get(self, request):
        resources = ResourcePage.objects.visible_to(request.user).for_cards().newest()
        return self.paginate(
            resources,
            lambda page: (
                page_summary(page, request)
                | {
                    "publication_date": page.publication_date,
                    "resource_type": page.resource_type.name if page.resource_type else None,
                }
            ),
        )


class ResourceDetail(PageDetail):
    queryset_for = staticmethod(lambda user: ResourcePage.objects.visible_to(user))
