"""Benchmark of the PDFs (see docs/benchmarks.md, "PDF").

On a throw-away test database (SQLite by default, PostgreSQL with DATABASE_URL): imports the
network's plan (../shared/seeds/), gives each action an indicator with two yearly values,
creates N resources, then times each PDF as a logged-in professional asks for it (median of
a few runs, after a first warm-up), with its size and number of pages.

    .venv/bin/python bench/pdf.py [--resources 200] [--runs 3]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_9b776e5ce5e1a0c8.txt"


def build(resources: int):
    from pypdf import PdfReader  # noqa: F401 (fails early when the dev extra is missing)

    from home.models import HomePage
    from strategy.models import ActionPage, IndicatorValue, StrategyPlanPage
    from tests.factories import (
        IndicatorFactory,
        ProfileFactory,
        ResourceIndexPageFactory,
        ResourcePageFactory,
        UserFactory,
    )

    call_command("import_strategy_plan", str(SEED), "--apply", stdout=io.StringIO())
    for action in ActionPage.objects.all():
        indicator = IndicatorFactory(action=action, name=f"Indicateur {action.number}")
        for year, value in ((2024, 12), (2025, 18)):
            IndicatorValue.objects.create(indicator=indicator, year=year, value=value)
    library = ResourceIndexPageFactory(parent=HomePage.objects.get())
    for n in range(resources):
        ResourcePageFactory(
            parent=library, title=f"Ressource {n}", summary="Un guide pour les conseillers."
        )
    user = ProfileFactory(user=UserFactory(username="bench")).user
    client = Client()
    client.force_login(user)
    plan = StrategyPlanPage.objects.get()
    return client, {
        "plan (seed, 24 actions, 24 indicators)": plan.url + "pdf/",
        "action sheet": ActionPage.objects.first().url + "pdf/",
        f"library ({resources} resources)": "/ressources/pdf/",
    }


def measure(client, url: str, runs: int):
    from pypdf import PdfReader

    response = client.get(url)  # warm-up: fonts and stylesheets loaded once per process
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    return statistics.median(times), len(response.content), pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="trame-bench-")
    settings.ALLOWED_HOSTS = ["testserver"]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        client, urls = build(args.resources)
        print(f"{'PDF':<42} {'median (s)':>10} {'size (KB)':>10} {'pages':>6}")
        for label, url in urls.items():
            seconds, size, pages = measure(client, url, args.runs)
            print(f"{label:<42} {seconds:>10.2f} {size / 1024:>10.0f} {pages:>6}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
