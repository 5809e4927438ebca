"""A site with an open group, a members-only group X (a lead, a member) and people outside
it: the pages comments are written on, and who may or may not see them."""

import pytest

from groups.models import Membership
from groups.services import membership_add
from home.roles import editors_group_sync
from tests.factories import (
    ContentPageFactory,
    NetworkDirectoryPageFactory,
    NewsPageFactory,
    ProfileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


def make_person(username, first_name, last_name, **kwargs):
    return ProfileFactory(
        user=UserFactory(username=username, first_name=first_name, last_name=last_name, **kwargs)
    ).user


@pytest.fixture
def people(db):
    editor = make_person("editrice", "Julie", "Moreau")
    editor.groups.add(editors_group_sync())
    return {
        "lead": make_person("nadia", "Nadia", "Benali"),
        "member": make_person("paul", "Paul", "Durand"),
        "outsider": make_person("lea", "Léa", "Petit"),
        "other": make_person("thomas", "Thomas", "Girard"),
        "editor": editor,
    }


@pytest.fixture
def site(home_page, people):
    directory = NetworkDirectoryPageFactory(parent=home_page)
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group_x = WorkingGroupPageFactory(parent=index, title="Groupe Mobilité", visibility="members")
    group_x.save()
    open_group = WorkingGroupPageFactory(parent=index, title="Groupe ouvert")
    open_group.save()
    membership_add(group=group_x, user=people["member"])
    membership_add(group=group_x, user=people["lead"], role=Membership.Role.LEAD)
    library = ResourceIndexPageFactory(parent=home_page)
    return {
        "directory": directory,
        "group_x": group_x,
        "open_group": open_group,
        "private": NewsPageFactory(parent=group_x, title="Compte rendu du covoiturage"),
        "public": ContentPageFactory(parent=home_page, title="Charte du réseau", slug="charte"),
        "resource": ResourcePageFactory(parent=library, title="Guide de l'accueil"),
        "open_news": NewsPageFactory(parent=open_group, title="Actualité du groupe ouvert"),
    }


@pytest.fixture
def login(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in
