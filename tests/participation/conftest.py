import pytest

from groups.models import Membership
from groups.services import membership_add
from tests.factories import (
    ProfileFactory,
    ThematicFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


def make_person(username, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs)).user


@pytest.fixture
def reader(db):
    return make_person("lecteur", first_name="Inès", last_name="Garnier", email="ines@example.org")


@pytest.fixture
def other(db):
    return make_person("autre", first_name="Marc", last_name="Roux", email="marc@example.org")


@pytest.fixture
def group_index(home_page):
    return WorkingGroupIndexPageFactory(parent=home_page)


@pytest.fixture
def mobility(db):
    return ThematicFactory(name="Mobilité", slug="mobilite")


@pytest.fixture
def open_group(group_index, mobility):
    group = WorkingGroupPageFactory(
        parent=group_index, title="Mobilité des jeunes", slug="mobilite-jeunes"
    )
    group.thematics.add(mobility)
    group.save()
    return group


@pytest.fixture
def private_group(group_index):
    """A members-only group; `lead` is its lead."""
    lead = make_person("animatrice", first_name="Nadia", last_name="Benali")
    group = WorkingGroupPageFactory(
        parent=group_index, title="Référents Justice", slug="referents-justice",
        visibility="members",
    )  # fmt: skip
    membership_add(group=group, user=lead, role=Membership.Role.LEAD)
    group.lead = lead
    return group
