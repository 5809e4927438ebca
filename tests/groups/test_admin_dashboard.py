"""The admin dashboard and reports name and count only what the user may view: the lead of
another group who once edited or locked a group's private page (before leaving it, say)
finds neither its title on the dashboard (recent edits, locked pages) nor in the locked
pages report, and the dashboard's page count leaves it out; the site history leaves out the
group's documents."""

from django.utils import timezone

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

import pytest

pytestmark = pytest.mark.django_db

SECRET = "Nouvelle confidentielle"


@pytest.fixture
def touched_by(private_group):
    """The group's private news item, edited and locked by the given user."""

    def touch(user):
        news = private_group.news
        PageLogEntry.objects.log_action(news, "wagtail.edit", user=user)
        news.locked, news.locked_by, news.locked_at = True, user, timezone.now()
        news.save(update_fields=["locked", "locked_by", "locked_at"])
        return news

    return touch


def _dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


def _page_count(response) -> int:
    items = response.context["site_summary"].summary_items
    (item,) = [item for item in items if isinstance(item, PagesSummaryItem)]
    return item.get_context_data({})["total_pages"]


def test_dashboard_hides_a_private_page_from_the_lead_of_another_group(
    client, touched_by, other_lead
):
    touched_by(other_lead)
    assert SECRET not in _dashboard(client, other_lead).content.decode()


def test_dashboard_shows_the_page_to_the_lead_of_its_group(client, touched_by, lead):
    touched_by(lead)
    assert _dashboard(client, lead).content.decode().count(SECRET) >= 2  # edits and locks


def test_page_count_leaves_out_what_the_user_may_not_view(client, private_group, other_lead, lead):
    before = {user: _page_count(_dashboard(client, user)) for user in (other_lead, lead)}
    private_group.news.delete()
    after = {user: _page_count(_dashboard(client, user)) for user in (other_lead, lead)}
    assert after[other_lead] == before[other_lead]
    assert after[lead] == before[lead] - 1


def test_locked_pages_report_hides_a_private_page(client, touched_by, other_lead):
    """Wagtail lists the pages a user locked, even those they may no longer view."""
    touched_by(other_lead)
    client.force_login(other_lead)
    response = client.get("/admin/reports/locked/")
    assert response.status_code in (200, 302, 403)  # leads may not unlock: turned away
    assert SECRET not in response.content.decode()


def test_site_history_hides_documents_of_a_private_collection(
    client, private_group, other_lead, editor
):
    log(instance=private_group.document, action="wagtail.create", user=editor)
    client.force_login(other_lead)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Compte rendu secret" not in response.content.decode()
