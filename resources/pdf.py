"""The PDF of the library: the resources of the same filters as /ressources/, among those the
user may view (the same `Library` builds both), bounded so that a PDF stays printable."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from home.params import clean_parameters
from home.pdf import pdf_response
from resources.library import Library, LibraryParametersForm, attach_main_documents

# Past this, the reader is asked to narrow the filters rather than wait for a huge PDF.
MAX_RESOURCES_IN_PDF = 200


def library_pdf(request, index_page):
    params = clean_parameters(LibraryParametersForm(request.GET))
    library = Library(request.user, params)
    results = library.results()
    count = library.result_count()  # from the facet counts: no COUNT over the library
    if count > MAX_RESOURCES_IN_PDF:
        messages.error(
            request,
            _(
                "%(count)s resources match these filters: a PDF holds %(max)s at most. "
                "Choose a type, a thematic or a year to narrow the list."
            )
            % {"count": count, "max": MAX_RESOURCES_IN_PDF},
        )
        query = library.query_string()
        return redirect(index_page.url + (f"?{query}" if query else ""))
    resources = attach_main_documents(list(results[:MAX_RESOURCES_IN_PDF]), request.user)
    active_filters = [
        (facet.label, facet.selected_label) for facet in library.facets() if facet.selected
    ]
    return pdf_response(
        request,
        "resources/pdf/library.html",
        {
            "page": index_page,
            "resources": resources,
            "result_count": count,
            "active_filters": active_filters,
        },
        title=index_page.title,
    )
