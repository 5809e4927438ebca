"""The index's health, as the editors' admin panel and `/healthz` tell it: entries held
against entries expected, the last reindexing, reindex tasks waiting or failed, and the last
`search_check` of each engine.
"""

import logging
from datetime import datetime, timedelta
from functools import cached_property

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from search.models import IndexCheck, ReindexFailure, SearchEntry

logger = logging.getLogger("search")

REINDEX_TASK_PATH = "search.tasks.reindex"
# A reindex task still waiting after this long means no worker is taking them.
STUCK_AFTER = timedelta(minutes=15)
WAITING = ("READY", "RUNNING")


def failure_record(*, keys: list[str], attempts: int, error: str) -> ReindexFailure:
    return ReindexFailure.objects.create(keys=keys, attempts=attempts, error=error)


def failures_resolve(*, keys=None) -> int:
    """Mark failures resolved: those whose keys were all written again (`keys`), or every
    open one (the whole index was found right)."""
    open_failures = ReindexFailure.objects.filter(resolved_at__isnull=True)
    if keys is not None:
        written = set(keys)
        ids = [f.pk for f in open_failures.only("pk", "keys") if set(f.keys) <= written]
        open_failures = open_failures.filter(pk__in=ids)
    return open_failures.update(resolved_at=timezone.now())


def _queued_reindex_tasks():
    """Reindex tasks of the database task backend, when it is the one in use."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=REINDEX_TASK_PATH)


class IndexHealth:
    """Each figure is read when first asked for: `/healthz` asks for the problems only."""

    @cached_property
    def entries(self) -> int:
        return SearchEntry.objects.count()

    @cached_property
    def last_indexed_at(self) -> datetime | None:
        return SearchEntry.objects.aggregate(last=Max("indexed_at"))["last"]

    @cached_property
    def open_failures(self) -> list[ReindexFailure]:
        return list(ReindexFailure.objects.filter(resolved_at__isnull=True)[:20])

    @cached_property
    def pending_tasks(self) -> int | None:
        """Reindex tasks waiting for the worker; None when tasks run at once."""
        tasks = _queued_reindex_tasks()
        return None if tasks is None else tasks.filter(status__in=WAITING).count()

    @cached_property
    def stuck_tasks(self) -> int:
        tasks = _queued_reindex_tasks()
        if tasks is None:
            return 0
        since = timezone.now() - STUCK_AFTER
        return tasks.filter(status__in=WAITING, enqueued_at__lt=since).count()

    @cached_property
    def last_checks(self) -> list[IndexCheck]:
        """The newest `search_check` of each engine."""
        engines = IndexCheck.objects.order_by().values_list("engine", flat=True).distinct()
        return [IndexCheck.objects.filter(engine=engine).first() for engine in sorted(engines)]

    @property
    def problems(self) -> list[str]:
        """Short English codes of what is wrong (`/healthz` shows them, never content)."""
        problems = []
        if self.open_failures:
            problems.append("reindex_failed")
        if self.stuck_tasks:
            problems.append("reindex_stuck")
        if any(not check.healthy for check in self.last_checks):
            problems.append("drift")
        return problems


def index_problems() -> list[str]:
    """For `/healthz`."""
    return IndexHealth().problems
