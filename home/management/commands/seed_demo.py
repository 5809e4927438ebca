"""Build the demo network, idempotently: a second run changes nothing and duplicates nothing.

Each app contributes through an optional `<app>/demo.py` exposing `build_demo(demo)`, called
in the dependency order of INSTALLED_APPS, so that later issues add their content without
touching this command.
"""

import importlib
import importlib.util
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEFAULT_DEMO_PASSWORD = "trame-demo"  # noqa: S105 - documented demo password, refused without DEBUG


@dataclass
class Demo:
    """What the apps' builders share: the demo password, the logins to print, a log."""

    password: str
    stdout: object
    logins: list[tuple[str, str]] = field(default_factory=list)

    def log(self, message: str) -> None:
        self.stdout.write(f"  {message}")


def demo_password() -> str:
    if settings.DEMO_PASSWORD:
        return settings.DEMO_PASSWORD
    if not settings.DEBUG:
        raise CommandError(
            "Le mot de passe de démonstration par défaut est refusé hors mode DEBUG : "
            "définissez DEMO_PASSWORD."
        )
    return DEFAULT_DEMO_PASSWORD


def demo_builders():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if app_config.path.startswith(str(settings.BASE_DIR)) and importlib.util.find_spec(
            module_name
        ):
            yield app_config.label, importlib.import_module(module_name).build_demo


class Command(BaseCommand):
    help = "Fill the intranet with a believable demo network (safe to rerun)."

    def handle(self, *args, **options):
        started = time.monotonic()
        demo = Demo(password=demo_password(), stdout=self.stdout)
        with transaction.atomic():
            for label, build_demo in demo_builders():
                self.stdout.write(f"{label} :")
                build_demo(demo)
        self.stdout.write(self.style.SUCCESS(f"Démo prête en {time.monotonic() - started:.1f} s."))
        self.stdout.write("Comptes de démonstration :")
        for username, role in demo.logins:
            self.stdout.write(f"  {username:<14} {role:<40} mot de passe : {demo.password}")
