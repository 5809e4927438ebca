"""Who a notice is addressed to: the SQL of the home panel and the banner says exactly what
`Audience.people()` says; who may view its page: the SQL of the reach says exactly what
`page_is_visible_to` says."""

from django.contrib.auth import get_user_model

import pytest

from home.visibility import page_is_visible_to, users_who_may_view_page
from participation.notices.models import MustRead

from .conftest import make_notice, person

pytestmark = pytest.mark.django_db


def addressed(notice) -> set[str]:
    return {
        user.username
        for user in get_user_model().objects.all()
        if MustRead.objects.addressed_to(user).filter(pk=notice.pk).exists()
    }


def people(notice) -> set[str]:
    return set(notice.people().values_list("username", flat=True))


def test_structures_and_roles_intersect(resource, network, dijon, adviser_role):
    notice = make_notice(resource, structures=[dijon], job_roles=[adviser_role])

    assert addressed(notice) == people(notice) == {"conseillere-dijon", "conseiller-dijon"}


def test_several_roles_across_structures_add_up(resource, network, adviser_role, director_role):
    notice = make_notice(resource, job_roles=[adviser_role, director_role])

    assert (
        addressed(notice)
        == people(notice)
        == {
            "conseillere-dijon",
            "conseiller-dijon",
            "directrice-dijon",
            "conseiller-besancon",
        }
    )


def test_a_group_targets_its_members_and_combines_with_roles(
    resource, network, private_group, adviser_role
):
    members = make_notice(resource, working_groups=[private_group])
    adviser_members = make_notice(
        resource, working_groups=[private_group], job_roles=[adviser_role]
    )

    assert addressed(members) == people(members) == {"directrice-dijon", "conseiller-besancon"}
    assert addressed(adviser_members) == people(adviser_members) == {"conseiller-besancon"}


def test_naming_nobody_addresses_every_active_account(resource, network, editor):
    gone = person("partie", is_active=False)
    notice = make_notice(resource)

    assert addressed(notice) == people(notice)
    assert gone.username not in addressed(notice)
    assert {"accueil-besancon", "editrice", "conseiller-besancon"} <= addressed(notice)


def test_a_person_without_profile_is_only_in_the_whole_network(resource, dijon):
    person_without_profile = get_user_model().objects.create_user("sans-profil")
    everyone = make_notice(resource)
    dijon_only = make_notice(resource, structures=[dijon])

    assert MustRead.objects.addressed_to(person_without_profile).filter(pk=everyone.pk).exists()
    assert (
        not MustRead.objects.addressed_to(person_without_profile).filter(pk=dijon_only.pk).exists()
    )


def test_the_reach_sql_agrees_with_the_visibility_policy(
    resource, private_resource, network, editor
):
    admin = person("admin", is_superuser=True)
    users = get_user_model().objects.all()
    for page in (resource, private_resource):
        viewers = set(users_who_may_view_page(users, page))
        assert viewers == {user for user in users if page_is_visible_to(page, user)}
    private_viewers = {u.username for u in users_who_may_view_page(users, private_resource)}
    # The editors' group sees every members-only space, as the restriction says.
    assert private_viewers == {
        "directrice-dijon",
        "conseiller-besancon",
        editor.username,
        admin.username,
    }
