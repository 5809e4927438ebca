"""What the results page shows besides the hits: facet checkboxes, active filters, page links.
Every link is built from the validated form, so the facets stay in pagination and sort links."""

from dataclasses import dataclass

from django.utils.http import urlencode

from search.engines.base import SearchResults
from search.forms import FACET_LABELS, FACET_PARAMS, SORT_LABELS, SearchForm


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    input_id: str


@dataclass
class FacetGroup:
    param: str
    label: str
    options: list[FacetOption]


@dataclass
class ActiveFilter:
    label: str
    facet_label: str
    remove_url: str


def facet_groups(form: SearchForm, results: SearchResults) -> list[FacetGroup]:
    groups = []
    for param, facet in FACET_PARAMS.items():
        selected = form.cleaned_data.get(param, ())
        counts = results.facets.get(facet, [])
        options = [
            FacetOption(c.value, c.label, c.count, c.value in selected, f"facet-{param}-{i}")
            for i, c in enumerate(counts)
        ]
        # A selected value the engine no longer counts stays visible, so it can be unticked.
        known = {option.value for option in options}
        options += [
            FacetOption(value, value, 0, True, f"facet-{param}-{len(options) + i}")
            for i, value in enumerate(v for v in selected if v not in known)
        ]
        if options:
            groups.append(FacetGroup(param, str(FACET_LABELS[facet]), options))
    return groups


def active_filters(form: SearchForm, groups: list[FacetGroup]) -> list[ActiveFilter]:
    active = []
    for group in groups:
        for option in group.options:
            if option.selected:
                active.append(
                    ActiveFilter(
                        option.label, group.label, _url_without(form, group.param, option.value)
                    )
                )
    return active


def _url_without(form: SearchForm, param: str, value: str) -> str:
    params = [("q", form.query_text)] if form.query_text else []
    params += [
        (name, selected)
        for name in FACET_PARAMS
        for selected in form.cleaned_data.get(name, ())
        if not (name == param and selected == value)
    ]
    if form.sort_param != "pertinence":
        params.append(("tri", form.sort_param))
    return "?" + urlencode(params)


def sort_options(form: SearchForm) -> list[dict]:
    return [
        {
            "value": value,
            "label": label,
            "selected": value == form.sort_param,
            "url": form.url_params(sort=value),
        }
        for value, label in SORT_LABELS.items()
    ]


def page_links(form: SearchForm, current: int, last: int, around: int = 2) -> list[dict]:
    """Page numbers around the current one, the first and the last; None marks a gap."""
    numbers = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append(None)
        links.append(
            {"number": number, "url": form.url_params(page=number), "current": number == current}
        )
        previous = number
    return links
