"""Measure Trame's search on N generated French resources, beside Wagtail's own backend.

For each run (a database and a number of resources, e.g. `sqlite:10000`, `postgresql:100000`):

1. a database (SQLite file, or PostgreSQL database `trame_bench_<N>` created here), `migrate`
   and `seed_demo` with the production settings (like `bench/pages.py`);
2. in a subprocess (`bench/search_inprocess.py prepare`): N resources from
   `bench/search_corpus.py` bulk-inserted as `ResourceDocument` rows (title, 2-5 KB of
   extracted text), indexed by Wagtail's database backend (`add_bulk`) and by Trame's
   database engine (`rebuild`), each timed: indexing throughput in entries/s;
3. in a subprocess (`... measure`): the engine call alone (`parse` + `engine.search`, and
   `engine.autocomplete`) and Wagtail's backend (`ResourceDocument.objects.search(q)[:10]`,
   `.autocomplete(prefix)[:8]`) for the same words, after a warm-up;
4. `gunicorn intranet.wsgi` (2 workers), a real login as `professionnel`, then one request at
   a time: GET /recherche/?q=... and GET /recherche/suggestions/?q=... (warm-up, then
   `--runs` timed requests each, every response checked to be a 200);
5. tables: p50 / p95 / mean in ms per query, and indexing throughput.

Usage: `.venv/bin/python bench/search.py --help`; figures and commands in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on sys.path and would shadow the `search`
# app: the project's root takes its place, and the helpers are imported as `bench.*`.
sys.path[0] = str(ROOT)

from bench.pages import (  # noqa: E402
    BenchError,
    base_env,
    code_version,
    free_port,
    log,
    login,
    percentile,
    request,
    run,
    wait_for_server,
)
from bench.search_corpus import FILTERS, PREFIXES, QUERIES, expected_matches  # noqa: E402

HOST = "127.0.0.1"
DEFAULT_RUNS = "sqlite:1000,sqlite:10000,postgresql:10000,postgresql:100000"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGETS = {"page": 150, "suggest": 30}  # p95 ms: page from issue 5, suggestions issue 19
PASSWORD = "bench-search-password"  # of the demo accounts of these throw-away databases
HTTP_BUDGET = 30.0  # seconds per URL: slow pages get fewer runs (at least 3)


# --------------------------------------------------------------------------- databases


def postgres_url(admin_url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(admin_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def postgres_exists(admin_url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return row.fetchone() is not None


def postgres_command(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(sql)


# --------------------------------------------------------------------------- subprocesses


def inprocess(env: dict, *arguments: str) -> dict:
    """Run `bench.search_inprocess` with the benchmark's environment; return its JSON."""
    command = [sys.executable, "-m", "bench.search_inprocess", *arguments]
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=None, text=True
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("BENCH_JSON ")]
    if completed.returncode != 0 or not lines:
        raise BenchError(f"{' '.join(arguments)} failed:\n{completed.stdout[-3000:]}")
    log(f"{' '.join(arguments)}: {time.monotonic() - started:.1f} s")
    return json.loads(lines[-1].removeprefix("BENCH_JSON "))


def time_url(port: int, path: str, cookie: str, runs: int, warmup: int) -> dict:
    """Latencies (ms) of GET path, one request at a time, each checked to be a 200."""
    times: list[float] = []
    spent = 0.0
    for number in range(warmup + runs):
        started = time.perf_counter()
        status, _headers, body = request(port, "GET", path, headers={"Cookie": cookie})
        elapsed = time.perf_counter() - started
        if status != 200 or b'name="password"' in body:
            return {"error": f"HTTP {status}", "ms": times}
        if number >= warmup:
            times.append(elapsed * 1000)
        spent += elapsed
        if spent > HTTP_BUDGET and len(times) >= 3:
            break
    return {"ms": times, "bytes": len(body)}


def serve_and_time(env: dict, workdir: Path, args, password: str) -> dict:
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "intranet.wsgi", "-w", str(args.workers),
        "-b", f"{HOST}:{port}", "--timeout", "300",
    ]  # fmt: skip
    out: dict = {"page": {}, "suggest": {}}
    with open(workdir / "gunicorn.log", "a") as gunicorn_log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=gunicorn_log, stderr=subprocess.STDOUT
        )
        try:
            wait_for_server(port, process)
            cookie = login(port, password)
            for name, (text, _fraction) in QUERIES.items():
                params = {"q": text, **FILTERS.get(name, {})}
                path = "/recherche/?" + urllib.parse.urlencode(params, doseq=True)
                out["page"][name] = time_url(port, path, cookie, args.runs, args.warmup)
                log(f"page {name}: {short(out['page'][name])}")
            for name, prefix in PREFIXES.items():
                path = "/recherche/suggestions/?" + urllib.parse.urlencode({"q": prefix})
                out["suggest"][name] = time_url(port, path, cookie, args.runs, args.warmup)
                log(f"suggestions {name}: {short(out['suggest'][name])}")
        finally:
            process.terminate()
            process.wait(timeout=30)
    return out


def parse_sizes(text: str) -> list[tuple[str, int]]:
    """`--sizes`: "sqlite:10000,postgresql:100000" -> [("sqlite", 10000), ...]."""
    runs = []
    for item in text.split(","):
        database, _, count = item.strip().partition(":")
        if database not in ("sqlite", "postgresql") or not count.isdigit():
            raise SystemExit(f"--sizes: expected sqlite:N or postgresql:N, got {item!r}")
        runs.append((database, int(count)))
    return runs


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|")


def short(row: dict) -> str:
    return row.get("error") or stats(row.get("ms"))


# --------------------------------------------------------------------------- one run


def run_env(database: str, count: int, args, static_root: Path, create: bool = True):
    """(environment, database name, created now?, working folder) of one run."""
    workdir = Path(args.workdir) / f"{database}-{count}"
    workdir.mkdir(parents=True, exist_ok=True)
    name = f"trame_bench_{count}"
    if database == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        fresh = not (workdir / "bench.sqlite3").exists()
    else:
        fresh = not postgres_exists(args.postgres_url, name)
        if fresh and create:
            postgres_command(args.postgres_url, f'CREATE DATABASE "{name}"')
            log(f"created PostgreSQL database {name}")
        url = postgres_url(args.postgres_url, name)
    cache = f"filecache://{workdir}/cache"
    env = base_env(url, static_root, workdir / "media", PASSWORD, cache)
    return env, name, fresh, workdir


def bench_run(database: str, count: int, args, static_root: Path) -> dict:
    env, name, fresh, workdir = run_env(database, count, args, static_root)
    password = PASSWORD
    result: dict = {"database": database, "count": count}
    try:
        manage = [sys.executable, "manage.py"]
        skip = ["--skip-wagtail"] if args.skip_wagtail else []
        if args.measure_only and not fresh:
            result["prepare"] = {}
        else:
            run([*manage, "migrate", "--noinput"], env, "migrate")
            if fresh:
                run([*manage, "seed_demo"], env, "seed_demo")
            result["prepare"] = inprocess(env, "prepare", str(count), *skip)
        if not args.skip_measure:
            result["inprocess"] = inprocess(env, "measure", str(args.runs), *skip)
            result["http"] = serve_and_time(env, workdir, args, password)
    finally:
        if not args.keep and database == "postgresql":
            postgres_command(args.postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            log(f"dropped PostgreSQL database {name}")
    # Indexing figures are kept from the run that built the index (later runs reuse it).
    saved = workdir / "result.json"
    if saved.exists():
        previous = json.loads(saved.read_text()).get("prepare", {})
        keys = ["insert_s", "inserted", "wagtail_index_s", "wagtail_entries"]
        if args.measure_only:
            keys += ["trame_index_s", "trame_entries"]
        for key in keys:
            if previous.get(key) and not result["prepare"].get(key):
                result["prepare"][key] = previous[key]
        if args.skip_wagtail and "inprocess" in result:
            keep_wagtail_figures(result["inprocess"], json.loads(saved.read_text()))
    saved.write_text(json.dumps(result))
    return result


def keep_wagtail_figures(measured: dict, previous: dict) -> None:
    for section in ("search", "autocomplete"):
        for name, row in measured.get(section, {}).items():
            old = previous.get("inprocess", {}).get(section, {}).get(name, {})
            for key in ("wagtail_ms", "wagtail_top"):
                if key in old and key not in row:
                    row[key] = old[key]


# --------------------------------------------------------------------------- report


def stats(ms: list[float] | None) -> str:
    if not ms:
        return "-"
    values = sorted(ms)
    return (
        f"{percentile(values, 50):.0f} / {percentile(values, 95):.0f} / "
        f"{statistics.fmean(values):.0f}"
    )


def p95(row: dict | None) -> float | None:
    return percentile(sorted(row["ms"]), 95) if row and row.get("ms") else None


def print_tables(results: list[dict], args) -> None:
    print(
        f"\n{code_version()}, gunicorn -w {args.workers}, one request at a time, "
        f"{args.runs} timed runs after {args.warmup} warm-up, {os.cpu_count()} CPU, "
        f"load average {os.getloadavg()[0]:.2f}. Cells: p50 / p95 / mean in ms."
    )
    header = (
        "| database | N | query | matches (Trame) | search page | engine call | "
        "engine call, index just changed | Wagtail backend top 10 |"
    )
    print("\n" + header + "\n|" + "---|" * 8)
    for result in results:
        inproc, http = result.get("inprocess", {}), result.get("http", {})
        for name, (text, _fraction) in QUERIES.items():
            engine = inproc.get("search", {}).get(name, {})
            page = http.get("page", {}).get(name, {})
            expected = expected_matches(name, result["count"])
            matches = f"{engine.get('engine_total', '-')} / {expected}"
            flag = " ⚠" if (p95(page) or 0) > TARGETS["page"] else ""
            print(
                f"| {result['database']} | {result['count']:,} | `{text}` | {matches} | "
                f"{page.get('error') or stats(page.get('ms'))}{flag} | "
                f"{cell(engine.get('engine_error') or stats(engine.get('engine_ms')))} | "
                f"{stats(engine.get('engine_cold_ms'))} | "
                f"{stats(engine.get('wagtail_ms'))} |"
            )
    print("\n| database | N | prefix | suggestions endpoint | engine call | Wagtail autocomplete |")
    print("|" + "---|" * 6)
    for result in results:
        inproc, http = result.get("inprocess", {}), result.get("http", {})
        for name, prefix in PREFIXES.items():
            engine = inproc.get("autocomplete", {}).get(name, {})
            page = http.get("suggest", {}).get(name, {})
            flag = " ⚠" if (p95(page) or 0) > TARGETS["suggest"] else ""
            print(
                f"| {result['database']} | {result['count']:,} | `{prefix}` | "
                f"{page.get('error') or stats(page.get('ms'))}{flag} | "
                f"{cell(engine.get('engine_error') or stats(engine.get('engine_ms')))} | "
                f"{stats(engine.get('wagtail_ms'))} |"
            )
    print("\n| database | N | insert (rows/s) | Trame index (entries/s) | Wagtail index |")
    print("|" + "---|" * 5)
    for result in results:
        prep = result.get("prepare", {})
        trame = rate(prep.get("trame_entries"), prep.get("trame_index_s"))
        print(
            f"| {result['database']} | {result['count']:,} | "
            f"{rate(prep.get('inserted'), prep.get('insert_s'))} | "
            f"{cell(prep.get('trame_error') or trame)} | "
            f"{rate(prep.get('wagtail_entries'), prep.get('wagtail_index_s'))} |"
        )
    print(
        f"\n⚠: p95 above the target (search page {TARGETS['page']} ms, suggestions "
        f"{TARGETS['suggest']} ms)."
    )


def rate(count, seconds) -> str:
    if not count or not seconds:
        return "-"
    return f"{count / seconds:,.0f} ({count:,} in {seconds:.0f} s)"


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query (30)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up requests per URL (3)")
    parser.add_argument(
        "--sizes", default=DEFAULT_RUNS, help=f"database:N, comma-separated ({DEFAULT_RUNS})"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="server where trame_bench_<N> is created (env BENCH_POSTGRES_URL)",
    )
    parser.add_argument(
        "--workdir",
        default="",
        help="where SQLite files, caches and results live (default: a temporary folder, "
        "removed at the end unless --keep)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the databases (reused by the next run with the same --workdir: only the "
        "missing steps are done, the Trame index is rebuilt and timed again)",
    )
    parser.add_argument(
        "--skip-measure", action="store_true", help="only build the data and the indexes"
    )
    parser.add_argument(
        "--skip-wagtail",
        action="store_true",
        help="leave Wagtail's backend out: not indexed, not timed (figures of a previous run "
        "in the same --workdir are kept)",
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="on a kept database, measure again without migrating or reindexing",
    )
    parser.add_argument("--tables", help="print the tables of a --workdir's saved results")
    parser.add_argument(
        "--env",
        metavar="DATABASE:N",
        help="print the environment of that run (with --workdir), to run "
        "`python -m bench.search_inprocess explain|profile` by hand on a kept database",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.tables:
        saved = sorted(Path(args.tables).glob("*/result.json"))
        print_tables([json.loads(path.read_text()) for path in saved], args)
        return 0
    if args.env:
        database, _, count = args.env.partition(":")
        static_root = Path(args.workdir) / "static"
        env, *_ = run_env(database, int(count), args, static_root, create=False)
        for key, value in sorted(env.items()):
            if os.environ.get(key) != value:
                print(f"export {key}='{value}'")
        return 0
    runs = parse_sizes(args.sizes)
    temporary = None
    if not args.workdir:
        temporary = tempfile.TemporaryDirectory(prefix="trame-bench-search-")
        args.workdir = temporary.name
    log(f"working in {args.workdir}, load average {os.getloadavg()[0]:.2f}")
    static_root = Path(args.workdir) / "static"
    results, failed, collected = [], False, False
    for database, count in runs:
        log(f"=== {database}, {count:,} resources ===")
        try:
            if not collected:  # once per invocation: the code may have changed since
                media = Path(args.workdir) / "media"
                env = base_env("sqlite://", static_root, media, "", "locmemcache://")
                collect = [sys.executable, "manage.py", "collectstatic", "--noinput"]
                run(collect, env, "collectstatic")
                collected = True
            results.append(bench_run(database, count, args, static_root))
        except BenchError as error:
            failed = True
            log(f"{database} {count} failed: {error}")
    if results:
        print_tables(results, args)
    if temporary is not None and not args.keep:
        temporary.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
