"""The SSO suite's provider: django-oidc-provider in its own Django project and process
(tests/sso/provider/), on a free port of 127.0.0.1, with Trame served by pytest-django's
live server and driven with `requests` like a browser."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings as django_settings

import pytest
import requests

CLIENT_ID = "trame-tests"
CLIENT_SECRET = "secret-du-client-trame"  # noqa: S105
PASSWORD = "mot-de-passe-du-fournisseur"  # noqa: S105
PROVIDER_NAME = "Annuaire du réseau (test)"
CALLBACK_PATH = "/connexion/sso/retour/"
START_TIMEOUT = 60

# The provider's directory. Tags: "unverified" (email not verified), "structure=…", "role=…".
_DIRECTORY = [
    ("camille", "camille.martin@ml-dijon.test", "Camille", "Martin", []),
    ("dominique", "dominique.petit@ml-dijon.test", "Dominique", "", ["unverified"]),
    ("eva", "eva.roux@ailleurs.test", "Eva", "Roux",
     ["structure=Mission Locale de Beaune", "role=editeur"]),
    ("farid", "Farid.Benali@ml-dijon.test", "Farid", "Benali", []),
    ("gaspard", "gaspard.leroy@ml-dijon.test", "Gaspard", "", ["role=editeur"]),
    ("helene", "helene.durand@ml-dijon.test", "Hélène", "Durand", []),
    ("ines", "ines.moreau@ml-dijon.test", "Inès", "Moreau", []),
]  # fmt: skip
USERS = {
    username: {"email": email, "first_name": first, "last_name": last, "tags": tags}
    for username, email, first, last, tags in _DIRECTORY
}


@dataclass
class Provider:
    url: str
    database: Path

    @property
    def issuer(self) -> str:
        return f"{self.url}/openid"

    def signing_key(self) -> str:
        with sqlite3.connect(self.database) as connection:
            return connection.execute("SELECT key FROM oidc_provider_rsakey").fetchone()[0]


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    """The provider process, started once per test worker and killed at the end."""
    folder = tmp_path_factory.mktemp("oidc-provider")
    # Trame asks the provider with `requests`: never through a proxy set in the environment.
    no_proxy = [os.environ.get("NO_PROXY", ""), "127.0.0.1", "localhost"]
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = ",".join(filter(None, no_proxy))
    config = {
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{live_server.url}{CALLBACK_PATH}"],
                "post_logout_redirect_uris": [f"{live_server.url}/connexion/"],
            }
        ],
        "users": [{"username": name, "password": PASSWORD, **spec} for name, spec in USERS.items()],
    }
    config_path = folder / "setup.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    environment = {
        **os.environ,
        "SSO_PROVIDER_DB": str(folder / "provider.sqlite3"),
        "PYTHONPATH": str(django_settings.BASE_DIR),
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.sso.provider.serve", str(config_path)],
        cwd=django_settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        port = _wait_until_ready(process, folder / "provider.log")
        yield Provider(url=f"http://127.0.0.1:{port}", database=folder / "provider.sqlite3")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_until_ready(process, log_path) -> int:
    result = {}

    def read():
        line = process.stdout.readline()
        match = re.match(r"ready (\d+)", line or "")
        if match:
            result["port"] = int(match.group(1))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    if "port" not in result:
        process.kill()
        pytest.fail(f"Le fournisseur OIDC de test n'a pas démarré : {log_path.read_text()}")
    return result["port"]


@pytest.fixture
def sso_settings(settings, oidc_provider):
    """Trame configured for the test provider, as the environment variables would."""
    settings.TRAME_OIDC_ENABLED = True
    settings.TRAME_OIDC_PROVIDER_NAME = PROVIDER_NAME
    settings.TRAME_OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SCOPES = "openid email profile network"
    settings.TRAME_OIDC_CLAIM_STRUCTURE = "structure"
    settings.TRAME_OIDC_CLAIM_ROLE = "role"
    return settings


class TokenTamperer:
    """Stands between Trame and the provider's token endpoint (a man in the middle) and
    rewrites the ID token of the real answer with `transform` (None: passes it through)."""

    def __init__(self, target: str):
        self.target = target
        self.transform = None
        tamperer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {
                    name: self.headers[name]
                    for name in ("Content-Type", "Authorization")
                    if self.headers.get(name)
                }
                answer = requests.post(tamperer.target, data=body, headers=headers, timeout=10)
                payload = answer.json()
                if tamperer.transform and "id_token" in payload:
                    payload["id_token"] = tamperer.transform(payload["id_token"])
                content = json.dumps(payload).encode()
                self.send_response(answer.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/token"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def tamperer(sso_settings, oidc_provider):
    proxy = TokenTamperer(f"{oidc_provider.issuer}/token")
    sso_settings.OIDC_OP_TOKEN_ENDPOINT = proxy.url
    yield proxy
    proxy.server.shutdown()
    proxy.server.server_close()


class Browser:
    """A person's browser: one cookie jar for Trame and the provider, redirects followed."""

    def __init__(self, trame_url: str, provider: Provider):
        self.trame_url = trame_url
        self.provider = provider
        self.http = requests.Session()
        self.http.trust_env = False  # no proxy from the environment between us and 127.0.0.1

    def sso_login(self, username: str, next_path: str = "/reseau/mon-profil/"):
        """Click « Se connecter avec … », sign in at the provider: the page Trame ends on."""
        page = self.http.get(
            f"{self.trame_url}/connexion/sso/", params={"next": next_path}, timeout=30
        )
        if page.url.startswith(f"{self.provider.url}/login/"):
            page = self.http.post(
                page.url.split("?")[0],
                data={
                    "username": username,
                    "password": PASSWORD,
                    "next": _next_of(page.text),
                },
                timeout=30,
            )
        return page

    def get(self, path: str, **kwargs):
        return self.http.get(f"{self.trame_url}{path}", timeout=30, **kwargs)

    def post(self, path: str, data=None, **kwargs):
        # Only Trame sets a CSRF cookie (the provider has no CSRF middleware).
        token = self.http.cookies.get("csrftoken")
        return self.http.post(
            f"{self.trame_url}{path}",
            data=data or {},
            headers={"X-CSRFToken": token or "", "Referer": f"{self.trame_url}/"},
            timeout=30,
            **kwargs,
        )


def _next_of(html: str) -> str:
    import html as html_module

    match = re.search(r'name="next" value="([^"]*)"', html)
    return html_module.unescape(match.group(1)) if match else "/"


@pytest.fixture
def browser(live_server, oidc_provider):
    browser = Browser(live_server.url, oidc_provider)
    yield browser
    # A kept-alive connection holds a live-server thread, and so its database connection:
    # PostgreSQL would refuse to drop the test database at the end.
    browser.http.close()
