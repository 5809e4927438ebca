"""Benchmark of the regional roll-up (see docs/benchmarks.md, « Synthèse du réseau »).

Builds, on a throw-away test database (SQLite by default, PostgreSQL with DATABASE_URL;
Django creates `test_<name>` and drops it at the end), a regional plan of 3 orientations,
10 axes and 30 actions, then N member structures (26 by default), each with its own plan
of 30 actions aligned on the regional axes, 5 indicators per action and 2 yearly values per
indicator. Then requests the roll-up page as a regional editor, in-process with Django's
test client, and prints the server time (p50, p95, max) and the number of SQL queries of
one request; the same for its CSV; with --pdf, the time of one PDF (it lists every
indicator: long).

    createdb -h 127.0.0.1 -U postgres trame_bench_rollup
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/trame_bench_rollup \\
        .venv/bin/python bench/rollup.py [--structures 26] [--actions 30] [--indicators 5]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

AXES, ORIENTATIONS = 10, 3


def _add(parent, page):
    page.live = True
    parent.add_child(instance=page)
    return page


def build(structures: int, actions: int, indicators: int):
    from django.contrib.auth import get_user_model

    from groups.models import Structure
    from home.models import ContentPage, HomePage
    from home.roles import editors_group_sync
    from strategy.models import (
        ActionPage,
        AxisPage,
        Indicator,
        IndicatorValue,
        OrientationPage,
        StrategyPlanPage,
    )
    from tests.factories.strategy import REQUIRED_SECTIONS

    home = HomePage.objects.get()
    regional = _add(home, StrategyPlanPage(title="Projet régional", slug="projet-associatif",
                                           sections=REQUIRED_SECTIONS))  # fmt: skip
    axes = []
    for o in range(ORIENTATIONS):
        orientation = _add(regional, OrientationPage(title=f"Orientation {o + 1}"))
        for _a in range(AXES * (o + 1) // ORIENTATIONS - AXES * o // ORIENTATIONS):
            axes.append(_add(orientation, AxisPage(title=f"Axe {len(axes) + 1}")))
    for n, axis in enumerate(axes):
        for k in range(3):
            _add(axis, ActionPage(title=f"Action régionale {n + 1}.{k + 1}"))
    space = _add(home, ContentPage(title="Le réseau", slug="le-reseau"))
    statuses = list(ActionPage.Status.values)
    for s in range(structures):
        structure = Structure.objects.create(
            name=f"Mission Locale {s + 1:02d}", short_name=f"ML {s + 1:02d}",
            departments=["21", "25", "39", "58", "70", "71", "89", "90"][s % 8],
        )  # fmt: skip
        title = f"Projet de la Mission Locale {s + 1:02d}"
        plan = _add(
            space, StrategyPlanPage(title=title, structure=structure, sections=REQUIRED_SECTIONS)
        )
        orientation = _add(plan, OrientationPage(title="Notre orientation"))
        local_axes = [_add(orientation, AxisPage(title=f"Notre axe {i + 1}")) for i in range(3)]
        created = []
        for i in range(actions):
            axis = axes[i % len(axes)]
            created.append(_add(local_axes[i % 3], ActionPage(
                title=f"Action locale {i + 1}", status=statuses[i % len(statuses)],
                progress=(i * 7) % 101, regional_axis=axis,
                regional_orientation_id=axis.get_parent().pk,
            )))  # fmt: skip
        made = Indicator.objects.bulk_create(
            Indicator(
                action=action, name=f"Indicateur commun {j + 1}", unit="jeunes", target=100
            )  # fmt: skip
            for action in created
            for j in range(indicators)
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, year=year, value=10 + year % 7)
            for indicator in made
            for year in (2024, 2025)
        )
        print(f"  structure {s + 1}/{structures}", end="\r", flush=True)
    editor = get_user_model().objects.create_user("editrice-bench", password="x")
    editor.groups.add(editors_group_sync())
    return regional, editor


def measure(client, url: str, samples: int):
    client.get(url)  # warm the caches of the site, its settings and restrictions
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200, response.status_code
    times, cpu = [], []
    for _ in range(samples):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    # The CPU time of the Python process (database server excluded) depends much less than
    # the elapsed time on whatever else the machine is doing.
    return statistics.median(times), p95, times[-1], len(queries), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--structures", type=int, default=26)
    parser.add_argument("--actions", type=int, default=30)
    parser.add_argument("--indicators", type=int, default=5)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--pdf", action="store_true", help="also time one PDF of the roll-up")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.test import Client

        print(f"Base de données : {connection.vendor} ({connection.settings_dict['NAME']})")
        start = time.perf_counter()
        regional, editor = build(args.structures, args.actions, args.indicators)
        print(f"\nConstruit en {time.perf_counter() - start:.1f} s : {args.structures} structures "
              f"× {args.actions} actions × {args.indicators} indicateurs")  # fmt: skip
        client = Client()
        client.force_login(editor)
        print(f"Charge moyenne (1, 5, 15 min) : {os.getloadavg()}")
        print("| page | p50 | p95 | max | CPU Python (médiane) | requêtes SQL |")
        print("|---|---|---|---|---|---|")
        for label, suffix in (("synthèse (HTML)", ""), ("export CSV", "csv/")):
            p50, p95, worst, queries, cpu = measure(
                client, f"{regional.url}reseau/{suffix}", args.samples
            )
            print(f"| {label} | {p50:.0f} ms | {p95:.0f} ms | {worst:.0f} ms | {cpu:.0f} ms "
                  f"| {queries} |")  # fmt: skip
        if args.pdf:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(f"{regional.url}reseau/pdf/")
            assert response.status_code == 200, response.status_code
            elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            size = len(response.content) // 1024
            print(f"PDF : {elapsed:.1f} s (CPU Python {cpu:.1f} s), {size} Ko")
        print(f"Charge moyenne (1, 5, 15 min) : {os.getloadavg()}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
