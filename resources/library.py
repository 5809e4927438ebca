"""The library's faceted listing. Facets are single-choice per facet and combine across facets;
each option's count is the number of results the user would get by choosing it (the other
chosen facets kept), on resources the user may view only.

The counts come from a summary of the library per restriction set (`LibrarySummary`): each
facet's counts and the counts of every pair of facets, computed in six queries (three of rows,
three of labels) and kept in the versioned cache (namespace LIBRARY of `home/caching.py`)
until a resource, one of its documents, a thematic, a type, a structure
(`resources/signals.py`) or a view restriction (`home/signals.py`) changes. It is shared by
every user denied the same restrictions. With no filter or one, every count of the page is
read from it; with two or more, they are counted in SQL on the filtered resources and cached
under that choice. The number of results comes from the same counts (no COUNT over the
library), and a page of the newest first is found from the counts per month (no OFFSET over
every resource before it). The number of queries does not depend on the number of resources."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from groups.models import Structure, Thematic
from home.caching import LIBRARY, RESTRICTIONS, cached, namespace_version
from home.params import IdField, PageNumberField, YearField, clean_parameters
from home.visibility import hidden_collection_ids, hidden_collections_q, restriction_set_key
from resources.models import ResourcePage, ResourcePageDocument, ResourceType, ResourceViewDay

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


# The summary's dimensions, one per facet of `Library.FACETS` and in the same order: the
# year facet is counted by month (a year is the sum of its months; pages are found by month).
DIMENSIONS = ("type", "thematique", "structure", "annee", "format")
MOST_VIEWED_TIMEOUT = 5 * 60  # views change with every reader: a short-lived cache


def _month(date) -> int:
    return date.year * 100 + date.month


@dataclass
class LibrarySummary:
    """What the facets of one restriction set need, whatever the filters: `counts[d]` maps
    each value of dimension d to its number of resources, `pairs[(d, e)][v][w]` the number
    of resources with value v for d and w for e (both directions are kept)."""

    total: int
    counts: dict
    pairs: dict
    types: list  # (id, slug, name) in the types' order
    thematics: list  # (id, slug, name) in the thematics' order
    structures: list  # (id, label) by name

    @classmethod
    def build(cls, user) -> "LibrarySummary":
        visible = ResourcePage.objects.visible_to(user).order_by()
        visible_ids = visible.values("pk")
        thematics = defaultdict(list)
        links = ResourcePage.thematics.through.objects.filter(resourcepage_id__in=visible_ids)
        for page_id, thematic_id in links.values_list("resourcepage_id", "thematic_id"):
            thematics[page_id].append(thematic_id)
        formats = defaultdict(set)
        documents = (
            _visible_documents(user)
            .filter(page_id__in=visible_ids)
            .exclude(document__file_format="")
            .values_list("page_id", "document__file_format")
        )
        for page_id, file_format in documents:
            formats[page_id].add(file_format)
        # Resources with the same facet values are counted once, with their number.
        signatures = Counter(
            (
                (type_id,) if type_id else (),
                tuple(sorted(thematics.get(pk, ()))),
                (structure_id,) if structure_id else (),
                (_month(date),),
                tuple(sorted(formats.get(pk, ()))),
            )
            for pk, type_id, structure_id, date in visible.values_list(
                "pk", "resource_type_id", "producing_structure_id", "publication_date"
            )
        )
        counts = {name: Counter() for name in DIMENSIONS}
        pairs = {
            (first, second): defaultdict(Counter)
            for first in DIMENSIONS
            for second in DIMENSIONS
            if first != second
        }
        for signature, number in signatures.items():
            for i, first in enumerate(DIMENSIONS):
                for value in signature[i]:
                    counts[first][value] += number
                    for j, second in enumerate(DIMENSIONS):
                        if i != j:
                            pair = pairs[(first, second)][value]
                            for other in signature[j]:
                                pair[other] += number
        return cls(
            total=sum(signatures.values()),
            counts={name: dict(values) for name, values in counts.items()},
            pairs={
                key: {value: dict(others) for value, others in table.items()}
                for key, table in pairs.items()
            },
            types=[
                (kind.pk, kind.slug, kind.name)
                for kind in ResourceType.objects.filter(pk__in=list(counts["type"]))
            ],
            thematics=[
                (thematic.pk, thematic.slug, thematic.name)
                for thematic in Thematic.objects.filter(pk__in=list(counts["thematique"]))
            ],
            structures=[
                (structure.pk, structure.short_name or structure.name)
                for structure in Structure.objects.filter(
                    pk__in=list(counts["structure"])
                ).order_by("name")
            ],
        )


def _cache_key(user) -> str:
    # Moving a page or changing a restriction changes what a restriction set hides.
    return f"{namespace_version(RESTRICTIONS)}:{restriction_set_key(user)}"


def _matches(name, wanted, value) -> bool:
    """Whether a summary value (a month for the year) is the value chosen for the facet."""
    return value // 100 == wanted if name == "annee" else value == wanted


class _NewestFirst:
    """The paginator's list: its length is known from the counts, and a slice is read from the
    months it falls in (counts per month), instead of an OFFSET over every newer resource.
    The slice reads the ids first (a narrow index walk), then the cards of those twelve."""

    def __init__(self, queryset, total, months):
        self.queryset, self.total, self.months = queryset, total, months

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        start, stop = item.start or 0, item.stop
        if stop is None:
            stop = self.total
        # The months the slice falls in, and how many results are newer than the first one.
        touched, newer, seen = [], 0, 0
        for month in sorted(self.months, reverse=True):
            count = self.months[month]
            if seen + count > start and seen < stop:
                if not touched:
                    newer = seen
                touched.append(month)
            seen += count
            if seen >= stop:
                break
        queryset = self.queryset
        if touched:
            window = Q()
            for month in touched:
                year, number = divmod(month, 100)
                window |= Q(
                    publication_date__gte=datetime.date(year, number, 1),
                    publication_date__lt=datetime.date(year + number // 12, number % 12 + 1, 1),
                )
            queryset = queryset.filter(window)
        ids = list(queryset.values_list("pk", flat=True)[start - newer : stop - newer])
        cards = self.queryset.filter(pk__in=ids).in_bulk()
        return [cards[pk] for pk in ids if pk in cards]


class Library:
    """Reads the facets from the query string and builds the queries for one user."""

    FACETS = DIMENSIONS

    def __init__(self, user, params):
        """`params`: the cleaned data of a `LibraryParametersForm`."""
        self.user = user
        self.selected = {
            name: str(params.get(name)) if params.get(name) else "" for name in self.FACETS
        }
        self.sort = params.get("tri") or "recent"
        self._summary = None
        self._counts = None
        self._key = None

    @property
    def cache_key(self) -> str:
        if self._key is None:
            self._key = _cache_key(self.user)
        return self._key

    @property
    def summary(self) -> LibrarySummary:
        if self._summary is None:
            self._summary = cached(
                LIBRARY, f"summary:{self.cache_key}", lambda: LibrarySummary.build(self.user)
            )
        return self._summary

    def wanted(self) -> dict:
        """Facet -> the value chosen, as the summary holds it (an id, a year, a format);
        None for a value that no resource the user may view has."""
        wanted = {}
        for name, value in self.selected.items():
            if not value:
                continue
            if name == "type":
                wanted[name] = next(
                    (pk for pk, slug, _ in self.summary.types if slug == value), None
                )
            elif name == "thematique":
                wanted[name] = next(
                    (pk for pk, slug, _ in self.summary.thematics if slug == value), None
                )
            elif name in ("structure", "annee"):
                wanted[name] = int(value)
            else:
                wanted[name] = value.lower()
        return wanted

    def base(self):
        return ResourcePage.objects.visible_to(self.user)

    def _apply(self, queryset, name, value):
        if value is None:
            return queryset.none()
        if name == "type":
            return queryset.filter(resource_type_id=value)
        if name == "thematique":
            through = ResourcePage.thematics.through.objects
            return queryset.filter(
                Exists(through.filter(resourcepage_id=OuterRef("pk"), thematic_id=value))
            )
        if name == "structure":
            return queryset.filter(producing_structure_id=value)
        if name == "annee":
            return queryset.filter(publication_date__year=value)
        if name == "format":
            documents = _visible_documents(self.user).filter(
                page_id=OuterRef("pk"), document__file_format=value
            )
            return queryset.filter(Exists(documents))
        return queryset

    def filtered(self, *, except_facet=None):
        queryset = self.base()
        for name, value in self.wanted().items():
            if name != except_facet:
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

    # ------------------------------------------------------------------ counts

    def counts(self) -> dict:
        """Facet -> {value: count} for the other chosen facets (months for the year)."""
        if self._counts is None:
            wanted = self.wanted()
            if len(wanted) <= 1:
                self._counts = self._summary_counts(wanted)
            else:
                key = urlencode(sorted((name, str(value)) for name, value in wanted.items()))
                self._counts = cached(LIBRARY, f"counts:{self.cache_key}:{key}", self._sql_counts)
        return self._counts

    def _summary_counts(self, wanted) -> dict:
        summary = self.summary
        if not wanted:
            return summary.counts
        [(chosen, value)] = wanted.items()
        counts = {}
        for name in self.FACETS:
            if name == chosen:
                counts[name] = summary.counts[name]
                continue
            table = summary.pairs[(chosen, name)]
            total = Counter()
            for key, others in table.items():
                if _matches(chosen, value, key):
                    total.update(others)
            counts[name] = dict(total)
        return counts

    def _sql_counts(self) -> dict:
        """With two filters or more: counted on the filtered resources (five queries)."""

        def grouped(name, column):
            return dict(
                self.filtered(except_facet=name)
                .filter(**{f"{column}__isnull": False})
                .order_by()
                .values_list(column)
                .annotate(count=Count("pk"))
            )

        def ids(name):
            return self.filtered(except_facet=name).order_by().values("pk")

        through = ResourcePage.thematics.through.objects
        months = (
            self.filtered(except_facet="annee")
            .annotate(year=ExtractYear("publication_date"), month=ExtractMonth("publication_date"))
            .order_by()
            .values_list("year", "month")
            .annotate(count=Count("pk"))
        )
        formats = (
            _visible_documents(self.user)
            .filter(page_id__in=ids("format"))
            .exclude(document__file_format="")
            .order_by()
            .values_list("document__file_format")
            .annotate(count=Count("page_id", distinct=True))
        )
        return {
            "type": grouped("type", "resource_type_id"),
            "thematique": dict(
                through.filter(resourcepage_id__in=ids("thematique"))
                .order_by()
                .values_list("thematic_id")
                .annotate(count=Count("resourcepage_id"))
            ),
            "structure": grouped("structure", "producing_structure_id"),
            "annee": {year * 100 + month: count for year, month, count in months},
            "format": dict(formats),
        }

    def result_count(self) -> int:
        wanted = self.wanted()
        if not wanted:
            return self.summary.total
        name, value = next(iter(wanted.items()))
        return sum(n for key, n in self.counts()[name].items() if _matches(name, value, key))

    def months(self) -> dict:
        """Month -> number of results, with every chosen facet."""
        wanted = self.wanted()
        months = self.counts()["annee"]
        if "annee" in wanted:
            months = {
                key: n for key, n in months.items() if _matches("annee", wanted["annee"], key)
            }
        return months

    def paginator(self) -> Paginator:
        results = self.results()
        if self.sort == "recent":
            results = _NewestFirst(results, self.result_count(), self.months())
        paginator = Paginator(results, PER_PAGE)
        paginator.count = self.result_count()  # known: no COUNT over the library
        return paginator

    def facets(self) -> list[Facet]:
        counts, summary = self.counts(), self.summary

        def labelled(name, labels):
            return [
                {"value": slug, "label": label, "count": counts[name][pk]}
                for pk, slug, label in labels
                if counts[name].get(pk)
            ]

        years = Counter()
        for month, count in counts["annee"].items():
            years[month // 100] += count
        return [
            Facet(
                "type", _("Resource type"), labelled("type", summary.types), self.selected["type"]
            ),
            Facet(
                "thematique",
                _("Thematic"),
                labelled("thematique", summary.thematics),
                self.selected["thematique"],
            ),
            Facet(
                "structure",
                _("Producing structure"),
                labelled("structure", [(pk, str(pk), label) for pk, label in summary.structures]),
                self.selected["structure"],
            ),
            Facet(
                "annee",
                _("Year"),
                [
                    {"value": str(year), "label": str(year), "count": count}
                    for year, count in sorted(years.items(), reverse=True)
                ],
                self.selected["annee"],
            ),
            Facet(
                "format",
                _("File format"),
                [
                    {"value": file_format, "label": file_format.upper(), "count": count}
                    for file_format, count in sorted(counts["format"].items())
                ],
                self.selected["format"],
            ),
        ]

    def most_viewed(self) -> list:
        """The five resources the user may view that were viewed most in POPULAR_DAYS, from
        the days' views (which grow with the readers, not with the library)."""
        since = timezone.localdate() - datetime.timedelta(POPULAR_DAYS)

        def compute():
            totals = list(
                ResourceViewDay.objects.filter(
                    day__gte=since, resource__in=self.base().values("pk")
                )
                .values("resource_id")
                .annotate(total=Sum("views"))
                .filter(total__gt=0)
                .order_by("-total", "-resource__publication_date", "-resource_id")
                .values_list("resource_id", "total")[:5]
            )
            pages = ResourcePage.objects.in_bulk([pk for pk, _total in totals])
            resources = []
            for pk, total in totals:
                pages[pk].view_count = total
                resources.append(pages[pk])
            return resources

        key = f"most-viewed:{since}:{self.cache_key}"
        return cached(LIBRARY, key, compute, timeout=MOST_VIEWED_TIMEOUT)

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
    paginator = library.paginator()
    page = paginator.get_page(params["page"])  # beyond the last page: the last one
    resources = attach_main_documents(list(page.object_list), request.user)
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
        "most_viewed": library.most_viewed(),
    }
