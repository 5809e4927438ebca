import pytest

from legal.setup import ensure_legal_pages
from tests.groups.conftest import (  # noqa: F401 - fixtures shared with the groups suite
    editor,
    group_index,
    justice,
    lead,
    member,
    outsider,
    private_group,
)


@pytest.fixture
def legal_pages(home_page):
    return ensure_legal_pages(home_page)
