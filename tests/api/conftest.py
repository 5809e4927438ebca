from django.test import Client

import pytest

from api.tokens import token_create
from tests.groups.conftest import (  # noqa: F401 - fixtures shared with the groups suite
    editor,
    group_index,
    justice,
    lead,
    make_person,
    member,
    open_group,
    outsider,
    private_group,
)


def token_client(user, scope="read", **kwargs):
    """A client that sends only a personal token (no session, no CSRF cookie)."""
    _token, clear = token_create(user=user, name="Outil", scope=scope, **kwargs)
    return Client(HTTP_AUTHORIZATION=f"Bearer {clear}"), clear


@pytest.fixture
def api_token_client():
    return token_client
