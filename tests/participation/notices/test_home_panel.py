"""The home page's « À lire » panel: what I still have to read, nearest deadline first,
late ones flagged, never a notice on a page I may not view; a fixed number of queries."""

import html

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from participation.notices.models import Acknowledgement

from .conftest import make_notice

pytestmark = pytest.mark.django_db


def panel(client) -> str:
    content = html.unescape(client.get("/").content.decode())
    start = content.find('aria-labelledby="home-must-read-title"')
    return content[start : content.find("</section>", start)] if start >= 0 else ""


def test_pending_notices_nearest_deadline_first_overdue_flagged(
    client, resource, private_resource, network, home_page
):
    from tests.factories import ContentPageFactory

    later = ContentPageFactory(parent=home_page, title="Charte d'usage de la messagerie")
    read = ContentPageFactory(parent=home_page, title="Guide déjà lu")
    make_notice(later, days=20)
    make_notice(resource, days=-2)
    make_notice(private_resource, days=5)  # a page the adviser may not view
    Acknowledgement.objects.create(
        must_read=make_notice(read, days=3), user=network["adviser_dijon"]
    )
    client.force_login(network["adviser_dijon"])

    text = panel(client)

    assert text.index("Nouvelle procédure d'accueil CEJ") < text.index("Charte d'usage")
    assert text.count("En retard") == 1
    assert "Note confidentielle" not in text
    assert "Guide déjà lu" not in text


def test_nothing_to_read_no_panel(client, resource, network, dijon):
    make_notice(resource, structures=[dijon])
    client.force_login(network["adviser_besancon"])

    assert panel(client) == ""


def count_home_queries(client) -> int:
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_panel_queries_do_not_grow_with_the_notices(
    client, resource, private_group, network, adviser_role
):
    client.force_login(network["adviser_besancon"])  # a group member, with a role
    make_notice(resource, job_roles=[adviser_role])
    before = count_home_queries(client)
    for n in range(8):
        make_notice(resource, job_roles=[adviser_role], working_groups=[private_group], days=n)

    assert count_home_queries(client) == before
