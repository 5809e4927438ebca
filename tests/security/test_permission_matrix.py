"""Each role against each object kind on every surface, as listed in tests/security/matrix.py
(and rendered into docs/security.md): a surface shows an object to exactly the roles the
matrix allows, and to nobody else."""

import pathlib

from django.core.cache import cache
from django.db import transaction
from django.test import Client

import pytest

from home.models import HomePage
from tests.security import admin_probes, probes
from tests.security.matrix import EXPECTED, ROLES, SURFACES, cells
from tests.security.render import DOC_PATH, render_security_doc
from tests.security.site import build_matrix_site


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The site, built once for the module in a transaction rolled back at its end; each
    test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            yield build_matrix_site(HomePage.objects.get())
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def observed_roles(site, kind, surface) -> tuple:
    probe = getattr(probes, surface, None) or getattr(admin_probes, surface)
    seen = []
    for role, user in site.users.items():
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        if probe(site, kind, client, user):
            seen.append(role)
        cache.clear()  # cached fragments and permissions are per test, not per role
    return tuple(seen)


@pytest.mark.parametrize(
    "kind,surface,allowed", [pytest.param(*cell, id=f"{cell[0]}-{cell[1]}") for cell in cells()]
)
def test_surface_shows_the_object_to_exactly_the_allowed_roles(site, db, kind, surface, allowed):
    observed = observed_roles(site, kind, surface)
    assert observed == tuple(role for role in ROLES if role in allowed), observed


def test_every_kind_has_a_cell_for_every_surface_and_names_known_roles():
    for row in EXPECTED.values():
        assert set(row) == set(SURFACES)
        for allowed in row.values():
            assert allowed is None or set(allowed) <= set(ROLES)


def test_committed_security_doc_is_rendered_from_the_matrix():
    committed = pathlib.Path(DOC_PATH).read_text(encoding="utf-8")
    assert committed == render_security_doc(), (
        "docs/security.md differs from the matrix: run `python -m tests.security.render`"
    )
