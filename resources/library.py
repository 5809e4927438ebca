"""The library's faceted listing. Facets are single-choice per facet and combine across facets;
each option's count is the number of results the user would get by choosing it (the other
chosen facets kept), computed in SQL on resources the user may view only. The number of
queries does not depend on the number of resources."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from groups.models import Structure, Thematic
from home.params import IdField, PageNumberField, YearField, clean_parameters
from home.visibility import hidden_collection_ids, hidden_collections_q
from resources.models import ResourcePage, ResourcePageDocument, ResourceType

PER_PAGE = 12
POPULAR_DAYS = 90
SORTS = {
    "recent": _("Newest first"),
    "vues": _("Most viewed"),
    "titre": _("Title"),
}


@dataclass
class Facet:
    param: str
    label: str
    options: list[dict] = field(default_factory=list)
    selected: str = ""

    @property
    def selected_label(self):
        for option in self.options:
            if option["value"] == self.selected:
                return option["label"]
        return self.selected


class LibraryParametersForm(forms.Form):
    """The query string of the library: a value that cannot be a facet is a 400 that says
    which one, never a filter silently dropped nor an error of the database."""

    type = forms.SlugField(label=_("Resource type"), required=False, max_length=100)
    thematique = forms.SlugField(label=_("Thematic"), required=False, max_length=100)
    structure = IdField(label=_("Producing structure"))
    annee = YearField(label=_("Year"))
    format = forms.SlugField(label=_("File format"), required=False, max_length=10)
    tri = forms.ChoiceField(label=_("Sort"), required=False, choices=list(SORTS.items()))
    page = PageNumberField()


def _visible_documents(user):
    documents = ResourcePageDocument.objects.all()
    hidden = hidden_collections_q(user, prefix="document__collection__")
    return documents.exclude(hidden) if hidden is not None else documents


class Library:
    """Reads the facets from the query string and builds the queries for one user."""

    FACETS = ("type", "thematique", "structure", "annee", "format")

    def __init__(self, user, params):
        """`params`: the cleaned data of a `LibraryParametersForm`."""
        self.user = user
        self.selected = {
            name: str(params.get(name)) if params.get(name) else "" for name in self.FACETS
        }
        self.sort = params.get("tri") or "recent"

    def base(self):
        return ResourcePage.objects.visible_to(self.user)

    def _apply(self, queryset, name, value):
        if name == "type":
            return queryset.filter(resource_type__slug=value)
        if name == "thematique":
            return queryset.filter(thematics__slug=value)
        if name == "structure":
            return queryset.filter(producing_structure_id=int(value))
        if name == "annee":
            return queryset.filter(publication_date__year=int(value))
        if name == "format":
            pages = _visible_documents(self.user).filter(document__file_format=value.lower())
            return queryset.filter(pk__in=pages.values("page_id"))
        return queryset

    def filtered(self, *, except_facet=None):
        queryset = self.base()
        for name, value in self.selected.items():
            if value and name != except_facet:
                queryset = self._apply(queryset, name, value)
        return queryset

    def results(self):
        queryset = self.filtered().for_cards()
        if self.sort == "vues":
            return queryset.most_viewed(
                since=timezone.localdate() - datetime.timedelta(POPULAR_DAYS)
            )
        if self.sort == "titre":
            return queryset.order_by("title", "pk")
        return queryset.newest()

    def facets(self) -> list[Facet]:
        return [
            self._type_facet(),
            self._thematic_facet(),
            self._structure_facet(),
            self._year_facet(),
            self._format_facet(),
        ]

    def _ids(self, name):
        return self.filtered(except_facet=name).order_by().values("pk")

    def _type_facet(self):
        # Grouped on the filtered queryset itself: no IN (subquery) over every resource.
        counts = dict(
            self.filtered(except_facet="type")
            .filter(resource_type__isnull=False)
            .order_by()
            .values_list("resource_type__slug")
            .annotate(count=Count("pk", distinct=True))
        )
        options = [
            {"value": kind.slug, "label": kind.name, "count": counts[kind.slug]}
            for kind in ResourceType.objects.filter(slug__in=counts)
        ]
        return Facet("type", _("Resource type"), options, self.selected["type"])

    def _thematic_facet(self):
        through = ResourcePage.thematics.through
        counts = dict(
            through.objects.filter(resourcepage_id__in=self._ids("thematique"))
            .order_by()
            .values_list("thematic__slug")
            .annotate(count=Count("resourcepage_id", distinct=True))
        )
        options = [
            {"value": thematic.slug, "label": thematic.name, "count": counts[thematic.slug]}
            for thematic in Thematic.objects.filter(slug__in=counts)
        ]
        return Facet("thematique", _("Thematic"), options, self.selected["thematique"])

    def _structure_facet(self):
        counts = dict(
            self.filtered(except_facet="structure")
            .filter(producing_structure__isnull=False)
            .order_by()
            .values_list("producing_structure_id")
            .annotate(count=Count("pk", distinct=True))
        )
        options = [
            {
                "value": str(structure.pk),
                "label": structure.short_name or structure.name,
                "count": counts[structure.pk],
            }
            for structure in Structure.objects.filter(pk__in=counts).order_by("name")
        ]
        return Facet("structure", _("Producing structure"), options, self.selected["structure"])

    def _year_facet(self):
        counts = (
            self.filtered(except_facet="annee")
            .annotate(year=ExtractYear("publication_date"))
            .order_by("-year")
            .values_list("year")
            .annotate(count=Count("pk", distinct=True))
        )
        options = [
            {"value": str(year), "label": str(year), "count": count} for year, count in counts
        ]
        return Facet("annee", _("Year"), options, self.selected["annee"])

    def _format_facet(self):
        counts = (
            _visible_documents(self.user)
            .filter(page_id__in=self._ids("format"))
            .exclude(document__file_format="")
            .order_by("document__file_format")
            .values_list("document__file_format")
            .annotate(count=Count("page_id", distinct=True))
        )
        options = [
            {"value": file_format, "label": file_format.upper(), "count": count}
            for file_format, count in counts
        ]
        return Facet("format", _("File format"), options, self.selected["format"])

    def query_string(self, **changes) -> str:
        params = {name: value for name, value in self.selected.items() if value}
        if self.sort != "recent":
            params["tri"] = self.sort
        params.update(changes)
        return urlencode({name: value for name, value in params.items() if value})


def attach_main_documents(resources, user):
    """Give each resource the first of its documents the user may download (or None), from
    the prefetched documents: no query per resource."""
    hidden = hidden_collection_ids(user)
    for resource in resources:
        resource.main_document = next(
            (
                link.document
                for link in resource.resource_documents.all()
                if link.document.collection_id not in hidden
            ),
            None,
        )
    return resources


def library_context(request, index_page) -> dict:
    params = clean_parameters(LibraryParametersForm(request.GET))
    library = Library(request.user, params)
    paginator = Paginator(library.results(), PER_PAGE)
    page = paginator.get_page(params["page"])  # beyond the last page: the last one
    resources = attach_main_documents(list(page.object_list), request.user)
    popular_since = timezone.localdate() - datetime.timedelta(POPULAR_DAYS)
    most_viewed = [
        resource
        for resource in library.base().most_viewed(since=popular_since)[:5]
        if resource.view_count
    ]
    facets = library.facets()
    active_filters = [
        {
            "label": facet.label,
            "value": facet.selected_label,
            "query": library.query_string(**{facet.param: ""}),
        }
        for facet in facets
        if facet.selected
    ]
    return {
        "library": library,
        "facets": facets,
        "active_filters": active_filters,
        "resources": resources,
        "paginator_page": page,
        "result_count": paginator.count,
        "sorts": list(SORTS.items()),
        "current_sort": library.sort,
        "page_query": library.query_string(),
        "most_viewed": most_viewed,
    }
