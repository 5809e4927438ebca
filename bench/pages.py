"""Measure how fast Trame serves its pages to a logged-in professional, behind gunicorn.

For each database (SQLite in a temporary file, PostgreSQL in a temporary database that is
dropped at the end) the script:

1. migrates, seeds the demo network (`seed_demo`) and runs `collectstatic` into a temporary
   directory, all with the production settings;
2. counts the SQL queries of one request of each page, in-process with Django's test client
   (first request of a fresh process, then a repeated one);
3. starts `gunicorn intranet.wsgi` with 2 workers on a free local port, logs in as
   `professionnel` through the real login form, warms up, then loads each page at a fixed
   concurrency for a fixed duration with `wrk` (or a Python thread pool with keep-alive
   connections when `wrk` is not installed), checking that every response is a 200;
4. prints a table: requests/s, p50/p95/p99 latency, number of requests, non-200 responses,
   socket errors, SQL queries and the CPU time of one request measured in-process (a figure
   that depends much less than requests/s on whatever else the machine is doing).

Usage: `make bench`, or `.venv/bin/python bench/pages.py --help` for the options.
Only the standard library and the project's virtual environment are needed.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_PAGES = "/,/le-reseau/"
# Production's default: a file cache shared by the workers (here in the run's temporary folder).
DEFAULT_CACHE_URL = "filecache://{tmp}/cache"
USERNAME = "professionnel"
HOST = "127.0.0.1"
CPU_SAMPLES = 30  # in-process requests timed per page

# Collects the latency percentiles and the responses that are not a 200 (a 302 to the login
# form would otherwise count as a success for wrk) from every wrk thread.
WRK_LUA = """
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
  last_status = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
    last_status = status
  end
end

function done(summary, latency, requests)
  local not_ok_total, status = 0, 0
  for _, thread in ipairs(threads) do
    not_ok_total = not_ok_total + thread:get("not_ok")
    if thread:get("last_status") ~= 0 then status = thread:get("last_status") end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d "
      .. "not_ok=%d last_bad_status=%d socket_errors=%d\\n",
    summary.requests, summary.duration, latency:percentile(50.0), latency:percentile(95.0),
    latency:percentile(99.0), not_ok_total, status,
    e.connect + e.read + e.write + e.timeout))
end
"""


class BenchError(RuntimeError):
    pass


@dataclass
class LoadResult:
    requests: int
    duration: float
    p50: float  # milliseconds
    p95: float
    p99: float
    not_ok: int
    socket_errors: int
    bad_statuses: list[int] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.duration if self.duration else 0.0


@dataclass
class Row:
    database: str
    page: str
    result: LoadResult | None
    queries_first: int | None
    queries_repeat: int | None
    cpu_ms: float | None  # in-process CPU time of one request


# --------------------------------------------------------------------------- helpers


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run(command: list[str], env: dict[str, str], what: str) -> str:
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BenchError(
            f"{what} failed (exit {completed.returncode}):\n"
            f"{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
        )
    log(f"{what}: {time.monotonic() - started:.1f} s")
    return completed.stdout


def base_env(
    database_url: str, static_root: Path, media_root: Path, password: str, cache_url: str
) -> dict:
    env = dict(os.environ)
    for key in ("DJANGO_SETTINGS_MODULE", "DEBUG", "CACHE_URL", "CONN_MAX_AGE"):
        env.pop(key, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "DEBUG": "False",  # wins over a local .env file (read without overwrite)
            "SECRET_KEY": "bench-" + "x" * 58,  # dummy, 64 characters
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "SESSION_COOKIE_SECURE": "False",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "DEMO_PASSWORD": password,
            "CACHE_URL": cache_url,
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def code_version() -> str:
    """The commit measured, and whether the working tree had uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown version"
    return f"commit {commit or '?'}{' + uncommitted changes' if dirty else ''}"


def percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


# --------------------------------------------------------------------------- HTTP


def request(port: int, method: str, path: str, headers=None, body: str | None = None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies_from(headers) -> dict[str, str]:
    jar = http.cookies.SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            jar.load(value)
    return {key: morsel.value for key, morsel in jar.items()}


def login(port: int, password: str, username: str = USERNAME) -> str:
    """Log in through the real form and return the Cookie header of the session."""
    status, headers, _ = request(port, "GET", "/connexion/")
    csrf = cookies_from(headers).get("csrftoken")
    if status != 200 or not csrf:
        raise BenchError(f"GET /connexion/ returned {status} without a CSRF cookie")
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": csrf}
    )
    status, headers, _ = request(
        port,
        "POST",
        "/connexion/",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://{HOST}:{port}/connexion/",
        },
        body=body,
    )
    session = cookies_from(headers).get("sessionid")
    if status != 302 or not session:
        raise BenchError(f"login as {username} failed: POST /connexion/ returned {status}")
    return f"sessionid={session}"


def check_pages(port: int, cookie: str, pages: list[str]) -> None:
    for page in pages:
        status, headers, body = request(port, "GET", page, headers={"Cookie": cookie})
        if status != 200:
            location = {k.lower(): v for k, v in headers}.get("location", "")
            raise BenchError(f"GET {page} returned {status} {location} instead of 200")
        if b'name="password"' in body:
            raise BenchError(f"GET {page} shows the login form: the session is not valid")


def wait_for_server(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with code {process.returncode}")
        try:
            request(port, "GET", "/connexion/")
            return
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer on port {port} within {timeout:.0f} s")


# --------------------------------------------------------------------------- load generators


def load_wrk(wrk: str, url: str, cookie: str, duration: float, concurrency: int, lua: Path):
    threads = max(1, min(2, concurrency))
    command = [
        wrk, f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(duration))}s",
        "--latency", "--timeout", "30s", "-s", str(lua), "-H", f"Cookie: {cookie}", url,
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    output = completed.stdout
    match = re.search(r"BENCH_RESULT (.*)", output)
    if completed.returncode != 0 or not match:
        raise BenchError(f"wrk failed:\n{output}\n{completed.stderr}")
    values = dict(item.split("=") for item in match.group(1).split())
    rps = re.search(r"Requests/sec:\s*([\d.]+)", output)
    duration_s = int(values["duration_us"]) / 1e6
    requests_count = int(values["requests"])
    if rps and float(rps.group(1)) > 0:
        duration_s = requests_count / float(rps.group(1))
    bad = int(values["last_bad_status"])
    return LoadResult(
        requests=requests_count,
        duration=duration_s,
        p50=int(values["p50_us"]) / 1000,
        p95=int(values["p95_us"]) / 1000,
        p99=int(values["p99_us"]) / 1000,
        not_ok=int(values["not_ok"]),
        socket_errors=int(values["socket_errors"]),
        bad_statuses=[bad] if bad else [],
    )


def load_python(port: int, path: str, cookie: str, duration: float, concurrency: int):
    """Fallback: one keep-alive connection per thread, as many requests as possible."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker() -> None:
        local_latencies, local_statuses, local_errors = [], {}, 0
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                local_errors += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            local_latencies.append((time.perf_counter() - started) * 1000)
            local_statuses[response.status] = local_statuses.get(response.status, 0) + 1
        connection.close()
        with lock:
            latencies.extend(local_latencies)
            for status, count in local_statuses.items():
                statuses[status] = statuses.get(status, 0) + count
            errors[0] += local_errors

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return LoadResult(
        requests=len(latencies),
        duration=elapsed,
        p50=percentile(latencies, 50),
        p95=percentile(latencies, 95),
        p99=percentile(latencies, 99),
        not_ok=sum(count for status, count in statuses.items() if status != 200),
        socket_errors=errors[0],
        bad_statuses=sorted(status for status in statuses if status != 200),
    )


# --------------------------------------------------------------------------- queries


def count_queries_main(pages: list[str]) -> None:
    """Run inside a subprocess with the benchmark's environment: print the query counts."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    # Not `client.login`: django-axes' backend refuses an authentication without a request.
    user = get_user_model().objects.get(username=USERNAME)
    if not user.check_password(os.environ["DEMO_PASSWORD"]):
        raise SystemExit(f"cannot log in as {USERNAME}")
    client.force_login(user, backend="groups.backends.ProfileModelBackend")
    counts, sql = {}, {}
    for page in pages:
        runs = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as context:
                response = client.get(page)
            if response.status_code != 200:
                raise SystemExit(f"GET {page} returned {response.status_code}")
            runs.append(len(context))
        counts[page] = runs
        sql[page] = [query["sql"] for query in context.captured_queries]
    # CPU time of one request in a single process: unlike requests/s under load, it barely
    # depends on what else the machine is doing, and 1000 / it is the ceiling per core.
    cpu_ms = {}
    for page in pages:
        started = time.process_time()
        for _ in range(CPU_SAMPLES):
            client.get(page)
        cpu_ms[page] = (time.process_time() - started) / CPU_SAMPLES * 1000
    print("BENCH_QUERIES " + json.dumps({"counts": counts, "sql": sql, "cpu_ms": cpu_ms}))


def count_queries(env: dict, pages: list[str]) -> dict:
    output = run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--count-queries",
            "--pages",
            ",".join(pages),
        ],
        env,
        "SQL query count",
    )
    match = re.search(r"^BENCH_QUERIES (.*)$", output, re.MULTILINE)
    if not match:
        raise BenchError(f"no query count in:\n{output}")
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- databases


def postgres_available(url: str) -> str | None:
    """None when PostgreSQL accepts connections, otherwise the reason why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed in this environment"
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means "skip"
        return f"cannot connect to {url}: {str(error).strip().splitlines()[0]}"
    return None


class PostgresDatabase:
    """A temporary database, dropped at the end unless `keep` (then its name is logged)."""

    def __init__(self, admin_url: str, prefix: str = "trame_bench", keep: bool = False):
        self.admin_url = admin_url
        self.name = f"{prefix}_{secrets.token_hex(4)}"
        self.keep = keep

    def __enter__(self) -> str:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        log(f"created PostgreSQL database {self.name}")
        parts = urllib.parse.urlsplit(self.admin_url)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))

    def __exit__(self, *exc_info) -> None:
        import psycopg

        if self.keep:
            log(f"kept PostgreSQL database {self.name}")
            return
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            log(f"dropped PostgreSQL database {self.name}")
        except Exception as error:  # noqa: BLE001
            log(f"could not drop database {self.name}: {error}")


class SqliteDatabase:
    def __init__(self, directory: Path):
        self.path = directory / "bench.sqlite3"

    def __enter__(self) -> str:
        return f"sqlite:///{self.path}"

    def __exit__(self, *exc_info) -> None:
        pass  # removed with the temporary directory


# --------------------------------------------------------------------------- one database


def bench_database(database: str, args, pages: list[str], wrk: str | None) -> list[Row]:
    password = "bench-" + secrets.token_urlsafe(12)
    with tempfile.TemporaryDirectory(prefix=f"trame-bench-{database}-") as tmp:
        tmp_path = Path(tmp)
        if database == "sqlite":
            db_context = SqliteDatabase(tmp_path)
        else:
            db_context = PostgresDatabase(args.postgres_url)
        with db_context as database_url:
            env = base_env(
                database_url,
                tmp_path / "static",
                tmp_path / "media",
                password,
                args.cache_url.format(tmp=tmp_path),
            )
            manage = [sys.executable, "manage.py"]
            run([*manage, "migrate", "--noinput"], env, "migrate")
            run([*manage, "seed_demo"], env, "seed_demo")
            run([*manage, "collectstatic", "--noinput"], env, "collectstatic")
            measured = count_queries(env, pages)
            counts, sql = measured["counts"], measured["sql"]
            if args.show_queries:
                for page in pages:
                    print(f"\n--- {database} {page}: {len(sql[page])} queries (repeat) ---")
                    for number, query in enumerate(sql[page], 1):
                        print(f"{number:3}. {query}")
                print()
            results = serve_and_load(env, tmp_path, args, pages, password, wrk)
    return [
        Row(
            database,
            page,
            results.get(page),
            counts[page][0],
            counts[page][1],
            measured["cpu_ms"][page],
        )
        for page in pages
    ]


def start_gunicorn(
    env: dict, log_path: Path, workers: int, extra: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, int]:
    """`gunicorn intranet.wsgi` on a free local port, its output in `log_path`; returns once
    it answers. Stop it with `stop_gunicorn`."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "intranet.wsgi",
        "-w", str(workers), "-b", f"{HOST}:{port}", *extra,
    ]  # fmt: skip
    with open(log_path, "a") as gunicorn_log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=gunicorn_log, stderr=subprocess.STDOUT
        )
    try:
        wait_for_server(port, process)
    except BaseException:
        stop_gunicorn(process)
        raise
    log(f"gunicorn ({workers} workers) listening on {HOST}:{port} (pid {process.pid})")
    return process, port


def stop_gunicorn(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def serve_and_load(env, tmp_path: Path, args, pages, password, wrk) -> dict[str, LoadResult]:
    log_path = tmp_path / "gunicorn.log"
    lua = tmp_path / "bench.lua"
    lua.write_text(WRK_LUA)
    results: dict[str, LoadResult] = {}
    process = None
    try:
        process, port = start_gunicorn(env, log_path, args.workers)
        cookie = login(port, password)
        check_pages(port, cookie, pages)
        for page in pages:
            url = f"http://{HOST}:{port}{page}"
            if args.warmup > 0:
                load(wrk, port, url, page, cookie, args.warmup, args.concurrency, lua)
            log(f"measuring {page} for {args.duration:g} s at concurrency {args.concurrency}")
            results[page] = load(wrk, port, url, page, cookie, args.duration, args.concurrency, lua)
            check_pages(port, cookie, [page])  # still logged in at the end
    except BenchError:
        print(f"--- gunicorn log ---\n{log_path.read_text()[-3000:]}", file=sys.stderr)
        raise
    finally:
        if process is not None:
            stop_gunicorn(process)
    return results


def load(wrk, port, url, page, cookie, duration, concurrency, lua) -> LoadResult:
    if wrk:
        return load_wrk(wrk, url, cookie, duration, concurrency, lua)
    return load_python(port, page, cookie, duration, concurrency)


# --------------------------------------------------------------------------- report


def print_table(rows: list[Row], args, generator: str) -> None:
    headers = [
        "database", "page", "req/s", "p50 ms", "p95 ms", "p99 ms",
        "requests", "non-200", "errors", "SQL queries", "CPU ms/req",
    ]  # fmt: skip
    lines = []
    for row in rows:
        result = row.result
        queries = f"{row.queries_repeat} (1st: {row.queries_first})"
        cpu = f"{row.cpu_ms:.1f}" if row.cpu_ms is not None else "-"
        if result is None:
            lines.append([row.database, row.page, *["-"] * 7, queries, cpu])
            continue
        lines.append(
            [
                row.database,
                row.page,
                f"{result.rps:.1f}",
                f"{result.p50:.0f}",
                f"{result.p95:.0f}",
                f"{result.p99:.0f}",
                str(result.requests),
                str(result.not_ok),
                str(result.socket_errors),
                queries,
                cpu,
            ]
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]

    def fmt(cells):
        return (
            "| "
            + " | ".join(
                cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i])
                for i, cell in enumerate(cells)
            )
            + " |"
        )

    print()
    print(
        f"gunicorn -w {args.workers}, {generator}, concurrency {args.concurrency}, "
        f"{args.duration:g} s per page after {args.warmup:g} s of warm-up, "
        f"logged in as {USERNAME}, {os.cpu_count()} CPU, "
        f"load average before the run {args.load_before:.2f}, {code_version()}, "
        f"cache {args.cache_url}"
    )
    print(fmt(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print(fmt(line))
    print(
        "SQL queries: repeated request (first request of a fresh process in brackets). "
        "CPU ms/req: one request in-process (test client, one core), averaged over "
        f"{CPU_SAMPLES} requests."
    )


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Throughput, latency and SQL queries of Trame's pages behind gunicorn."
    )
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        help="comma-separated list among sqlite, postgresql (default: both)",
    )
    parser.add_argument("--duration", type=float, default=10, help="seconds per page (10)")
    parser.add_argument("--warmup", type=float, default=3, help="warm-up seconds per page (3)")
    parser.add_argument("--concurrency", type=int, default=8, help="open connections (8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--pages", default=DEFAULT_PAGES, help=f"paths ({DEFAULT_PAGES})")
    parser.add_argument(
        "--generator",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator: wrk when installed (auto), or the Python thread pool",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL),
        help="server where a temporary database is created and dropped "
        f"(env BENCH_POSTGRES_URL, default {DEFAULT_POSTGRES_URL})",
    )
    parser.add_argument(
        "--cache-url",
        default=DEFAULT_CACHE_URL,
        help="CACHE_URL given to Trame (default: a file cache in the run's temporary folder, "
        "as production's default; e.g. redis://127.0.0.1:6379/9)",
    )
    parser.add_argument(
        "--show-queries", action="store_true", help="print the SQL of each page's request"
    )
    parser.add_argument("--count-queries", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    if args.count_queries:
        count_queries_main(pages)
        return 0

    databases = [name.strip().lower() for name in args.databases.split(",") if name.strip()]
    unknown = set(databases) - {"sqlite", "postgresql"}
    if unknown:
        raise SystemExit(f"unknown database(s): {', '.join(sorted(unknown))}")
    if args.concurrency < 1 or args.duration <= 0:
        raise SystemExit("--concurrency must be ≥ 1 and --duration > 0")

    wrk = None
    if args.generator in ("auto", "wrk"):
        wrk = shutil.which("wrk") or (os.access("/usr/bin/wrk", os.X_OK) and "/usr/bin/wrk")
        if not wrk and args.generator == "wrk":
            raise SystemExit("wrk is not installed (apt install wrk), use --generator python")
    generator = f"wrk -t{min(2, args.concurrency)}" if wrk else "Python thread pool (keep-alive)"
    log(f"load generator: {generator}")

    args.load_before = os.getloadavg()[0]
    if args.load_before > 0.5:
        log(
            f"warning: load average is {args.load_before:.2f}, other processes will skew "
            "the figures"
        )
    rows: list[Row] = []
    skipped: list[str] = []
    failed = False
    for database in databases:
        if database == "postgresql":
            reason = postgres_available(args.postgres_url)
            if reason:
                message = f"PostgreSQL skipped: {reason}"
                log(message)
                skipped.append(message)
                continue
        log(f"=== {database} ===")
        try:
            rows.extend(bench_database(database, args, pages, wrk))
        except BenchError as error:
            failed = True
            log(f"{database} failed: {error}")
    if rows:
        print_table(rows, args, generator)
    for message in skipped:
        print(message)
    bad = [row for row in rows if row.result and (row.result.not_ok or row.result.socket_errors)]
    for row in bad:
        print(
            f"WARNING: {row.database} {row.page}: {row.result.not_ok} non-200 responses "
            f"(status {row.result.bad_statuses}), {row.result.socket_errors} socket errors"
        )
    return 1 if failed or bad or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
