"""The parts of `bench/search.py` that run inside Django, in a subprocess started with the
benchmark's environment (production settings, the database being measured):

    python -m bench.search_inprocess prepare N     # resources, Trame index, Wagtail index
    python -m bench.search_inprocess measure RUNS  # engine calls and Wagtail's backend
    python -m bench.search_inprocess explain 'jeunes'             # the engine's SQL plans
    python -m bench.search_inprocess profile '/recherche/?q=jeunes' 20   # cProfile

`prepare` and `measure` print one line `BENCH_JSON {...}` that the parent reads; `explain`
and `profile` are run by hand with the environment `bench/search.py --env` prints.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from itertools import islice

import django

from bench.search_corpus import FILTERS, PREFIXES, QUERIES, SYNONYMS, resource

BATCH = 1000
USERNAME = "professionnel"
TIME_BUDGET = 20.0  # seconds per measured call: slow calls get fewer runs (at least 3)


def emit(data: dict) -> None:
    print("BENCH_JSON " + json.dumps(data), flush=True)


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def batched(iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --------------------------------------------------------------------------- prepare


def insert_resources(count: int) -> dict:
    """Bulk-create `count` ResourceDocuments in the root collection (no file is served)."""
    from wagtail.models import Collection

    from resources.models import ResourceDocument

    existing = ResourceDocument.objects.filter(file__startswith="documents/bench/").count()
    if existing >= count:
        return {"inserted": 0, "existing": existing}
    root = Collection.get_first_root_node()
    started = time.perf_counter()
    for chunk in batched(range(existing, count), BATCH):
        documents = []
        for number in chunk:
            item = resource(number)
            documents.append(
                ResourceDocument(
                    title=item.title[:255],
                    file=f"documents/bench/ressource-{number}.pdf",
                    file_size=len(item.text.encode()) * 20,
                    file_format="pdf",
                    extracted_text=item.text,
                    page_count=1 + len(item.text) // 2500,
                    language="fr",
                    extraction_status="done",
                    collection=root,
                )
            )
        ResourceDocument.objects.bulk_create(documents)
    elapsed = time.perf_counter() - started
    return {"inserted": count - existing, "insert_s": elapsed}


def bench_documents():
    from resources.models import ResourceDocument

    return ResourceDocument.objects.filter(file__startswith="documents/bench/").order_by("pk")


def facet_choices() -> dict:
    """The demo's thematics, resource types and structures, as the sources label them."""
    from groups.models import Structure, Thematic
    from resources.models import ResourceType
    from search.engines.base import Choice

    return {
        "thematics": [Choice(t.slug, t.name) for t in Thematic.objects.order_by("pk")],
        "types": [Choice(t.slug, t.name) for t in ResourceType.objects.order_by("pk")],
        "structures": [Choice(str(s.pk), s.name) for s in Structure.objects.order_by("pk")],
    }


def with_resource_facets(entry, choices: dict):
    """A generated document gets the facets of a library resource (thematics, type,
    producing structure, views), spread by its id, so facet counts cost what they will."""
    number = int(entry.key.partition(":")[2])
    thematics, types, structures = choices["thematics"], choices["types"], choices["structures"]
    if thematics:
        entry.thematics = tuple(
            dict.fromkeys([thematics[number % len(thematics)], thematics[number // 7 % 3]])
        )
    entry.resource_type = types[number % len(types)] if types else None
    entry.structure = structures[number % len(structures)] if structures else None
    entry.popularity = number * 7919 % 200
    return entry


def trame_entries() -> Iterator:
    """Every entry of the site as `manage.py search_rebuild` builds it (`search.sources`):
    the demo's pages, people, structures, and the generated documents with their facets."""
    from search import sources

    choices = facet_choices()
    bench_keys = {f"document:{pk}" for pk in bench_documents().values_list("pk", flat=True)}
    for entry in sources.all_entries():
        yield with_resource_facets(entry, choices) if entry.key in bench_keys else entry


def index_trame() -> dict:
    from search import sources
    from search.engines import database_engine

    total = sources.all_entries_count()
    done = [0]

    def progress(value: int) -> None:
        if value - done[0] >= 10_000 or value == total:
            say(f"Trame index: {value}/{total}")
            done[0] = value

    started = time.perf_counter()
    database_engine().rebuild(trame_entries(), total, progress)
    elapsed = time.perf_counter() - started
    return {"trame_entries": total, "trame_index_s": elapsed}


def index_wagtail() -> dict:
    """Index the same rows in Wagtail's own database backend (title, extracted_text)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from resources.models import ResourceDocument

    documents = bench_documents()
    total = documents.count()
    content_type = ContentType.objects.get_for_model(ResourceDocument)
    if IndexEntry.objects.filter(content_type=content_type).count() >= total:
        return {"wagtail_entries": 0}
    backend = get_search_backend()
    started = time.perf_counter()
    for number, chunk in enumerate(batched(documents.iterator(chunk_size=BATCH), BATCH), 1):
        backend.add_bulk(ResourceDocument, chunk)
        if number % 10 == 0:
            say(f"Wagtail index: {number * BATCH}/{total}")
    elapsed = time.perf_counter() - started
    return {"wagtail_entries": total, "wagtail_index_s": elapsed}


def prepare(count: int, with_wagtail: bool = True) -> dict:
    from search.models import SynonymGroup

    for expressions in SYNONYMS:
        SynonymGroup.objects.get_or_create(expressions=expressions)
    result = insert_resources(count)
    say(f"resources: {result}")
    if with_wagtail:
        result |= index_wagtail()
        say(f"Wagtail index: {result.get('wagtail_index_s', 'already built')}")
    try:
        result |= index_trame()
    except Exception as error:  # noqa: BLE001 (reported in the table; Wagtail still measured)
        result["trame_error"] = f"{type(error).__name__}: {error}"
        say(f"Trame index not built: {result['trame_error']}")
    return result


# --------------------------------------------------------------------------- measure


def timed(call: Callable[[], object], runs: int, warmup: int = 3) -> dict:
    """Milliseconds of `runs` calls after `warmup` calls, fewer when a call is slow."""
    started = time.perf_counter()
    result = call()
    first = time.perf_counter() - started
    for _ in range(warmup - 1 if first < 1 else 0):
        call()
    times = [] if first < 1 else [first * 1000]
    spent = first
    while len(times) < runs and (spent < TIME_BUDGET or len(times) < 3):
        started = time.perf_counter()
        call()
        elapsed = time.perf_counter() - started
        times.append(elapsed * 1000)
        spent += elapsed
    return {"ms": times, "result": result}


def forget_results() -> None:
    from home.caching import namespace_invalidate
    from search.engines.database import SEARCH_INDEX

    namespace_invalidate(SEARCH_INDEX)


def measure(runs: int, with_wagtail: bool = True) -> dict:
    from django.contrib.auth import get_user_model

    from wagtail.search.utils import parse_query_string

    from resources.models import ResourceDocument

    user = get_user_model().objects.get(username=USERNAME)
    out: dict = {"search": {}, "autocomplete": {}}
    engine = search_request = None
    try:
        from search.engines import database_engine
        from search.engines.base import SearchRequest
        from search.models import synonym_table
        from search.query import parse

        engine = database_engine()
        search_request = SearchRequest
    except Exception as error:  # noqa: BLE001 (reported; Wagtail's backend still measured)
        out["trame_error"] = f"{type(error).__name__}: {error}"

    for name, (text, _fraction) in QUERIES.items():
        row = out["search"][name] = {"query": text}
        if engine is not None:
            try:

                def call(text=text, name=name):
                    request = search_request(
                        query=parse(text, synonym_table()), filters=FILTERS.get(name, {})
                    )
                    return engine.search(request, user)

                measured = timed(call, runs)
                row["engine_ms"] = measured["ms"]
                row["engine_total"] = measured["result"].total
                # Cold: the kept results of the previous call orphaned first, as after any
                # change to the index.
                row["engine_cold_ms"] = timed(lambda: (forget_results(), call()), runs)["ms"]
            except NotImplementedError as error:
                row["engine_error"] = repr(error)
        if with_wagtail:
            _filters, query = parse_query_string(text)
            measured = timed(
                lambda query=query: list(ResourceDocument.objects.search(query)[:10]), runs
            )
            row["wagtail_ms"] = measured["ms"]
            row["wagtail_top"] = len(measured["result"])
        say(f"search {name}: {summary(row)}")

    for name, prefix in PREFIXES.items():
        row = out["autocomplete"][name] = {"query": prefix}
        if engine is not None:
            try:
                measured = timed(lambda prefix=prefix: engine.autocomplete(prefix, user), runs)
                row["engine_ms"] = measured["ms"]
                row["engine_total"] = len(measured["result"])
            except NotImplementedError as error:
                row["engine_error"] = repr(error)
        if with_wagtail:
            measured = timed(
                lambda prefix=prefix: list(ResourceDocument.objects.autocomplete(prefix)[:8]),
                runs,
            )
            row["wagtail_ms"] = measured["ms"]
            row["wagtail_top"] = len(measured["result"])
        say(f"autocomplete {name}: {summary(row)}")
    return out


def summary(row: dict) -> str:
    parts = []
    for key in ("engine_ms", "wagtail_ms"):
        if row.get(key):
            values = sorted(row[key])
            parts.append(f"{key} p50 {values[len(values) // 2]:.1f} (n={len(values)})")
    return ", ".join(parts) or str(row)


# --------------------------------------------------------------------------- where time goes


def explain(text: str) -> None:
    """EXPLAIN ANALYZE of the engine's SQL for one query: the total and facet counts, the page
    of hits, the suggestions for the same text taken as a prefix, the highlights."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from search.engines import sql, suggestions
    from search.engines.database import RESULT_WINDOW, vendor_module
    from search.models import synonym_table
    from search.query import parse
    from search.visibility import closed_locks

    vendor = vendor_module()
    query = parse(text, synonym_table())
    match = vendor.match(query)
    locks = closed_locks(get_user_model().objects.get(username=USERNAME))
    statements = {
        "total, facets and the first hits": sql.results_sql(
            match, locks, {}, "relevance", RESULT_WINDOW
        ),
        "a page beyond them": sql.hits_sql(match, locks, {}, "relevance", 10, RESULT_WINDOW),
    }
    suggested = suggestions.suggestions_sql(text, locks, 8)
    if suggested:  # asked as the engine asks it: no plan settings
        statements["suggestions (as a prefix, suggestion terms)"] = suggested
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" else ""
    prefix = prefix or "EXPLAIN QUERY PLAN "
    planned = getattr(vendor, "planned_on_the_index", contextlib.nullcontext)
    for name, (statement, params) in statements.items():
        settings = contextlib.nullcontext if name.startswith("suggestions") else planned
        with settings(), connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(statement, params)
            cursor.fetchall()
            elapsed = (time.perf_counter() - started) * 1000
            cursor.execute(prefix + statement, params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
        print(f"--- {text}: {name} ({elapsed:.0f} ms)\n{plan}\n")
    with planned(), connection.cursor() as cursor:
        cursor.execute(*statements["a page beyond them"])
        ids = [row[0] for row in cursor.fetchall()]
    started = time.perf_counter()
    vendor.highlights(query, ids)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"--- {text}: highlights of {len(ids)} hits: {elapsed:.0f} ms\n")


def profile(path: str, runs: int) -> None:
    """cProfile of `runs` requests of `path` through Django's test client, logged in."""
    import cProfile
    import pstats

    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=USERNAME))
    client.get(path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(runs):
        response = client.get(path)
    profiler.disable()
    elapsed = (time.perf_counter() - started) * 1000 / runs
    print(f"--- {path}: {response.status_code}, {elapsed:.0f} ms per request in-process")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")
    django.setup()
    command, value = argv[0], argv[1]
    if command == "explain":
        explain(value)
    elif command == "profile":
        profile(value, int(argv[2]) if len(argv) > 2 else 20)
    else:
        with_wagtail = "--skip-wagtail" not in argv
        run = prepare if command == "prepare" else measure
        emit(run(int(value), with_wagtail))


if __name__ == "__main__":
    main(sys.argv[1:])
