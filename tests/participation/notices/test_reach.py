"""The reach report, its CSV and the one reminder: editors only, figures by structure."""

import pytest

from groups.models import Membership
from groups.services import membership_add
from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notices.models import Acknowledgement, MustRead
from participation.notices.selectors import reach

from .conftest import make_notice, person

pytestmark = pytest.mark.django_db


def report_url(notice):
    return f"/admin/a-lire/{notice.pk}/lecture/"


def reminder_url(notice):
    return f"/admin/a-lire/{notice.pk}/rappel/"


@pytest.fixture
def advisers_notice(resource, network, adviser_role):
    notice = make_notice(resource, job_roles=[adviser_role])
    Acknowledgement.objects.create(must_read=notice, user=network["adviser_dijon"])
    return notice


def test_reach_by_structure_and_in_total(advisers_notice):
    figures = reach(advisers_notice)

    rows = [(r.structure, r.targeted, r.read, r.not_yet, r.percentage) for r in figures.rows]
    assert rows == [
        ("Mission Locale de Dijon", 2, 1, 1, 50),
        ("Mission Locale du Grand Besançon", 1, 0, 1, 0),
    ]
    total = figures.total
    assert (total.targeted, total.read, total.not_yet, total.percentage) == (3, 1, 2, 33)
    assert figures.cannot_view == 0


def test_targeted_people_who_cannot_view_are_neither_counted_nor_hidden(
    client, editor, private_resource, network
):
    notice = make_notice(private_resource)  # the whole network on a members-only page
    client.force_login(editor)

    figures = reach(notice)
    content = client.get(report_url(notice)).content.decode()

    # The two members and the editor (who sees every space) may view it; the three others
    # of the network may not.
    assert figures.total.targeted == 3
    assert figures.cannot_view == 3
    assert "3 personnes ciblées ne peuvent pas voir la page" in content


def test_a_person_without_structure_is_counted_apart(resource, adviser_role):
    person("sans-structure", job_role=adviser_role)
    notice = make_notice(resource, job_roles=[adviser_role])

    assert [(r.structure, r.targeted) for r in reach(notice).rows] == [("Sans structure", 1)]


def test_the_report_and_its_csv_for_the_editor(client, editor, advisers_notice):
    client.force_login(editor)

    page = client.get(report_url(advisers_notice))
    export = client.get(report_url(advisers_notice) + "?export=csv")

    assert page.status_code == 200
    assert "Mission Locale de Dijon" in page.content.decode()
    assert "Conseiller·ère" in page.content.decode()
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Structure;Ciblées;Ont lu;Pas encore;Pourcentage de lecture"
    assert "Mission Locale de Dijon;2;1;1;50" in lines
    assert "Total;3;1;2;33" in lines


def test_only_editors_see_the_report_and_send_reminders(
    client, advisers_notice, network, home_page
):
    lead = person("animatrice")
    # A group lead reaches the admin, but has no right on notices.
    from tests.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

    group = WorkingGroupPageFactory(parent=WorkingGroupIndexPageFactory(parent=home_page))
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    for user in (network["adviser_dijon"], lead):
        client.force_login(user)
        for url in (report_url(advisers_notice), reminder_url(advisers_notice)):
            assert client.get(url).status_code in (302, 403), (user, url)
            assert client.get(url + "?export=csv").status_code in (302, 403)
        assert client.post(reminder_url(advisers_notice)).status_code in (302, 403)
        assert client.get("/admin/snippets/participation_notices/mustread/").status_code in (
            302,
            403,
        )
    assert MustRead.objects.get().reminder_sent_at is None
    assert not Notification.objects.exists()


def test_the_reminder_shows_its_reach_then_notifies_those_who_have_not_read_once(
    client, editor, advisers_notice
):
    client.force_login(editor)

    preview = client.get(reminder_url(advisers_notice)).content.decode()
    assert "Le rappel préviendra 2 personnes" in preview
    assert not Notification.objects.exists()  # a preview sends nothing

    client.post(reminder_url(advisers_notice))
    again = client.post(reminder_url(advisers_notice), follow=True).content.decode()

    reminded = Notification.objects.filter(kind=NotificationKind.MUST_READ)
    assert set(reminded.values_list("recipient__username", flat=True)) == {
        "conseiller-dijon",
        "conseiller-besancon",
    }
    assert reminded.count() == 2  # the second click sent nothing
    assert MustRead.objects.get().reminder_sent_at is not None
    assert "Le rappel a déjà été envoyé le" in again
    assert (
        "Le rappel a déjà été envoyé le"
        in client.get(reminder_url(advisers_notice)).content.decode()
    )
