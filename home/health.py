"""What `/healthz` reports besides the database. Apps above `home` register their own checks
here (search registers its index), so `home` never imports them.

A check returns the short codes of what is wrong (an empty list when all is well): codes,
never content, since `/healthz` answers without login.
"""

from collections.abc import Callable

_checks: dict[str, Callable[[], list[str]]] = {}


def check_register(name: str, check: Callable[[], list[str]]) -> None:
    _checks[name] = check


def checks_run() -> dict[str, list[str]]:
    return {name: check() for name, check in sorted(_checks.items())}
