"""Does the index hold exactly what the site says it should? `manage.py search_check`.

The expected entries are built from the database (`search.sources`, as a rebuild would), and
their digests compared with those each engine holds (`Engine.digests()`): one pass over the
site and one over the index, no full text read back from the index. Repairing reindexes the
drifting keys only: missing and stale ones are written, extra ones deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from search import health, sources
from search.engines.base import Engine
from search.engines.digest import entry_digest
from search.indexing import engines, reindex_keys
from search.models import IndexCheck

SAMPLE_SIZE = 20
KEEP_CHECKS = timedelta(days=90)


@dataclass
class Drift:
    engine: str
    expected: int
    indexed: int
    missing: list[str] = field(default_factory=list)  # should be there, is not
    stale: list[str] = field(default_factory=list)  # there, but not as the site says
    extra: list[str] = field(default_factory=list)  # there, should not be
    repaired: bool = False  # reindexed, and found right when compared again

    @property
    def keys(self) -> list[str]:
        return sorted(self.missing + self.stale + self.extra)

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)


def expected_digests(progress: Callable[[int], None] = lambda done: None) -> dict[str, str]:
    digests = {}
    for entry in sources.all_entries():
        digests[entry.key] = entry_digest(entry)
        if len(digests) % 1000 == 0:
            progress(len(digests))
    return digests


def engine_drift(engine: Engine, expected: dict[str, str], keys=None) -> Drift:
    """What `engine` holds against `expected` (only for `keys` when given)."""
    held = dict(engine.digests(keys))
    return Drift(
        engine=engine.name,
        expected=len(expected),
        indexed=len(held),
        missing=sorted(expected.keys() - held.keys()),
        stale=sorted(
            key for key, digest in held.items() if key in expected and digest != expected[key]
        ),
        extra=sorted(held.keys() - expected.keys()),
    )


def index_check(
    *, repair: bool = False, progress: Callable[[int], None] = lambda done: None
) -> list[Drift]:
    """Compare every engine with the site, record the result, and repair when asked.

    Read in one transaction where the database allows it, so that a change committed during
    the check is not reported as drift (on PostgreSQL a REPEATABLE READ snapshot would be
    needed for that; there a change racing the check may show as drift once, and the next
    run, or --repair, which rereads the site, settles it)."""
    with transaction.atomic():
        expected = expected_digests(progress)
        drifts = [engine_drift(engine, expected) for engine in engines()]
    keys = sorted({key for drift in drifts for key in drift.keys})
    repaired = False
    if repair and keys:
        reindex_keys(keys)
        # Proven, not assumed: the repaired keys are compared again.
        wanted = {key: expected[key] for key in keys if key in expected}
        repaired = not any(engine_drift(engine, wanted, keys) for engine in engines())
    IndexCheck.objects.filter(checked_at__lt=timezone.now() - KEEP_CHECKS).delete()
    for drift in drifts:
        drift.repaired = repaired and bool(drift)
        IndexCheck.objects.create(
            engine=drift.engine,
            expected=drift.expected,
            indexed=drift.indexed,
            missing=len(drift.missing),
            stale=len(drift.stale),
            extra=len(drift.extra),
            repaired=drift.repaired,
            sample={
                "missing": drift.missing[:SAMPLE_SIZE],
                "stale": drift.stale[:SAMPLE_SIZE],
                "extra": drift.extra[:SAMPLE_SIZE],
            },
        )
    if not keys or repaired:
        health.failures_resolve()
    return drifts
