"""The OpenAPI schema and its Swagger UI (served from a package's static files, under the
site's Content-Security-Policy), the feeds it documents, and search parity with /recherche/."""

import os
import re

import pytest

from tests.api.conftest import token_client
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db


def test_the_schema_lists_every_endpoint_and_documents_the_feeds(outsider):
    client, _ = token_client(outsider)
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200, response.content
    schema = response.json()
    assert schema["info"]["title"] == "API de Trame"
    for path in ["/api/v1/pages/", "/api/v1/news/", "/api/v1/events/", "/api/v1/resources/",
                 "/api/v1/groups/", "/api/v1/people/", "/api/v1/structures/",
                 "/api/v1/search/", "/api/v1/feeds/"]:  # fmt: skip
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/v1/resources/"]
    assert "/agenda/ical/" in schema["info"]["description"]


def test_the_schema_is_ours_only_valid_and_without_warnings(outsider):
    """Only /api/v1/ (not Wagtail's admin API), one operation id per view and method, the
    token described as a bearer scheme: drf-spectacular validates it and warns of nothing."""
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", os.devnull)
    client, _ = token_client(outsider)
    schema = client.get("/api/v1/schema/?format=json").json()
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    operation_ids = [op["operationId"] for item in schema["paths"].values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))
    assert schema["components"]["securitySchemes"]["jetonPersonnel"]["scheme"] == "bearer"


def test_the_schema_needs_credentials(db):
    from django.test import Client

    assert Client().get("/api/v1/schema/").status_code == 401


def test_swagger_ui_comes_from_static_files_and_runs_no_inline_script(professional_client):
    response = professional_client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<style" not in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    init = professional_client.get("/api/v1/docs/?script=")
    assert init.status_code == 200
    assert "/api/v1/schema/" in init.content.decode()


def test_the_feeds_endpoint_gives_the_ical_addresses(professional_client, site_pages):
    data = professional_client.get("/api/v1/feeds/").json()
    assert [feed["url"] for feed in data["feeds"]] == [
        f"http://testserver{site_pages['event_index'].url}ical/"
    ]
    assert professional_client.get(f"{site_pages['event_index'].url}ical/").status_code == 200
    assert data["per_event"]["example"] == f"http://testserver{site_pages['event'].url}ical/"


def test_search_finds_what_the_search_page_finds(private_group, open_group, outsider, member):
    rebuild_search_index()
    for user, expected in [(outsider, False), (member, True)]:
        client, _ = token_client(user)
        titles = {
            re.sub("<[^>]+>", "", hit["title"])
            for hit in client.get("/api/v1/search/?q=confidentielle").json()["results"]
        }
        assert ("Nouvelle confidentielle" in titles) is expected
        from django.test import Client

        browser = Client()
        browser.force_login(user)
        page = browser.get("/recherche/?q=confidentielle").content.decode()
        assert ("Nouvelle confidentielle" in re.sub("<[^>]+>", "", page)) is expected


def test_an_invalid_search_filter_is_a_400_in_french(outsider):
    client, _ = token_client(outsider)
    response = client.get("/api/v1/search/?q=guide&tri=hasard")
    assert response.status_code == 400
    assert response.json()["tri"] == ["Ordre de tri inconnu : « hasard »."]
