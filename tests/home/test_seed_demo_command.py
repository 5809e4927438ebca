"""The `seed_demo` command itself, without the demo built: what it prints and what it refuses
(tests/home/test_seed_demo.py checks the demo it builds)."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_password(settings):
    settings.DEMO_PASSWORD = "mot-de-passe-demo"


def test_logins_are_printed(demo_password, capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out
    for username in ["admin", "editeur", "animateur", "professionnel"]:
        assert username in output


def test_default_password_is_refused_without_debug(settings):
    settings.DEBUG = False
    settings.DEMO_PASSWORD = ""
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("seed_demo")
    assert not get_user_model().objects.filter(username="admin").exists()
