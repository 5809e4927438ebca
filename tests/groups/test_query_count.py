"""Directory, hub and group pages run a number of queries that does not grow with the
number of members, meetings, documents or people."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from groups.services import membership_add
from tests.factories import MeetingPageFactory, NetworkDirectoryPageFactory

from .conftest import add_document, make_person

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(group, count):
    for n in range(count):
        person = make_person(f"personne{group.pk}-{n}", last_name=f"Nom{n}")
        person.profile.referent_thematics.add(*group.thematics.all())
        membership_add(group=group, user=person)
        MeetingPageFactory(
            parent=group,
            title=f"Réunion {n}",
            start=timezone.now() - timezone.timedelta(days=n + 1),
            minutes=[("paragraph", "<p>Compte rendu.</p>")],
            first_published_at=timezone.now(),
        )
        add_document(group, title=f"Document {n}")


def test_group_hub_and_directory_pages_do_not_query_per_item(
    client, home_page, private_group, hub, member
):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    client.force_login(member)
    urls = [
        private_group.url,
        private_group.get_parent().url,
        hub.url,
        directory.url,
        directory.url + "personnes/",
        f"{directory.url}personnes/{member.pk}/",
        private_group.meeting.url,
        "/reseau/mon-fil/",
        "/",
    ]
    before = {url: count_queries(client, url) for url in urls}
    grow(private_group, 12)
    after = {url: count_queries(client, url) for url in urls}
    # Mixed listings load each page type shown once: the count may drop when fewer types
    # are shown, it never grows with the number of items.
    grown = {url: (before[url], after[url]) for url in urls if after[url] > before[url]}
    assert not grown, grown
