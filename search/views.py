"""The search page and the header box's suggestions, both answered by `get_engine()`."""

import dataclasses
import logging
import time

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from search.analytics import popular_queries, record_search
from search.engines import get_engine
from search.forms import SearchForm
from search.picks import editors_picks
from search.presentation import active_filters, facet_groups, page_links, sort_options
from search.query import clean

logger = logging.getLogger(__name__)

TEMPLATE = "search/search.html"
AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_MAX_LENGTH = 100
AUTOCOMPLETE_LIMIT = 8
SUGGESTIONS_MAX_AGE = 30  # seconds: per user (private), short enough for membership changes


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.error_messages_list, "query": ""}
        return render(request, TEMPLATE, context, status=400)

    search_request = form.search_request()
    context = {"form": form, "query": form.query_text, "sort_options": sort_options(form)}
    if not search_request.query:
        # Nothing to search for (empty, punctuation, only stopwords): the form and ideas.
        context["popular_queries"] = popular_queries()
        return render(request, TEMPLATE, context)

    started = time.perf_counter()
    engine = get_engine()
    try:
        results = engine.search(search_request, request.user)
        if results.total and search_request.page > results.num_pages:
            # A page beyond the last (an old link, a hand-edited URL): show the last one.
            search_request = dataclasses.replace(search_request, page=results.num_pages)
            results = engine.search(search_request, request.user)
    except Exception:
        # The engines fall back and log on their own; this is the last resort, never a 500.
        logger.exception("search failed for %r", form.query_text)
        context["unavailable"] = True
        return render(request, TEMPLATE, context, status=503)
    elapsed_ms = round((time.perf_counter() - started) * 1000)

    first_page = search_request.page == 1
    picks = editors_picks(form.query_text, request.user, request) if first_page else []
    picked = {pick.key for pick in picks if pick.key}
    hits = [hit for hit in results.hits if hit.key not in picked]
    if first_page:
        record_search(request, form.query_text, found=bool(results.total or picks))

    groups = facet_groups(form, results)
    page = search_request.page
    context.update(
        {
            "results": results,
            "hits": hits,
            "picks": picks,
            "elapsed_ms": elapsed_ms,
            "page_number": page,
            "facet_groups": groups,
            "active_filters": active_filters(form, groups),
            "has_filters": bool(form.filters),
            "clear_filters_url": form.url_params(filters=False),
            "page_links": page_links(form, page, results.num_pages),
            "previous_url": form.url_params(page=page - 1) if page > 1 else "",
            "next_url": form.url_params(page=page + 1) if page < results.num_pages else "",
            "suggestion_url": _suggestion_url(form, results.suggestion),
            "popular_queries": [] if results.total or picks else popular_queries(),
            "first_rank": (page - 1) * results.per_page + 1,
        }
    )
    return render(request, TEMPLATE, context)


def _suggestion_url(form: SearchForm, suggestion: str) -> str:
    return form.url_params(query=suggestion) if suggestion else ""


def suggestions(request):
    """`{"suggestions": [{"label", "url", "kind"}]}` for the header box; odd input gives an
    empty list, never an error."""
    prefix = clean(request.GET.get("q", ""))[:AUTOCOMPLETE_MAX_LENGTH].strip()
    found = []
    if len(prefix) >= AUTOCOMPLETE_MIN_LENGTH and any(c.isalnum() for c in prefix):
        try:
            found = get_engine().autocomplete(prefix, request.user, limit=AUTOCOMPLETE_LIMIT)
        except Exception:
            logger.exception("autocomplete failed for %r", prefix)
    response = JsonResponse(
        {
            "suggestions": [
                {"label": s.label, "url": s.url, "kind": s.kind.label}
                for s in found[:AUTOCOMPLETE_LIMIT]
            ]
        }
    )
    patch_cache_control(response, private=True, max_age=SUGGESTIONS_MAX_AGE)
    return response
