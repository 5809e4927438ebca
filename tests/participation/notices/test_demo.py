"""The demo shows must-read notices: one for every adviser, one for the directors, some
already read; a second run changes nothing."""

from io import StringIO

from django.core.management import call_command

import pytest

from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notices.models import Acknowledgement, MustRead
from participation.notices.selectors import reach

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "notices": list(MustRead.objects.order_by("pk").values_list("pk", "page_id", "deadline")),
        "acknowledgements": Acknowledgement.objects.count(),
        "notifications": Notification.objects.filter(kind=NotificationKind.MUST_READ).count(),
    }


def test_the_demo_has_notices_with_readers_and_a_second_run_changes_nothing(settings, client):
    settings.DEMO_PASSWORD = "mot-de-passe-demo"
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()

    advisers = MustRead.objects.get(job_roles__slug="conseiller")
    figures = reach(advisers)
    assert figures.total.targeted >= 5
    assert 0 < figures.total.read < figures.total.targeted
    assert MustRead.objects.filter(job_roles__slug="direction").exists()
    assert first["notifications"] >= figures.total.targeted - 1

    client.login(username="professionnel", password="mot-de-passe-demo")
    assert (
        "Fiche pratique : mobiliser le compte personnel de formation"
        in client.get("/").content.decode()
    )

    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first
