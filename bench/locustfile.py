"""The people of `bench/load.py`: professionals of the network using Trame at the same time.

Run by `bench/load.py`, which prepares the site and gives this file its targets through
environment variables (`LOAD_TARGETS`: a JSON file written by the preparation; `LOAD_PASSWORD`:
the demo accounts' password; `LOAD_BURST`: seconds without think time at the start;
`LOAD_UPLOAD_EVERY`: seconds between two uploads, all users together). It can also be run by
hand against a prepared server:

    LOAD_TARGETS=targets.json LOAD_PASSWORD=... .venv/bin/locust -f bench/locustfile.py \\
        --headless -u 50 -r 10 --run-time 5m --host http://127.0.0.1:8000

Each simulated person logs in through the real login form as one of the demo accounts
(`demo-p00`, `demo-p01`…), then mixes the home page, searches of every shape of
`bench/search.py` and two more (two common words, a facet filter), suggestions typed letter by
letter, library filters, working group pages, plan pages, document downloads and, all users
together, one document upload a minute through a group's upload form (with its CSRF token).

Every request is named by its route (`name=`), so Locust's statistics are per route. A
request fails when its status is not 2xx/3xx, when the login page comes back instead of the
content (a redirect to `/connexion/` or a password field), when a search for a word present
in every resource shows no result, or when a person who may not see the private group's
documents finds its private entry (`private` in the targets) in a search page.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
import urllib.parse
import uuid
from itertools import count
from pathlib import Path

from locust import FastHttpUser, events, task
from locust.exception import StopUser

TARGETS = (
    json.loads(Path(os.environ["LOAD_TARGETS"]).read_text()) if "LOAD_TARGETS" in os.environ else {}
)
PASSWORD = os.environ.get("LOAD_PASSWORD", "")
IMPORT_COUNT = int(os.environ.get("LOAD_IMPORT", "200"))  # documents of the Importer
BURST = float(os.environ.get("LOAD_BURST", "60"))  # seconds without think time
THINK = (1.0, 5.0)  # then a realistic pace, in seconds between two actions
KEYSTROKE = (0.25, 0.4)  # seconds between two letters typed, after the burst
UPLOAD_EVERY = float(os.environ.get("LOAD_UPLOAD_EVERY", "60"))

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOGIN_FORM = 'name="password"'
RESULTS = 'class="search-results"'  # the ordered list of hits on /recherche/
UNAVAILABLE = "La recherche est momentanément indisponible"

STATE = {"started": None, "next_upload": None}
ACCOUNTS = count()


RECORDS: list[tuple[str, str, float, bool]] = []  # (method route, phase, ms, failed)


@events.test_start.add_listener
def on_test_start(environment, **_kwargs):
    STATE["started"] = time.monotonic()
    STATE["next_upload"] = time.monotonic() + UPLOAD_EVERY / 2


@events.request.add_listener
def on_request(request_type, name, response_time, exception, **_kwargs):
    """Every request with its phase, for `bench/load.py`'s table of the paced part."""
    phase = "burst" if elapsed() < BURST else "paced"
    RECORDS.append((f"{request_type} {name}", phase, response_time, exception is not None))


@events.test_stop.add_listener
def on_test_stop(environment, **_kwargs):
    if os.environ.get("LOAD_RECORDS"):
        Path(os.environ["LOAD_RECORDS"]).write_text(json.dumps(RECORDS))


def elapsed() -> float:
    return time.monotonic() - (STATE["started"] or time.monotonic())


def quote(value: str) -> str:
    return urllib.parse.quote_plus(value)


class Professional(FastHttpUser):
    """One professional of a Mission Locale, logged in with a demo account."""

    # Redirects are not followed: a redirect to the login page must be seen as a failure.
    max_redirects = 0

    def wait_time(self):
        return 0 if elapsed() < BURST else random.uniform(*THINK)

    def on_start(self):
        accounts = TARGETS["accounts"]
        self.username = accounts[next(ACCOUNTS) % len(accounts)]
        self.member_of = TARGETS["memberships"].get(self.username, [])
        self.sees_private = self.username in TARGETS["private"]["members"]
        self.login()

    # ----------------------------------------------------------------- helpers

    def get(self, path: str, name: str, check=None, login_page: bool = False):
        """GET `path`, failed unless 2xx/3xx and not the login page; `check(response)` may
        return a reason to fail it."""
        with self.client.get(
            path, name=name, catch_response=True, allow_redirects=False
        ) as response:
            reason = self.bad_response(response, login_page)
            if reason is None and check is not None:
                reason = check(response)
            if reason:
                response.failure(reason)
            else:
                response.success()
            return response

    @staticmethod
    def bad_response(response, login_page: bool = False) -> str | None:
        status = response.status_code or 0
        if not 200 <= status < 400:
            return f"HTTP {status}"
        if 300 <= status < 400:
            location = response.headers.get("Location", "") if response.headers else ""
            if "/connexion/" in location:
                return f"HTTP {status} to the login page"
            return None
        content_type = response.headers.get("Content-Type", "") if response.headers else ""
        if login_page or not content_type.startswith("text/html"):
            return None
        if LOGIN_FORM in (response.text or ""):
            return "login page instead of content"
        return None

    def csrf_from(self, response) -> str | None:
        match = CSRF.search(response.text or "")
        return match.group(1) if match else None

    def login(self):
        page = self.get("/connexion/", "/connexion/", login_page=True)
        token = self.csrf_from(page)
        body = urllib.parse.urlencode(
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token or ""}
        )
        with self.client.post(
            "/connexion/",
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            name="/connexion/",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            if response.status_code != 302 or "/connexion/" in location:
                response.failure(f"login as {self.username}: HTTP {response.status_code}")
            else:
                response.success()

    def private_check(self, response) -> str | None:
        """The private entry must never show to someone outside the private group."""
        if self.sees_private:
            return None
        text = response.text or ""
        private = TARGETS["private"]
        if private["title_marker"] in text or private["url"] in text:
            return f"private entry shown to {self.username}"
        return None

    def upload_due(self) -> bool:
        """One upload a minute for all users together, by a member of a working group."""
        if not self.member_of or STATE["next_upload"] is None:
            return False
        if time.monotonic() < STATE["next_upload"]:
            return False
        STATE["next_upload"] += UPLOAD_EVERY  # set before any request: gevent switches there
        return True

    # ----------------------------------------------------------------- tasks

    @task(6)
    def home(self):
        if self.upload_due():
            self.upload()
            return
        self.get("/", "/ (accueil)")

    @task(10)
    def search(self):
        shape, path = random.choice(TARGETS["searches"])

        def check(response):
            text = response.text or ""
            if UNAVAILABLE in text:
                return "search unavailable"
            if shape in ("every", "two-words") and RESULTS not in text:
                return f"no result for a word in every resource ({shape})"
            return self.private_check(response)

        self.get(path, f"/recherche/?q= [{shape}]", check)

    @task(2)
    def search_private(self):
        """The private entry's unique word: found by the group's members only."""
        self.get(TARGETS["private"]["search"], "/recherche/?q= [private]", self.private_check)

    @task(6)
    def suggestions(self):
        """Someone typing a word: one request per letter from the second one. After the burst,
        0.25 to 0.4 s between two keys, longer than the header's 200 ms debounce
        (`static/js/search-autocomplete.js`): every prefix is still asked for."""
        word = random.choice(TARGETS["typed"])
        for end in range(2, len(word) + 1):
            if end > 2 and elapsed() >= BURST:
                time.sleep(random.uniform(*KEYSTROKE))
            self.get("/recherche/suggestions/?q=" + quote(word[:end]), "/recherche/suggestions/?q=")

    @task(5)
    def library(self):
        self.get(random.choice(TARGETS["library"]), "/ressources/?[filtres]")

    @task(4)
    def group_page(self):
        self.get(random.choice(TARGETS["groups"])["url"], "/groupes-de-travail/[groupe]/")

    @task(3)
    def plan_page(self):
        self.get(random.choice(TARGETS["plan"]), "/projet-associatif/[page]")

    @task(3)
    def download(self):
        """The whole file is read and its length checked. Streamed, because Wagtail's
        `sendfile` sends `Content-Encoding: None`, which the HTTP client refuses to decode:
        the time reported is then the time to the headers (the files are 1 to 45 KB)."""
        with self.client.get(
            random.choice(TARGETS["documents"]),
            name="/documents/[id]/[fichier]",
            catch_response=True,
            allow_redirects=False,
            stream=True,
        ) as response:
            reason = self.bad_response(response)
            if reason is None and response.status_code == 200:
                size = sum(
                    len(chunk) for chunk in response.iter_content(65536, decode_content=False)
                )
                expected = response.headers.get("Content-Length") if response.headers else None
                if expected is not None and int(expected) != size:
                    reason = f"{size} bytes received instead of {expected}"
            if reason:
                response.failure(reason)
            else:
                response.success()

    def upload(self, group=None, route=""):
        """A document added to one of the user's groups through the group page's form."""
        group = group or random.choice(self.member_of)
        page = self.get(group["url"], f"/groupes-de-travail/[groupe]/{route}")
        token = self.csrf_from(page)
        title = f"Compte rendu de charge {uuid.uuid4().hex[:10]}"
        content = (
            f"{title}\n\nNotes de la réunion du groupe : les jeunes accompagnés, la mobilité, "
            "le logement et la formation.\n"
        ).encode()
        body, content_type = multipart(
            {"csrfmiddlewaretoken": token or "", "title": title},
            "file",
            f"{title.lower().replace(' ', '-')}.txt",
            content,
        )
        with self.client.post(
            group["upload"],
            data=body,
            headers={"Content-Type": content_type},
            name=f"/reseau/groupes/[id]/documents/{route}",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            if response.status_code != 302 or "/connexion/" in location:
                response.failure(f"upload: HTTP {response.status_code} {location}")
                return False
            response.success()

        def saved(response):
            text = response.text or ""
            if "n’a pas été enregistré" in text or title not in text:
                return f"upload of {title!r} not shown as saved"
            return None

        after = self.get(group["url"], f"/groupes-de-travail/[groupe]/ (après dépôt){route}", saved)
        return after.status_code == 200


class Importer(Professional):
    """`--during-rebuild` only: one more account deposits `LOAD_IMPORT` documents (200) back to
    back through a group's upload form, while `manage.py search_rebuild` runs. The project has
    no bulk import command for documents: this is how a batch of files gets in. Its requests are
    reported on their own routes (suffix « [import] »)."""

    fixed_count = 1

    def wait_time(self):
        return 0

    def on_start(self):
        importer = TARGETS["importer"]
        self.username = importer["username"]
        self.member_of = [importer["group"]]
        self.sees_private = False
        self.done = 0
        self.login()

    def import_one(self):
        if self.done >= IMPORT_COUNT:
            print(f"LOAD_IMPORT_DONE {self.done} documents in {elapsed():.1f} s", flush=True)
            raise StopUser()
        self.done += 1
        self.upload(self.member_of[0], " [import]")

    tasks = [import_one]  # not the browsing tasks it inherits


def multipart(fields: dict[str, str], file_field: str, filename: str, content: bytes):
    """A multipart/form-data body with text fields and one file, and its Content-Type."""
    boundary = "----trame-load-" + uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
