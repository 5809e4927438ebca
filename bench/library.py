"""Measure the library page `/ressources/` on N generated resources, on SQLite and PostgreSQL.

For each run (`sqlite:10000`, `postgresql:100000`…):

1. a database (SQLite file in the working folder, or PostgreSQL database
   `trame_bench_library_<N>`), `migrate` and `seed_demo` with the production settings (the
   environment of `bench/pages.py`, a file cache shared by the processes as in production);
2. in a subprocess (`--inprocess build N`): N `ResourcePage`s bulk-inserted under the demo's
   library (tree paths computed here, one INSERT per 1,000 rows: `add_child` would take hours
   at 100,000), with the demo's types, thematics (one or two each) and structures, ten
   publication years, one document each (a second for one in five; five file formats, one
   document in twenty in the demo's most restricted collection when it has one) and views
   for one resource in fifty; then `ANALYZE` on PostgreSQL (autovacuum may be off);
3. in a subprocess (`--inprocess measure RUNS`): the server time of each URL of `URLS`,
   in process with Django's test client (production settings, no web server, no network),
   logged in as `professionnel`: the first request after the cache is emptied, then
   `--warmup` requests, then `--runs` timed ones, each checked to be a 200; and the number of
   SQL queries of one request.

`--code DIR` runs steps 1 to 3 with another checkout of the project (the figures "before"),
on the same database when `--workdir` and `--keep` are given.

Usage: `.venv/bin/python bench/library.py --help`; figures in docs/benchmarks.md,
"Bibliothèque à grande taille".
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on sys.path and would shadow the `search`
# app: the measured code's root takes its place (BENCH_CODE, set by the parent for --code).
CODE = Path(os.environ.get("BENCH_CODE") or ROOT)
sys.path[0] = str(CODE)

BATCH = 1000
FORMATS = ["pdf", "docx", "odt", "xlsx", "pptx"]
TARGET_MS = 60  # p95, issue 19 point 3
DEFAULT_SIZES = "sqlite:10000,postgresql:10000,postgresql:100000"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "bench-library-password"  # of the demo accounts of these throw-away databases
USERNAME = "professionnel"
TIME_BUDGET = 30.0  # seconds per URL: slow pages get fewer runs (at least 5)


def emit(data: dict) -> None:
    print("BENCH_JSON " + json.dumps(data), flush=True)


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- in process


def build(count: int) -> dict:
    """Bulk-insert generated resources under the library until it holds `count` of them."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from wagtail.models import Collection, CollectionViewRestriction, Page

    from groups.models import Structure, Thematic
    from resources.models import (
        ResourceDocument,
        ResourceIndexPage,
        ResourcePage,
        ResourcePageDocument,
        ResourceType,
        ResourceViewDay,
    )

    library = ResourceIndexPage.objects.get()
    generated = ResourcePage.objects.child_of(library).filter(slug__startswith="bench-")
    existing = generated.count()
    if existing >= count:
        analyze()
        return {"inserted": 0, "existing": existing}
    types = list(ResourceType.objects.order_by("pk"))
    thematics = list(Thematic.objects.order_by("pk"))
    structures = list(Structure.objects.order_by("pk"))
    root = Collection.get_first_root_node()
    restricted = CollectionViewRestriction.objects.order_by("pk").first()
    started = time.perf_counter()
    with transaction.atomic():
        documents = ResourceDocument.objects.filter(file__startswith="documents/bench-library/")
        if not documents.exists():
            ResourceDocument.objects.bulk_create(
                ResourceDocument(
                    title=f"Document généré {n}",
                    file=f"documents/bench-library/document-{n}.{FORMATS[n % len(FORMATS)]}",
                    file_size=50_000 + n * 1000,
                    file_format=FORMATS[n % len(FORMATS)],
                    extraction_status="done",
                    collection=restricted.collection if restricted and n % 20 == 19 else root,
                )
                for n in range(100)
            )
        documents = list(documents.order_by("pk"))
        content_type = ContentType.objects.get_for_model(ResourcePage)
        last = library.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        now = timezone.now()
        through = ResourcePage.thematics.through
        today = timezone.localdate()
        for start in range(existing, count, BATCH):
            numbers = range(start, min(start + BATCH, count))
            pages = []
            for number in numbers:
                step += 1
                slug = f"bench-{number}"
                title = f"Ressource générée {number} : guide pour les jeunes"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(library.path, library.depth + 1, step),
                        depth=library.depth + 1,
                        numchild=0,
                        url_path=f"{library.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=library.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(pages)
            resources, links, document_links, views = [], [], [], []
            for number, page in zip(numbers, pages, strict=True):
                year = 2016 + number % 10
                resources.append(
                    ResourcePage(
                        page_ptr_id=page.pk,
                        summary="Une ressource générée pour mesurer la bibliothèque.",
                        resource_type=types[number % len(types)] if types else None,
                        producing_structure=structures[number % len(structures)]
                        if structures
                        else None,
                        publication_date=datetime.date(year, 1 + number % 12, 1 + number % 28),
                        audience="everyone",
                        body="",
                    )
                )
                if thematics:
                    chosen = {number % len(thematics), number // 7 % len(thematics)}
                    links += [
                        through(resourcepage_id=page.pk, thematic_id=thematics[i].pk)
                        for i in sorted(chosen)
                    ]
                document_links.append(
                    ResourcePageDocument(
                        page_id=page.pk, document=documents[number % 97], sort_order=0
                    )
                )
                if number % 5 == 0:
                    document_links.append(
                        ResourcePageDocument(
                            page_id=page.pk, document=documents[number % 89 + 1], sort_order=1
                        )
                    )
                if number % 50 == 0:
                    views += [
                        ResourceViewDay(
                            day=today - datetime.timedelta(days=offset),
                            resource_id=page.pk,
                            views=1 + (number // 50 + offset) % 7,
                        )
                        for offset in range(0, 60, 6)
                    ]
            fields = ResourcePage._meta.local_concrete_fields
            ResourcePage.objects._insert(resources, fields=fields)
            through.objects.bulk_create(links)
            ResourcePageDocument.objects.bulk_create(document_links)
            ResourceViewDay.objects.bulk_create(views)
            if (start // BATCH) % 10 == 9:
                say(f"{start + BATCH:,} resources")
        Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + count - existing)
    cache.clear()  # what was cached before describes a smaller library
    analyze()
    return {"inserted": count - existing, "build_s": time.perf_counter() - started}


def analyze() -> None:
    """Table statistics for PostgreSQL's planner, as autovacuum keeps them in production (it
    may be off on a development server: then the planner guesses, and badly, at 100,000)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def urls() -> dict[str, str]:
    """The measured URLs: the filters are values the generated resources hold."""
    from groups.models import Thematic
    from resources.models import ResourcePage, ResourceType

    thematic = Thematic.objects.order_by("pk").first()
    kind = ResourceType.objects.order_by("pk").first()
    resources = ResourcePage.objects.live()
    total = resources.count()
    # Values the type's resources hold (the generator ties a type to one year).
    of_kind = resources.filter(resource_type=kind, slug__startswith="bench-")
    year = of_kind.values_list("publication_date__year", flat=True).first()
    other = (
        ResourcePage.thematics.through.objects.filter(resourcepage__in=of_kind.values("pk"))
        .exclude(thematic=thematic)
        .values_list("thematic__slug", flat=True)
        .first()
    )
    return {
        "unfiltered": "/ressources/",
        "one filter": f"/ressources/?thematique={thematic.slug}",
        "two filters": f"/ressources/?type={kind.slug}&thematique={other}",
        "three filters": f"/ressources/?type={kind.slug}&annee={year}&format=docx",
        "page 50": "/ressources/?page=50",
        "middle page": f"/ressources/?page={total // 24}",
    }


def measure(runs: int, warmup: int, only: str = "") -> dict:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=USERNAME))
    cache.clear()  # both runs (before, after) start from the same empty cache
    out = {}
    for name, url in urls().items():
        if only and name not in only.split(","):
            continue
        times, spent = [], 0.0
        for number in range(1 + warmup + runs):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"GET {url} returned {response.status_code}")
            if number == 0:
                first = elapsed * 1000
            elif number > warmup:
                times.append(elapsed * 1000)
                spent += elapsed
                if spent > TIME_BUDGET and len(times) >= 5:
                    break
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        out[name] = {"url": url, "ms": times, "first_ms": first, "queries": len(queries)}
        say(f"{name}: p95 {sorted(times)[int(len(times) * 0.95) - 1]:.0f} ms, {len(queries)} q")
    return out


def inprocess_main(arguments: list[str]) -> int:
    import django

    django.setup()
    command, *rest = arguments
    if command == "build":
        emit(build(int(rest[0])))
    elif command == "measure":
        emit(measure(int(rest[0]), int(rest[1]), *rest[2:]))
    else:
        raise SystemExit(f"unknown command {command}")
    return 0


# --------------------------------------------------------------------------- parent


def inprocess(env: dict, *arguments: str) -> dict:
    from bench.pages import BenchError, log

    command = [sys.executable, str(Path(__file__).resolve()), "--inprocess", *arguments]
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=env["BENCH_CODE"], env=env, stdout=subprocess.PIPE, text=True
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("BENCH_JSON ")]
    if completed.returncode != 0 or not lines:
        raise BenchError(f"{' '.join(arguments)} failed:\n{completed.stdout[-3000:]}")
    log(f"{' '.join(arguments)}: {time.monotonic() - started:.1f} s")
    return json.loads(lines[-1].removeprefix("BENCH_JSON "))


def bench_run(database: str, count: int, args, static_root: Path) -> dict:
    from bench.pages import base_env, log, run
    from bench.search import postgres_command, postgres_exists, postgres_url

    workdir = Path(args.workdir) / f"library-{database}-{count}"
    workdir.mkdir(parents=True, exist_ok=True)
    name = f"trame_bench_library_{count}"
    if database == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        fresh = not (workdir / "bench.sqlite3").exists()
    else:
        fresh = not postgres_exists(args.postgres_url, name)
        if fresh:
            postgres_command(args.postgres_url, f'CREATE DATABASE "{name}"')
            log(f"created PostgreSQL database {name}")
        url = postgres_url(args.postgres_url, name)
    env = base_env(url, static_root, workdir / "media", PASSWORD, f"filecache://{workdir}/cache")
    env["BENCH_CODE"] = str(args.code)
    result: dict = {"database": database, "count": count}
    try:
        manage = [sys.executable, str(args.code / "manage.py")]
        run([*manage, "migrate", "--noinput"], env, "migrate")
        if fresh:
            run([*manage, "seed_demo"], env, "seed_demo")
        result["build"] = inprocess(env, "build", str(count))
        result["urls"] = inprocess(env, "measure", str(args.runs), str(args.warmup), args.only)
    finally:
        if not args.keep and database == "postgresql":
            postgres_command(args.postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            log(f"dropped PostgreSQL database {name}")
    return result


def print_table(results: list[dict], args) -> None:
    from bench.pages import percentile

    version = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=args.code, capture_output=True, text=True
    ).stdout.strip()
    print(
        f"\ncode: {args.code} (commit {version or '?'}), in process (Django test client, "
        f"production settings, file cache), {args.runs} timed runs after {args.warmup} "
        f"warm-up, load average {os.getloadavg()[0]:.2f}. Times in ms."
    )
    print("\n| database | N | URL | p50 | p95 | mean | first request | SQL queries |")
    print("|" + "---|" * 8)
    for result in results:
        for name, row in result["urls"].items():
            values = sorted(row["ms"])
            p95 = percentile(values, 95)
            flag = " ⚠" if p95 > TARGET_MS else ""
            print(
                f"| {result['database']} | {result['count']:,} | {name}: `{row['url']}` | "
                f"{percentile(values, 50):.0f} | {p95:.0f}{flag} | {statistics.fmean(values):.0f} "
                f"| {row['first_ms']:.0f} | {row['queries']} |"
            )
    print(f"\n⚠: p95 above the target ({TARGET_MS} ms).")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"database:N, comma-separated ({DEFAULT_SIZES})"
    )
    parser.add_argument("--runs", type=int, default=30, help="timed runs per URL (30)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up requests per URL (3)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="server where trame_bench_library_<N> is created (env BENCH_POSTGRES_URL)",
    )
    parser.add_argument(
        "--workdir", default="", help="SQLite files, caches, static files (default: temporary)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL databases (and --workdir)"
    )
    parser.add_argument(
        "--only", default="", help="measure these URLs only, by name (e.g. 'two filters')"
    )
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="root of the checkout to measure (default: this one), e.g. an export of main",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    from bench.pages import BenchError, base_env, log, run
    from bench.search import parse_sizes

    args = parse_args(argv)
    args.code = args.code.resolve()
    runs = parse_sizes(args.sizes)
    temporary = None
    if not args.workdir:
        temporary = tempfile.TemporaryDirectory(prefix="trame-bench-library-")
        args.workdir = temporary.name
    log(f"working in {args.workdir}, load average {os.getloadavg()[0]:.2f}")
    static_root = Path(args.workdir) / f"static-{args.code.name}"
    env = base_env("sqlite://", static_root, Path(args.workdir) / "media", "", "locmemcache://")
    run([sys.executable, str(args.code / "manage.py"), "collectstatic", "--noinput"], env, "static")
    results, failed = [], False
    for database, count in runs:
        log(f"=== {database}, {count:,} resources ===")
        try:
            results.append(bench_run(database, count, args, static_root))
        except BenchError as error:
            failed = True
            log(f"{database} {count} failed: {error}")
    if results:
        print_table(results, args)
        (Path(args.workdir) / f"results-{int(time.time())}.json").write_text(json.dumps(results))
    if temporary is not None and not args.keep:
        temporary.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inprocess"]:
        sys.exit(inprocess_main(sys.argv[2:]))
    sys.exit(main())
