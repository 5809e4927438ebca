"""A person at a browser, for the tests that drive a live server over real HTTP: each request
is a real request to pytest-django's live server, each write commits as in production.

`Visitor` logs in through the login form, fills and submits the forms it is shown (CSRF token
included) and reads the search page, its facet counts and the header box's suggestions the
way a person sees them.
"""

import logging
import re
import signal
from dataclasses import dataclass
from urllib.parse import urljoin

from django.core.management import call_command

import requests
from bs4 import BeautifulSoup

from tests.factories.users import PASSWORD

TIMEOUT = 30  # seconds: only reached when the live server is stuck
WORKER_LOGGERS = ("django_tasks", "django_tasks_db")


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def text_of(element) -> str:
    return re.sub(r"\s+", " ", element.get_text()).strip() if element else ""


def form_fields(form) -> list[tuple[str, str]]:
    """What a browser sends for this form as it is shown: hidden and filled fields, ticked
    boxes, selected options (files and buttons are the caller's)."""
    data = []
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.append((name, field.text.removeprefix("\n")))
        elif field.name == "select":
            options = field.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]
            data += [(name, option.get("value", option.text)) for option in chosen]
        else:
            kind = (field.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            data.append((name, field.get("value", "on" if kind in ("checkbox", "radio") else "")))
    return data


def replaced(fields: list[tuple[str, str]], values: dict) -> list[tuple[str, str]]:
    """The fields with these names given these values (a list value repeats the name)."""
    kept = [(name, value) for name, value in fields if name not in values]
    for name, value in values.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            kept.append((name, str(item)))
    return kept


@dataclass
class Hit:
    title: str
    snippet: str
    url: str


@dataclass
class SearchPage:
    status: str
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet legend -> {option label: count}

    @property
    def titles(self) -> list[str]:
        return [hit.title for hit in self.hits]

    def hit(self, title: str) -> Hit | None:
        return next((hit for hit in self.hits if hit.title == title), None)


def read_search_page(soup) -> SearchPage:
    hits = []
    for item in soup.select("li.search-hit"):
        link = item.select_one(".search-hit__title a")
        hits.append(
            Hit(text_of(link), text_of(item.select_one(".search-hit__snippet")), link["href"])
        )
    facets = {}
    for fieldset in soup.select("fieldset.facet"):
        options = {}
        for label in fieldset.select("label"):
            count = label.select_one(".facet__count")
            number = re.match(r"\((\d+)", text_of(count))
            count.extract()
            options[text_of(label)] = int(number.group(1))
        facets[text_of(fieldset.select_one("legend"))] = options
    return SearchPage(text_of(soup.select_one("#search-status")), hits, facets)


class Visitor:
    """One logged-in person with their own cookies."""

    def __init__(self, base_url: str, username: str, after_each_post=None):
        self.base_url = base_url
        self.username = username
        self.session = requests.Session()
        self.after_each_post = after_each_post
        response = self.submit("/connexion/", "form", {"username": username, "password": PASSWORD})
        if "sessionid" not in self.session.cookies:
            raise AssertionError(f"{username} could not log in: {response.status_code}")

    def close(self):
        """Close the kept-alive connections now: the live server's threads serving them end
        with them, not when the server stops (they would then close a database connection
        no longer shared with them). urllib3 closes a session's pools only once collected."""
        for adapter in self.session.adapters.values():
            pools = adapter.poolmanager.pools
            for key in pools.keys():  # noqa: SIM118 (the container cannot be iterated)
                pools[key].close()
        self.session.close()

    def __repr__(self):
        return f"<Visitor {self.username}>"

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def get(self, path: str, **params) -> requests.Response:
        response = self.session.get(self.url(path), params=params, timeout=TIMEOUT)
        assert response.status_code == 200, f"GET {path}: {response.status_code}"
        return response

    def post(self, path: str, data, files=None, **headers) -> requests.Response:
        headers.setdefault("X-CSRFToken", self.session.cookies.get("csrftoken", ""))
        headers.setdefault("Referer", self.url(path))
        response = self.session.post(
            self.url(path), data=data, files=files, headers=headers, timeout=TIMEOUT
        )
        if self.after_each_post:
            self.after_each_post()
        return response

    def submit(self, path: str, selector: str, values=None, files=None, button=None):
        """Open the page at `path`, fill the first form matching `selector` with `values` and
        send it as the browser would (with the pressed `button`: a (name, value) pair)."""
        page = self.session.get(self.url(path), timeout=TIMEOUT)
        assert page.status_code == 200, f"GET {path}: {page.status_code}"
        form = html(page).select_one(selector)
        assert form is not None, f"no form {selector!r} on {path}"
        data = replaced(form_fields(form), values or {})
        if button:
            data.append(button)
        action = urljoin(page.url, form.get("action") or page.url)
        response = self.post(action, data, files)
        assert response.status_code in (200, 302), f"POST {action}: {response.status_code}"
        return response

    def messages(self, response) -> list[str]:
        return [text_of(item) for item in html(response).select(".messages li, .message")]

    # What the person sees of the search -----------------------------------------------------

    def search(self, query: str) -> SearchPage:
        return read_search_page(html(self.get("/recherche/", q=query)))

    def suggestions(self, prefix: str) -> list[str]:
        response = self.get("/recherche/suggestions/", q=prefix)
        return [suggestion["label"] for suggestion in response.json()["suggestions"]]


def run_database_worker() -> None:
    """What `manage.py db_worker` does in production, until the queue is empty."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    levels = {name: logging.getLogger(name).level for name in WORKER_LOGGERS}
    try:
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, queue_name="*", verbosity=0
        )
    finally:
        # The worker installs its own handlers for a graceful stop; pytest needs its own back.
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        # verbosity=0 silences the task loggers for good; failures are reported otherwise.
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
