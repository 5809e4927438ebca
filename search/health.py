"""The index's health, as the editors' admin panel and `/healthz` tell it: entries held
against entries expected, the last reindexing, reindex tasks waiting or failed, and the last
`search_check` of each engine.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from search.models import IndexCheck, ReindexFailure, SearchEntry

logger = logging.getLogger("search")

REINDEX_TASK_PATH = "search.tasks.reindex"
# A reindex task still waiting after this long means no worker is taking them.
STUCK_AFTER = timedelta(minutes=15)


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


@dataclass
class IndexHealth:
    entries: int
    last_indexed_at: datetime | None
    open_failures: int
    pending_tasks: int | None  # None: tasks run at once, nothing waits
    stuck_tasks: int
    last_checks: list[IndexCheck] = field(default_factory=list)

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

    @property
    def degraded(self) -> bool:
        return bool(self.problems)


def index_health() -> IndexHealth:
    entries = SearchEntry.objects.aggregate(last=Max("indexed_at"))
    tasks = _queued_reindex_tasks()
    pending = stuck = None
    if tasks is not None:
        waiting = tasks.filter(status__in=["READY", "RUNNING"])
        pending = waiting.count()
        stuck = waiting.filter(enqueued_at__lt=timezone.now() - STUCK_AFTER).count()
    checks = []
    for engine in IndexCheck.objects.order_by().values_list("engine", flat=True).distinct():
        checks.append(IndexCheck.objects.filter(engine=engine).first())
    return IndexHealth(
        entries=SearchEntry.objects.count(),
        last_indexed_at=entries["last"],
        open_failures=ReindexFailure.objects.filter(resolved_at__isnull=True).count(),
        pending_tasks=pending,
        stuck_tasks=stuck or 0,
        last_checks=sorted(checks, key=lambda check: check.engine),
    )
