"""Measure `manage.py search_check` on N generated resources: is it fast enough to run
nightly at the network's size?

For each run (`sqlite:10000`, `postgresql:100000`...):

1. the database of `bench/search.py` (migrate, seed_demo, N resources with 2-5 KB of
   extracted text each, from `bench/search_inprocess.py prepare --skip-wagtail`), reused when
   kept in the same --workdir;
2. in a subprocess (`python -m bench.search_check measure`): the index rebuilt from the site
   (`search_rebuild`'s work, so that the check starts from no drift), then `index_check()`
   `--checks` times, split into its two passes (the site's digests, the index's digests),
   then 10 rows corrupted by hand and `index_check(repair=True)`.

Usage: `.venv/bin/python bench/search_check.py --sizes sqlite:10000,postgresql:100000`;
figures and commands in docs/benchmarks.md ("Vérification de l'index").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # the project's root, not bench/, so `search` is the app

from bench.pages import BenchError, log, run  # noqa: E402
from bench.search import DEFAULT_POSTGRES, inprocess, postgres_command, run_env  # noqa: E402

CORRUPTED = 10


def measure(checks: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")
    django.setup()
    from search import sources
    from search.check import engine_drift, expected_digests, index_check
    from search.engines.database import DatabaseEngine
    from search.models import SearchEntry

    engine = DatabaseEngine()
    started = time.perf_counter()
    total = sources.all_entries_count()
    engine.rebuild(sources.all_entries(), total, lambda done: None)
    result = {"entries": total, "rebuild_s": time.perf_counter() - started}

    site, index, whole = [], [], []
    for _ in range(checks):
        started = time.perf_counter()
        expected = expected_digests()
        site.append(time.perf_counter() - started)
        started = time.perf_counter()
        drift = engine_drift(engine, expected)
        index.append(time.perf_counter() - started)
        started = time.perf_counter()
        [drift] = index_check()
        whole.append(time.perf_counter() - started)
        assert not drift, f"a fresh index drifts: {drift.keys[:5]}"
    result |= {
        "site_digests_s": statistics.median(site),
        "index_digests_s": statistics.median(index),
        "check_s": statistics.median(whole),
        "checks": checks,
    }

    keys = list(SearchEntry.objects.order_by("?").values_list("key", flat=True)[:CORRUPTED])
    SearchEntry.objects.filter(key__in=keys).update(title="corrompu")
    started = time.perf_counter()
    [drift] = index_check(repair=True)
    result |= {
        "repair_s": time.perf_counter() - started,
        "repair_found": len(drift.stale),
        "repaired": drift.repaired,
    }
    return result


def bench_run(database: str, count: int, args, static_root: Path) -> dict:
    env, name, fresh, workdir = run_env(database, count, args, static_root)
    result = {"database": database, "count": count}
    try:
        manage = [sys.executable, "manage.py"]
        run([*manage, "migrate", "--noinput"], env, "migrate")
        if fresh:
            run([*manage, "seed_demo"], env, "seed_demo")
            inprocess(env, "prepare", str(count), "--skip-wagtail")
        command = [sys.executable, "-m", "bench.search_check", "measure", str(args.checks)]
        result |= _json_of(command, env)
    finally:
        if not args.keep and database == "postgresql":
            postgres_command(args.postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return result


def _json_of(command: list[str], env: dict) -> dict:
    import subprocess

    completed = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    lines = [line for line in completed.stdout.splitlines() if line.startswith("BENCH_JSON ")]
    if completed.returncode != 0 or not lines:
        raise BenchError(f"measure failed:\n{completed.stdout[-3000:]}")
    return json.loads(lines[-1].removeprefix("BENCH_JSON "))


def print_table(results: list[dict]) -> None:
    print("\n| database | entries | rebuild | site digests | index digests | whole check | "
          "repair of 10 corrupted rows |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for row in results:
        print(
            f"| {row['database']} | {row['entries']:,} | {row['rebuild_s']:.1f} s | "
            f"{row['site_digests_s']:.1f} s | {row['index_digests_s']:.2f} s | "
            f"{row['check_s']:.1f} s | {row['repair_s']:.1f} s "
            f"({row['repair_found']} found, repaired: {row['repaired']}) |"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="sqlite:10000,postgresql:100000")
    parser.add_argument("--checks", type=int, default=3, help="timed checks per run (3)")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    )
    parser.add_argument("--workdir", default="", help="kept databases live here (with --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args(argv)
    temporary = None
    if not args.workdir:
        temporary = tempfile.TemporaryDirectory(prefix="trame-bench-check-")
        args.workdir = temporary.name
    static_root = Path(args.workdir) / "static"
    log(f"working in {args.workdir}, load average {os.getloadavg()[0]:.2f}")
    results, failed = [], False
    for item in args.sizes.split(","):
        database, _, count = item.strip().partition(":")
        log(f"=== {database}, {int(count):,} resources ===")
        try:
            results.append(bench_run(database, int(count), args, static_root))
            log(json.dumps(results[-1]))
        except BenchError as error:
            failed = True
            log(f"{item} failed: {error}")
    print_table(results)
    if temporary is not None and not args.keep:
        temporary.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        print("BENCH_JSON " + json.dumps(measure(int(sys.argv[2]))), flush=True)
    else:
        sys.exit(main())
