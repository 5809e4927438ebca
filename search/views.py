from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.models import Page

from home.visibility import hidden_pages_q

PAGE_SIZE = 10


def search(request):
    """Full-text search over the pages this user may view."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().specific()
        hidden = hidden_pages_q(request.user)
        if hidden is not None:
            pages = pages.exclude(hidden)
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})
