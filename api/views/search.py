"""Search through the API: the search page's form, engine and locks (search.visibility),
so that the same query finds exactly what /recherche/ finds for the same person."""

import logging

from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from api.views.base import TrameAPIView
from search.engines import get_engine
from search.forms import FACET_PARAMS, SearchForm

logger = logging.getLogger(__name__)


class SearchUnavailable(APIException):
    status_code = 503
    default_code = "search_unavailable"


def _choice(choice):
    return {"value": choice.value, "label": choice.label} if choice else None


def hit_data(hit, request) -> dict:
    return {
        "key": hit.key,
        "kind": _choice(hit.kind),
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url) if hit.url else hit.url,
        "snippet": hit.snippet,
        "date": hit.date,
        "thematics": [_choice(t) for t in hit.thematics],
        "resource_type": _choice(hit.resource_type),
        "structure": _choice(hit.structure),
        "group": _choice(hit.group),
        "file_format": hit.file_format,
        "file_size": hit.file_size,
    }


SEARCH_PARAMS = [
    OpenApiParameter("q", str, description="Les mots cherchés (mêmes règles que /recherche/)."),
    OpenApiParameter("tri", str, enum=["pertinence", "date"]),
    OpenApiParameter("page", int),
    *(
        OpenApiParameter(param, str, many=True, description=f"Filtre de facette « {facet} ».")
        for param, facet in FACET_PARAMS.items()
    ),
]


class Search(TrameAPIView):
    @extend_schema(
        summary="Recherche",
        description="Même moteur, mêmes filtres et mêmes droits que la page /recherche/.",
        parameters=SEARCH_PARAMS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        search_request = form.search_request()
        if not search_request.query:
            return Response({"count": 0, "page": 1, "num_pages": 1, "results": [], "facets": {}})
        try:
            results = get_engine().search(search_request, request.user)
        except Exception as error:
            logger.exception("API search failed for %r", form.query_text)
            raise SearchUnavailable(_("Search is unavailable for now: try again later.")) from error
        return Response(
            {
                "count": results.total,
                "page": results.page,
                "num_pages": results.num_pages,
                "page_size": results.per_page,
                "results": [hit_data(hit, request) for hit in results.hits],
                "facets": {
                    facet: [{"value": c.value, "label": c.label, "count": c.count} for c in counts]
                    for facet, counts in results.facets.items()
                },
            }
        )
