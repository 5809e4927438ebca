"""The browser protections every HTML response carries: a strict Content-Security-Policy on the
front end, a looser one for Wagtail's admin, Referrer-Policy and Permissions-Policy."""

from django.contrib.auth.models import Permission

from tests.factories import UserFactory


def _directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_the_front_end_allows_no_inline_script_or_style(professional_client, site_pages):
    response = professional_client.get(site_pages["news"].url)

    assert response.status_code == 200
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert "Content-Security-Policy-Report-Only" not in response.headers


def test_the_login_page_has_the_strict_policy(client, db):
    response = client.get("/connexion/")

    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def test_the_admin_allows_the_inline_scripts_and_styles_wagtail_needs(client, db):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    directives = _directives(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]


def test_every_response_sets_the_referrer_and_permissions_policies(client, db):
    response = client.get("/connexion/")

    assert response.headers["Referrer-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
