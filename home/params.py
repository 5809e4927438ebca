"""Numbers and IDs read from query strings and forms, always through a form field with bounds.

A view reads its parameters with `clean_parameters(SomeForm(request.GET))`: a value that is not
a number, out of range or unknown raises `InvalidParameters`, which the middleware of
`home.middleware` turns into a French 400 page that names the parameter. Nothing unchecked
reaches the database (SQLite raises OverflowError above 2**63 - 1; a year above 9999 breaks
date lookups)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.converters import MAX_ID

MAX_PAGE_NUMBER = 100_000


class InvalidParameters(Exception):
    """Parameters a view cannot read; `messages` say which and why, in French."""

    def __init__(self, messages: list[str]):
        super().__init__(messages)
        self.messages = messages


def clean_parameters(form: forms.Form) -> dict:
    if form.is_valid():
        return form.cleaned_data
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            messages.append(
                _("%(label)s: %(error)s") % {"label": label, "error": error}
                if label
                else str(error)
            )
    raise InvalidParameters(messages)


class IdField(forms.IntegerField):
    """The ID of an object: a whole number the databases can store."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)


class ModelIdsChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several objects whose IDs are checked to be IDs before any query: Django
    guards `pk=` against numbers a database cannot store, but not the `pk__in=` it runs next."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            for pk in value:
                try:
                    IdField(required=True).clean(pk)
                except forms.ValidationError:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    ) from None
        return super().clean(value)


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class PageNumberField(forms.IntegerField):
    """A page of a listing. A page beyond the last one is the views' business (they show the
    last page); this field only refuses what is not a page number at all."""

    default_error_messages = {
        "invalid": _("The page number must be a whole number."),
        "min_value": _("The page number must be 1 or more."),
        "max_value": _("The page number must be %(limit_value)s or less."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_PAGE_NUMBER)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Page"))
        super().__init__(**kwargs)


class PageForm(forms.Form):
    page = PageNumberField()


def page_number(params) -> int | None:
    """The `page` parameter of a listing, checked (None when absent)."""
    return clean_parameters(PageForm(params))["page"]
