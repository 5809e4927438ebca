"""Load test: 50 professionals using Trame at once, with Locust (issue 19, point 5).

1. Environment (as `bench/pages.py` and `bench/search.py`, whose functions are reused): a
   temporary PostgreSQL database, `migrate`, `seed_demo` and `collectstatic` with the production
   settings, then 10,000 generated resources (`bench/search_corpus.py`, inserted by
   `bench/search_inprocess.py`), a private entry (a document with a unique word in the
   members-only working group's collection) and `manage.py search_rebuild`.
2. `gunicorn intranet.wsgi` (2 workers) on a local port; checks before the run: a member of
   the private group finds the private entry, someone else does not, a word in every
   resource gives results.
3. Locust, headless (`bench/locustfile.py`): `--users` people (50) log in through the real
   login form, then mix the home page, searches, suggestions, library filters, group pages,
   plan pages, downloads and one upload a minute; no think time for `--burst` seconds, then
   1 to 5 seconds between two actions; `--duration` seconds (300).
4. Every `--sample-every` seconds: the memory (RSS, from /proc) of the gunicorn workers and
   the number of PostgreSQL connections to the database.
5. A table per run: requests/s, p50 / p95 / p99 per route, failures; memory and connections.

Two runs by default: a quiet one, then the same while `manage.py search_rebuild` runs in a
loop and a 200-document import goes on (`--skip-rebuild-run` for the quiet one only,
`--during-rebuild` for the second one only).

Usage: `make load`, or `.venv/bin/python bench/load.py --help`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on sys.path and would shadow the `search`
# app: the project's root takes its place, and the helpers are imported as `bench.*`.
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench.pages import (  # noqa: E402
    DEFAULT_POSTGRES_URL,
    HOST,
    BenchError,
    PostgresDatabase,
    base_env,
    code_version,
    log,
    login,
    percentile,
    postgres_available,
    request,
    run,
    start_gunicorn,
    stop_gunicorn,
)
from bench.search_corpus import QUERIES  # noqa: E402

PASSWORD = "bench-load-password"  # of the demo accounts of these throw-away databases
GOALS = {"quiet": 300, "rebuild": 600}  # p95 ms on every route, with 0 failures
# The private entry: a document of the members-only working group. Its title carries a word
# that nothing else contains (checked absent from the pages of people outside the group); the
# word searched for is another one (the search page repeats the query itself).
PRIVATE_WORD = "zebrulique"
PRIVATE_TITLE = f"Relevé confidentiel Quokkasept {PRIVATE_WORD}"
PRIVATE_MARKER = "Quokkasept"
# Searches beyond bench/search.py's six shapes: two common words without quotes (both in every
# resource's summary), and a word of every resource with a facet filter (documents only).
EXTRA_SEARCHES = {"two-words": "jeunes conseillers", "facet": ("jeunes", {"type": "document"})}
TYPED = ["jeunes", "covoiturage", "mobilité", "apprentissage", "ostréiculture", "CEJ"]
IMPORTER = "animateur"  # the account of the 200-document import (not one of the 50 people)


# --------------------------------------------------------------------------- in Django


def prepare_inprocess(count: int, users: int) -> None:
    """Run in a subprocess with the benchmark's environment: generated resources, the private
    entry, and the targets of the simulated people (printed as `BENCH_JSON {...}`)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from bench.search_corpus import SYNONYMS
    from bench.search_inprocess import emit, insert_resources
    from groups.models import Thematic, WorkingGroupPage
    from home.visibility import document_is_visible_to, documents_visible_to, page_is_visible_to
    from resources.models import ResourceType
    from search.models import SynonymGroup
    from strategy.models import StrategyPlanPage

    for expressions in SYNONYMS:
        SynonymGroup.objects.get_or_create(expressions=expressions)
    inserted = insert_resources(count)

    Document = get_document_model()
    private_group = WorkingGroupPage.objects.live().get(
        visibility=WorkingGroupPage.Visibility.MEMBERS
    )
    private = Document.objects.filter(title=PRIVATE_TITLE).first()
    if private is None:
        private = Document(title=PRIVATE_TITLE, collection=private_group.collection)
        text = f"{PRIVATE_TITLE}. Le mot {PRIVATE_WORD} n'apparaît que dans ce document."
        private.file.save("releve-confidentiel.txt", ContentFile(text.encode()), save=False)
        private.save()

    User = get_user_model()
    people = list(User.objects.filter(username__startswith="demo-p").order_by("username"))
    accounts = [people[n % len(people)] for n in range(min(users, len(people)))]
    outsider = next(u for u in people if not document_is_visible_to(private, u))

    def group_target(group):
        return {"url": group.url, "upload": f"/reseau/groupes/{group.pk}/documents/"}

    groups = list(WorkingGroupPage.objects.live().order_by("path"))
    memberships = {
        user.username: [group_target(g) for g in groups if g.memberships.filter(user=user).exists()]
        for user in accounts
    }
    plan = StrategyPlanPage.objects.live().get(slug="projet-associatif")
    plan_pages = [plan, *plan.get_descendants().live().specific()[:40]]
    documents = documents_visible_to(
        Document.objects.exclude(file__startswith="documents/bench/").exclude(pk=private.pk),
        outsider,
    ).order_by("pk")

    def for_everyone(items, visible) -> list:
        """Those every simulated person may view (a proposal's file is not: one of them
        downloads it, others get a 404)."""
        return [item for item in items if all(visible(item, user) for user in accounts)]

    thematics = list(Thematic.objects.values_list("slug", flat=True))
    types = list(ResourceType.objects.values_list("slug", flat=True))
    library = ["/ressources/", "/ressources/?tri=vues", "/ressources/?tri=titre&page=2"]
    library += [f"/ressources/?thematique={slug}" for slug in thematics]
    library += [f"/ressources/?type={slug}" for slug in types]
    library += [f"/ressources/?type={types[0]}&thematique={thematics[0]}&tri=titre"]
    searches = [
        [name, "/recherche/?" + urllib.parse.urlencode({"q": text})]
        for name, (text, _fraction) in QUERIES.items()
    ]
    searches.append(
        ["two-words", "/recherche/?" + urllib.parse.urlencode({"q": EXTRA_SEARCHES["two-words"]})]
    )
    word, facets = EXTRA_SEARCHES["facet"]
    searches.append(["facet", "/recherche/?" + urllib.parse.urlencode({"q": word, **facets})])
    importer = User.objects.get(username=IMPORTER)
    importer_group = next(g for g in groups if g.memberships.filter(user=importer).exists())
    emit(
        {
            "inserted": inserted,
            "accounts": [u.username for u in accounts],
            "memberships": memberships,
            "private": {
                "group": private_group.url,
                "url": private.url,
                "title_marker": PRIVATE_MARKER,
                "search": "/recherche/?" + urllib.parse.urlencode({"q": PRIVATE_WORD}),
                "members": [u.username for u in people if document_is_visible_to(private, u)],
                "outsider": outsider.username,
            },
            "searches": searches,
            "typed": TYPED,
            "library": library,
            "groups": [group_target(g) for g in for_everyone(groups, page_is_visible_to)],
            "plan": [p.url for p in for_everyone(plan_pages, page_is_visible_to)],
            "documents": [d.url for d in for_everyone(documents, document_is_visible_to)],
            "importer": {"username": IMPORTER, "group": group_target(importer_group)},
        }
    )


# --------------------------------------------------------------------------- sampling


def gunicorn_workers(master: int) -> list[int]:
    """The pids of the gunicorn master's children, from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may contain spaces, the fields after ")" do not.
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            children.append(int(entry.name))
    return children


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Samples:
    worker_rss: list[float] = field(default_factory=list)  # MB, each worker
    total_rss: list[float] = field(default_factory=list)  # MB, all workers together
    connections: list[int] = field(default_factory=list)


class Sampler(threading.Thread):
    """Every `every` seconds: RSS of the gunicorn workers, connections to the database."""

    def __init__(self, master: int, admin_url: str, database: str, every: float):
        super().__init__(daemon=True)
        self.master, self.admin_url, self.database, self.every = (
            master,
            admin_url,
            database,
            every,
        )
        self.samples = Samples()
        self.stopping = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            while not self.stopping.is_set():
                sizes = [s for s in map(rss_mb, gunicorn_workers(self.master)) if s is not None]
                if sizes:
                    self.samples.worker_rss.extend(sizes)
                    self.samples.total_rss.append(sum(sizes))
                row = connection.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.database]
                ).fetchone()
                self.samples.connections.append(row[0])
                self.stopping.wait(self.every)

    def stop(self) -> Samples:
        self.stopping.set()
        self.join(timeout=30)
        return self.samples


# --------------------------------------------------------------------------- rebuild loop


class RebuildLoop(threading.Thread):
    """`manage.py search_rebuild` again and again until stopped (the last one is awaited). A
    failed rebuild is recorded with its last error line, and the loop goes on."""

    def __init__(self, env: dict, log_path: Path):
        super().__init__(daemon=True)
        self.env, self.log_path = env, log_path
        self.durations: list[float] = []
        self.failures: list[str] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        command = [sys.executable, "manage.py", "search_rebuild"]
        while not self.stopping.is_set():
            started = time.monotonic()
            completed = subprocess.run(
                command, cwd=ROOT, env=self.env, capture_output=True, text=True
            )
            with open(self.log_path, "a") as output:
                output.write(completed.stdout + completed.stderr)
            if completed.returncode == 0:
                self.durations.append(time.monotonic() - started)
                continue
            lines = [line for line in completed.stderr.splitlines() if line.strip()]
            error = next((line for line in reversed(lines) if "Error" in line), "")
            self.failures.append(
                f"after {time.monotonic() - started:.0f} s, exit {completed.returncode}: "
                f"{error[:300]}"
            )
            self.stopping.wait(1)

    def stop(self) -> None:
        self.stopping.set()
        self.join()


# --------------------------------------------------------------------------- one run


@dataclass
class Route:
    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float


@dataclass
class RunResult:
    mode: str
    routes: list[Route]
    total: Route | None
    samples: Samples
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    command: str
    failures: list[str]
    notes: list[str]
    paced: list[Route] = field(default_factory=list)  # after the burst only


def read_stats(prefix: Path) -> tuple[list[Route], Route | None]:
    routes, total = [], None
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            route = Route(
                name=f"{row['Type']} {row['Name']}" if row["Type"] else row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rps=float(row["Requests/s"]),
                p50=float(row["50%"] if row["50%"] != "N/A" else 0),
                p95=float(row["95%"] if row["95%"] != "N/A" else 0),
                p99=float(row["99%"] if row["99%"] != "N/A" else 0),
            )
            if row["Name"] == "Aggregated":
                total = route
            else:
                routes.append(route)
    return routes, total


def read_paced(path: Path, seconds: float) -> list[Route]:
    """Per route, the requests made after the burst (the realistic pace), from the records
    the locustfile writes: the same figures as Locust's, exact instead of rounded."""
    if not path.exists():
        return []
    by_route: dict[str, list] = {}
    for name, phase, ms, failed in json.loads(path.read_text()):
        if phase == "paced":
            by_route.setdefault(name, []).append((ms, failed))
    routes = []
    for name, rows in sorted(by_route.items()):
        times = sorted(ms for ms, _failed in rows)
        routes.append(
            Route(
                name=name,
                requests=len(rows),
                failures=sum(1 for _ms, failed in rows if failed),
                rps=len(rows) / seconds if seconds > 0 else 0.0,
                p50=percentile(times, 50),
                p95=percentile(times, 95),
                p99=percentile(times, 99),
            )
        )
    return routes


def read_failures(prefix: Path) -> list[str]:
    """Failed requests, then exceptions raised in the simulated people's code (a request
    that could not even be recorded): both count against the goal."""
    lines = []
    path = Path(f"{prefix}_failures.csv")
    if path.exists():
        with open(path, newline="") as failures:
            lines += [
                f"{row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}"
                for row in csv.DictReader(failures)
            ]
    path = Path(f"{prefix}_exceptions.csv")
    if path.exists():
        with open(path, newline="") as exceptions:
            lines += [
                f"{row['Count']}× exception: {row['Message']}" for row in csv.DictReader(exceptions)
            ]
    return lines


def locust_run(mode: str, args, env: dict, port: int, process, workdir: Path, targets: Path):
    during_rebuild = mode == "rebuild"
    prefix = workdir / mode
    users = args.users + (1 if during_rebuild else 0)  # + the importer
    classes = ["Professional", "Importer"] if during_rebuild else ["Professional"]
    command = [
        sys.executable, "-m", "locust", "-f", "bench/locustfile.py", "--headless",
        "-u", str(users), "-r", str(args.spawn_rate), "--run-time", f"{args.duration:g}s",
        "--host", f"http://{HOST}:{port}", "--csv", str(prefix), "--stop-timeout", "30",
        "--only-summary", "--loglevel", "WARNING", *classes,
    ]  # fmt: skip
    locust_env = dict(os.environ)
    locust_env.update(
        {
            "PYTHONPATH": str(ROOT),
            "LOAD_TARGETS": str(targets),
            "LOAD_PASSWORD": PASSWORD,
            "LOAD_BURST": f"{args.burst:g}",
            "LOAD_IMPORT": str(args.import_count),
            "LOAD_RECORDS": f"{prefix}_records.json",
        }
    )
    shown = (
        f"locust -f bench/locustfile.py --headless -u {users} -r {args.spawn_rate} "
        f"--run-time {args.duration:g}s --csv {mode} {' '.join(classes)}"
    )
    rebuild = None
    notes: list[str] = []
    load_before = os.getloadavg()
    sampler = Sampler(process.pid, args.postgres_url, args.database_name, args.sample_every)
    sampler.start()
    if during_rebuild:
        rebuild = RebuildLoop(env, workdir / "search_rebuild.log")
        rebuild.start()
    log(f"{mode} run: {shown}")
    started = time.monotonic()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run(
        command, cwd=ROOT, env=locust_env, capture_output=True, text=True, check=False
    )
    elapsed = time.monotonic() - started
    samples = sampler.stop()
    if rebuild is not None:
        log("waiting for the rebuild in progress to end")
        rebuild.stop()
        done = rebuild.durations
        notes.append(
            f"search_rebuild: {len(done)} complete rebuild(s) during the run"
            + (f", {min(done):.0f}–{max(done):.0f} s each" if done else "")
            + f", {len(rebuild.failures)} failed"
        )
        notes += [f"search_rebuild failed {failure}" for failure in rebuild.failures]
        imported = re.search(r"LOAD_IMPORT_DONE (.*)", completed.stdout + completed.stderr)
        notes.append(
            f"import: {imported.group(1)}"
            if imported
            else f"import: not finished within the run ({args.import_count} documents asked)"
        )
    load_after = os.getloadavg()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - children.ru_utime - children.ru_stime
    notes.append(
        f"CPU time of the processes that ended during the run: {cpu:.0f} s out of "
        f"{elapsed * (os.cpu_count() or 1):.0f} s available (Locust"
        + (", the search_rebuild runs)" if during_rebuild else ")")
    )
    (workdir / f"{mode}_locust.log").write_text(completed.stdout + completed.stderr)
    if not Path(f"{prefix}_stats.csv").exists():
        raise BenchError(f"locust wrote no statistics:\n{completed.stderr[-3000:]}")
    routes, total = read_stats(prefix)
    paced = read_paced(Path(f"{prefix}_records.json"), args.duration - args.burst)
    log(f"{mode} run: {elapsed:.0f} s, locust exit {completed.returncode}")
    return RunResult(
        mode=mode,
        routes=routes,
        total=total,
        samples=samples,
        load_before=load_before,
        load_after=load_after,
        command=shown,
        failures=read_failures(prefix),
        notes=notes,
        paced=paced,
    )


# --------------------------------------------------------------------------- checks


def search_page(port: int, cookie: str, path: str) -> str:
    status, _headers, body = request(port, "GET", path, headers={"Cookie": cookie})
    if status != 200:
        raise BenchError(f"GET {path} returned {status}")
    return body.decode()


def check_before(port: int, targets: dict) -> list[str]:
    """The checks made during the run must be able to fail: the private entry is found by a
    member of its group, not by an outsider; a word in every resource gives results. Documents
    an outsider cannot download (a file of a proposal not yet published) leave the targets:
    the removed URLs are returned."""
    private = targets["private"]
    member = next(u for u in private["members"] if u.startswith("demo-p"))
    seen = search_page(port, login(port, PASSWORD, member), private["search"])
    if private["title_marker"] not in seen:
        raise BenchError(f"{member} (member) does not find the private entry: check is void")
    outsider = login(port, PASSWORD, private["outsider"])
    if private["title_marker"] in search_page(port, outsider, private["search"]):
        raise BenchError(f"{private['outsider']} finds the private entry before the run")
    every = dict(targets["searches"])["every"]
    if 'class="search-results"' not in search_page(port, outsider, every):
        raise BenchError(f"{every} gives no result before the run")
    log(f"checks: {member} finds the private entry, {private['outsider']} does not")
    removed = []
    for url in list(targets["documents"]):
        status, _headers, _body = request(port, "GET", url, headers={"Cookie": outsider})
        if status != 200:
            removed.append(f"{url} ({status})")
            targets["documents"].remove(url)
    if removed:
        log(f"downloads left out (not 200 for {private['outsider']}): {', '.join(removed)}")
    return removed


# --------------------------------------------------------------------------- report


def minmax(values) -> str:
    return f"{min(values):.0f}–{max(values):.0f}" if values else "-"


def print_run(result: RunResult, args) -> bool:
    goal = GOALS[result.mode]
    title = "quiet" if result.mode == "quiet" else "during search_rebuild + 200-document import"
    print(
        f"\n## {title}: {args.users} users, {args.duration:g} s ({args.burst:g} s without "
        f"think time, then 1–5 s), gunicorn -w {args.workers}, {code_version()}, "
        f"{os.cpu_count()} CPU, load average before {result.load_before[0]:.2f} / "
        f"{result.load_before[1]:.2f} / {result.load_before[2]:.2f}, after "
        f"{result.load_after[0]:.2f} / {result.load_after[1]:.2f} / {result.load_after[2]:.2f}"
    )
    print(f"command: {result.command}\n")
    print("| route | requests | req/s | p50 ms | p95 ms | p99 ms | failures |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    met = True
    for route in [*sorted(result.routes, key=lambda r: r.name), result.total]:
        if route is None:
            continue
        over = route.p95 > goal and route.name != "Aggregated"
        met = met and not over and not route.failures
        flag = " ⚠" if over else ""
        name = f"**{route.name}**" if route.name == "Aggregated" else f"`{route.name}`"
        print(
            f"| {name} | {route.requests} | {route.rps:.1f} | {route.p50:.0f} | "
            f"{route.p95:.0f}{flag} | {route.p99:.0f} | {route.failures} |"
        )
    if result.paced:
        print(
            f"\nAfter the burst only (from {args.burst:g} s to the end, 1–5 s between two "
            "actions), exact percentiles:\n"
        )
        print("| route | requests | req/s | p50 ms | p95 ms | p99 ms | failures |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for route in result.paced:
            flag = " ⚠" if route.p95 > goal else ""
            print(
                f"| `{route.name}` | {route.requests} | {route.rps:.1f} | {route.p50:.0f} | "
                f"{route.p95:.0f}{flag} | {route.p99:.0f} | {route.failures} |"
            )
    samples = result.samples
    print(
        f"\ngunicorn workers' RSS (MB, each worker): {minmax(samples.worker_rss)}; all workers "
        f"together: {minmax(samples.total_rss)}; PostgreSQL connections to the database: "
        f"{minmax(samples.connections)} ({len(samples.connections)} samples, every "
        f"{args.sample_every:g} s)"
    )
    for note in result.notes:
        print(note)
    for failure in result.failures[:20]:
        print(f"failure: {failure}")
    met = met and not any("exception:" in failure for failure in result.failures)
    verdict = "met" if met else "NOT met"
    print(f"goal (p95 ≤ {goal} ms on every route, 0 failures): {verdict}")
    return met


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=300, help="seconds per run (300)")
    parser.add_argument("--users", type=int, default=50, help="simulated people (50)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per s (10)")
    parser.add_argument(
        "--burst", type=float, default=60, help="first seconds without think time (60)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--resources", type=int, default=10_000, help="generated (10,000)")
    parser.add_argument(
        "--import-count", type=int, default=200, help="documents imported during the rebuild"
    )
    parser.add_argument("--sample-every", type=float, default=5, help="seconds (5)")
    runs = parser.add_mutually_exclusive_group()
    runs.add_argument(
        "--skip-rebuild-run", action="store_true", help="the quiet run only (no rebuild run)"
    )
    runs.add_argument(
        "--during-rebuild",
        action="store_true",
        help="only the run during search_rebuild (in a loop) and the import",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL),
        help="server where the temporary database is created (env BENCH_POSTGRES_URL)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the database and --workdir (media, statistics) at the end",
    )
    parser.add_argument(
        "--database",
        help="reuse a database kept by --keep (with its --workdir): no migration, demo, "
        "resources, collectstatic or rebuild",
    )
    parser.add_argument("--workdir", default="", help="working folder (default: temporary)")
    parser.add_argument("--prepare-inprocess", nargs=2, type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def prepare(args, env: dict, workdir: Path) -> dict:
    manage = [sys.executable, "manage.py"]
    if not args.database:
        run([*manage, "migrate", "--noinput"], env, "migrate")
        run([*manage, "seed_demo"], env, "seed_demo")
    if not (args.database and (workdir / "static" / "staticfiles.json").exists()):
        run([*manage, "collectstatic", "--noinput"], env, "collectstatic")
    output = run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--prepare-inprocess",
            str(args.resources),
            str(args.users),
        ],
        env,
        f"{args.resources:,} resources, private entry, targets",
    )
    lines = [line for line in output.splitlines() if line.startswith("BENCH_JSON ")]
    if not lines:
        raise BenchError(f"no targets in:\n{output[-3000:]}")
    targets = json.loads(lines[-1].removeprefix("BENCH_JSON "))
    if not args.database:
        run([*manage, "search_rebuild"], env, "search_rebuild")
    return targets


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.prepare_inprocess:
        prepare_inprocess(*args.prepare_inprocess)
        return 0
    if args.database and not args.workdir:
        raise SystemExit("--database needs the --workdir of the run that kept it")
    reason = postgres_available(args.postgres_url)
    if reason:
        raise SystemExit(f"PostgreSQL is needed: {reason}")
    modes = ["quiet", "rebuild"]
    if args.skip_rebuild_run:
        modes = ["quiet"]
    elif args.during_rebuild:
        modes = ["rebuild"]
    temporary = None
    if not args.workdir:
        temporary = tempfile.TemporaryDirectory(prefix="trame-load-")
        args.workdir = temporary.name
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"working in {workdir}, load average {os.getloadavg()[0]:.2f}")
    database = PostgresDatabase(args.postgres_url, prefix="trame_load", keep=args.keep)
    if args.database:
        database.name, database.keep = args.database, True
    results: list[RunResult] = []
    failed = False
    try:
        if args.database:
            parts = urllib.parse.urlsplit(args.postgres_url)
            url = urllib.parse.urlunsplit(parts._replace(path=f"/{args.database}"))
        else:
            url = database.__enter__()
        args.database_name = database.name
        env = base_env(
            url,
            workdir / "static",
            workdir / "media",
            PASSWORD,
            f"filecache://{workdir}/cache",
        )
        targets = prepare(args, env, workdir)
        targets_path = workdir / "targets.json"
        targets_path.write_text(json.dumps(targets, indent=1))
        for mode in modes:
            # A fresh server per run: the second run's memory does not start from the first's.
            process, port = start_gunicorn(
                env, workdir / "gunicorn.log", args.workers, ("--timeout", "120")
            )
            try:
                removed = check_before(port, targets)
                targets_path.write_text(json.dumps(targets, indent=1))
                result = locust_run(mode, args, env, port, process, workdir, targets_path)
                if removed:
                    result.notes.append(f"downloads left out (not 200): {', '.join(removed)}")
                results.append(result)
            finally:
                stop_gunicorn(process)
    except BenchError as error:
        failed = True
        log(f"failed: {error}")
        log_path = workdir / "gunicorn.log"
        if log_path.exists():
            print(f"--- gunicorn log ---\n{log_path.read_text()[-3000:]}", file=sys.stderr)
    finally:
        database.__exit__(None, None, None)
        if temporary is not None and not args.keep:
            temporary.cleanup()
        elif args.keep:
            log(f"kept {workdir} (reuse: --database {database.name} --workdir {workdir})")
    met = [print_run(result, args) for result in results]
    return 1 if failed or not all(met) else 0


if __name__ == "__main__":
    sys.exit(main())
