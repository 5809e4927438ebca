"""The demo that `seed_demo` builds, built once for this module (`demo_network`)."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from groups.models import Profile, Structure, Thematic
from home.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "users": list(
            get_user_model().objects.order_by("username").values_list("username", "password")
        ),
        "structures": Structure.objects.count(),
        "profiles": Profile.objects.count(),
    }


def test_seed_builds_the_demo_network(demo_network, client):
    assert Structure.objects.filter(kind="arml").count() == 1
    assert Structure.objects.filter(kind="mission_locale").count() == 26
    assert Thematic.objects.count() == 8
    assert all(t.lead_structures.exists() for t in Thematic.objects.all())
    assert NewsPage.objects.live().count() >= 5
    assert EventPage.objects.upcoming().count() >= 4
    for username in ["admin", "editeur", "animateur", "professionnel"]:
        assert client.login(username=username, password="mot-de-passe-demo"), username
    assert get_user_model().objects.get(username="editeur").has_perm("wagtailadmin.access_admin")


def test_second_run_changes_nothing(demo_network):
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def test_demo_never_copies_the_seed_documents(demo_network):
    """The demo is written in our own words: no sentence of the seeds appears in it."""
    from pathlib import Path

    from django.conf import settings

    seeds = Path(settings.BASE_DIR).parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip(f"seed documents not found at {seeds}")
    seed_text = " ".join(p.read_text() for p in seeds.glob("0*.txt"))
    for page in Page.objects.live().specific():
        for sentence in str(getattr(page, "summary", "")).split(". "):
            if len(sentence) > 40:
                assert sentence not in seed_text, sentence


def test_the_demo_navigation_is_valid_for_editors(demo_network):
    """Editors must be able to save the site settings the demo leaves them."""
    from wagtail.models import Site

    from home.models import SiteIdentitySettings

    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    field = SiteIdentitySettings._meta.get_field("main_navigation")
    field.stream_block.clean(identity.main_navigation)  # raises if over the limit
    assert len(identity.main_navigation) >= 8
