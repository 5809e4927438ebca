"""Bounded path converters: `<id:...>` and `<year:...>` match only values the databases can
store, so that an out-of-range number in a URL is a 404 rather than an OverflowError (SQLite
refuses integers above 2**63 - 1 in a query)."""

from django.urls import register_converter
from django.urls.converters import get_converters

# The largest integer SQLite and a PostgreSQL bigint hold; every ID of the project fits.
MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(value)  # the resolver reads this as "no match": a 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):04d}"


CONVERTERS = {"id": IdConverter, "year": YearConverter}


def register() -> None:
    """Called when the app registry is built, before any model is imported: routable pages
    declare their routes with these converters at class creation."""
    registered = get_converters()
    for name, converter in CONVERTERS.items():
        if name not in registered:
            register_converter(converter, name)
