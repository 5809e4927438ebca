"""The feeds other tools subscribe to (iCal), listed with their addresses so that the API
documents them; each feed itself stays where the site serves it."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api.views.base import TrameAPIView
from home.models import EventIndexPage, EventPage


class FeedList(TrameAPIView):
    @extend_schema(
        summary="Flux iCal",
        description=(
            "Les flux du site : l'agenda iCal (`<agenda>/ical/`, les événements à venir que "
            "la personne connectée peut voir) et le fichier iCal de chaque événement "
            "(`<événement>/ical/`). Ils demandent la même session que le site."
        ),
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        feeds = []
        for index in EventIndexPage.objects.visible_to(request.user):
            feeds.append(
                {
                    "kind": "ical",
                    "title": index.title,
                    "url": request.build_absolute_uri(
                        index.url + index.reverse_subpage("ical_feed")
                    ),
                    "content_type": "text/calendar",
                }
            )
        return Response(
            {
                "feeds": feeds,
                "per_event": {
                    "kind": "ical",
                    "url_template": "<adresse de l'événement>ical/",
                    "example": _event_example(request),
                },
            }
        )


def _event_example(request):
    event = EventPage.objects.visible_to(request.user).upcoming().first()
    return request.build_absolute_uri(event.url + event.reverse_subpage("ical")) if event else None
