"""Creating a notice in the admin tells, once committed, each targeted person who may view
its page, and nobody else; an edit that widens the audience tells only the newcomers."""

from django.db import transaction

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notices.models import MustRead
from participation.notices.services import must_read_notify_on_commit

from .conftest import in_days, make_notice

ADD_URL = "/admin/snippets/participation_notices/mustread/add/"


def notified() -> set[str]:
    return set(
        Notification.objects.filter(kind=NotificationKind.MUST_READ).values_list(
            "recipient__username", flat=True
        )
    )


def form_data(page, **audience):
    return {
        "page": page.pk,
        "message": "Le circuit d'accueil change au 1er janvier.",
        "deadline": in_days(14).isoformat(),
        **audience,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_created_in_the_admin_the_notice_reaches_the_role_once_committed(
    client, editor, resource, network, adviser_role
):
    client.force_login(editor)

    response = client.post(ADD_URL, form_data(resource, job_roles=[adviser_role.pk]))

    notice = MustRead.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/a-lire/{notice.pk}/lecture/"
    assert notice.created_by == editor
    assert notified() == {"conseillere-dijon", "conseiller-dijon", "conseiller-besancon"}
    notification = Notification.objects.filter(kind=NotificationKind.MUST_READ).first()
    assert notification.url == resource.url
    assert "Nouvelle procédure d'accueil CEJ" in notification.message
    assert notification.target == notice


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nobody_who_cannot_view_the_page_is_notified(client, editor, private_resource, network):
    client.force_login(editor)

    client.post(ADD_URL, form_data(private_resource))  # the whole network

    assert notified() == {"directrice-dijon", "conseiller-besancon"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nothing_is_sent_before_the_commit_nor_if_it_rolls_back(resource, network, adviser_role):
    with transaction.atomic():
        notice = make_notice(resource, job_roles=[adviser_role])
        must_read_notify_on_commit(notice)
        assert notified() == set()
    assert len(notified()) == 3

    with pytest.raises(RuntimeError), transaction.atomic():
        other = make_notice(resource, job_roles=[adviser_role])
        must_read_notify_on_commit(other)
        raise RuntimeError
    assert Notification.objects.count() == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_widening_the_audience_tells_only_the_newcomers(
    client, editor, resource, network, dijon, besancon
):
    client.force_login(editor)
    client.post(ADD_URL, form_data(resource, structures=[dijon.pk]))
    notice = MustRead.objects.get()
    assert notified() == {"conseillere-dijon", "conseiller-dijon", "directrice-dijon"}

    edit_url = f"/admin/snippets/participation_notices/mustread/edit/{notice.pk}/"
    response = client.post(edit_url, form_data(resource, structures=[dijon.pk, besancon.pk]))

    assert response.status_code == 302
    assert Notification.objects.count() == 5  # nobody twice
    assert notified() == {
        "conseillere-dijon",
        "conseiller-dijon",
        "directrice-dijon",
        "conseiller-besancon",
        "accueil-besancon",
    }
