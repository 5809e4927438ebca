"""Purges of old dated records, run by `manage.py purge_old_records` from cron.

An app offers its purges in an optional `retention` module: `PURGES = [(label, rows)]` where
`rows(cutoff)` returns the queryset of its records dated before `cutoff` (a date). Apps need
not import this module (it sits above them all); code that cannot have a `retention` module
(a test, a plug-in) calls `register(label, rows)`. Notifications, when they come, add theirs
the same way.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.db.models import QuerySet

Rows = Callable[[datetime.date], QuerySet]
_registered: list[tuple[str, Rows]] = []


def register(label: str, rows: Rows) -> None:
    _registered.append((label, rows))


def unregister(rows: Rows) -> None:
    _registered[:] = [(label, fn) for label, fn in _registered if fn is not rows]


def purges() -> list[tuple[str, Rows]]:
    """Every purge: the apps' `retention.PURGES` (in INSTALLED_APPS order), then registered."""
    found = []
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.retention"
        if find_spec(name) is not None:
            found += list(getattr(import_module(name), "PURGES", []))
    return found + list(_registered)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def preview(cutoff: datetime.date) -> list[tuple[str, int]]:
    return [(label, rows(cutoff).count()) for label, rows in purges()]


def purge(cutoff: datetime.date) -> list[tuple[str, int]]:
    """Delete every purge's rows in one transaction; (label, rows deleted) for each."""
    done = []
    with transaction.atomic():
        for label, rows in purges():
            queryset = rows(cutoff)
            count = queryset.count()
            queryset.delete()
            done.append((label, count))
    return done
