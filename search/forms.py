"""The search page's query string, read into a `SearchRequest`.

Parameters are French, as the URL is shown to users: `q`, one parameter per facet (repeated
for several values), `tri` and `page`. A malformed parameter is an error the page explains
(400); an odd query never is: `search.query.parse` turns anything into something safe.
"""

from django import forms
from django.core.validators import validate_slug
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.params import PageNumberField
from search.engines.base import SearchRequest
from search.models import synonym_table
from search.query import parse

# URL parameter -> engine facet, in the order the facets are shown.
FACET_PARAMS = {
    "type": "kind",
    "thematique": "thematic",
    "type_ressource": "resource_type",
    "structure": "structure",
    "groupe": "group",
    "annee": "year",
}
FACET_LABELS = {
    "kind": _("Content type"),
    "thematic": _("Thematic"),
    "resource_type": _("Resource type"),
    "structure": _("Producing structure"),
    "group": _("Working group"),
    "year": _("Year"),
}
SORT_PARAMS = {"pertinence": "relevance", "date": "date"}
SORT_LABELS = {"pertinence": _("Relevance"), "date": _("Date, most recent first")}
DEFAULT_SORT = "pertinence"
# Beyond this, a page number is read as "the last page": no engine pages that deep.
MAX_PAGE = 1000
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 100


class QueryField(forms.CharField):
    """Whatever was typed. Null bytes become spaces instead of failing validation."""

    def to_python(self, value):
        return super().to_python((value or "").replace("\x00", " "))


class SlugListField(forms.Field):
    """A repeated parameter whose values are slugs (`?thematique=emploi&thematique=sante`)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid": _("“%(value)s” is not a valid filter value."),
        "too_many": _("Too many values for one filter."),
    }

    def to_python(self, value):
        values = [str(item).strip() for item in (value or []) if str(item).strip()]
        return tuple(dict.fromkeys(values))

    def validate(self, value):
        if len(value) > MAX_VALUES_PER_FACET:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many")
        for item in value:
            try:
                if len(item) > MAX_VALUE_LENGTH:
                    raise forms.ValidationError("too long")
                validate_slug(item)
            except forms.ValidationError:
                raise forms.ValidationError(
                    self.error_messages["invalid"],
                    code="invalid",
                    params={"value": item[:40]},
                ) from None


class SearchForm(forms.Form):
    q = QueryField(required=False, strip=True)
    tri = forms.ChoiceField(
        required=False,
        choices=list(SORT_LABELS.items()),
        error_messages={"invalid_choice": _("Unknown sort order “%(value)s”.")},
    )
    page = PageNumberField()

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for param in FACET_PARAMS:
            self.fields[param] = SlugListField(required=False)

    def clean_tri(self):
        return self.cleaned_data.get("tri") or DEFAULT_SORT

    def clean_page(self):
        return min(self.cleaned_data.get("page") or 1, MAX_PAGE)

    @property
    def error_messages_list(self) -> list[str]:
        return [str(message) for errors in self.errors.values() for message in errors]

    # What the page needs once the form is valid.

    @property
    def query_text(self) -> str:
        return self.cleaned_data["q"]

    @property
    def sort_param(self) -> str:
        return self.cleaned_data["tri"]

    @property
    def filters(self) -> dict[str, tuple[str, ...]]:
        """Engine facet -> selected values, for the facets with a selection."""
        return {
            facet: self.cleaned_data[param]
            for param, facet in FACET_PARAMS.items()
            if self.cleaned_data.get(param)
        }

    def search_request(self, page: int | None = None) -> SearchRequest:
        return SearchRequest(
            query=parse(self.query_text, synonym_table()),
            filters=self.filters,
            sort=SORT_PARAMS[self.sort_param],
            page=page or self.cleaned_data["page"],
        )

    def url_params(
        self, *, page: int = 1, sort: str | None = None, filters: bool = True, query=None
    ) -> str:
        """The canonical query string of this search: facets kept, page 1 left out."""
        query = self.query_text if query is None else query
        params = [("q", query)] if query else []
        if filters:
            params += [
                (param, value)
                for param in FACET_PARAMS
                for value in self.cleaned_data.get(param, ())
            ]
        sort = sort or self.sort_param
        if sort != DEFAULT_SORT:
            params.append(("tri", sort))
        if page > 1:
            params.append(("page", page))
        return "?" + urlencode(params) if params else "?"
