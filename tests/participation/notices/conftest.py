import datetime

from django.utils import timezone

import pytest

from groups.models import JobRole, Membership
from groups.services import membership_add
from home.roles import editors_group_sync
from participation.notices.models import MustRead
from tests.factories import (
    ProfileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StructureFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)


def person(username, structure=None, job_role=None, **kwargs):
    return ProfileFactory(
        user=UserFactory(username=username, **kwargs), structure=structure, job_role=job_role
    ).user


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def adviser_role(db):
    return JobRole.objects.get(slug="conseiller")


@pytest.fixture
def director_role(db):
    return JobRole.objects.get(slug="direction")


@pytest.fixture
def dijon(db):
    return StructureFactory(name="Mission Locale de Dijon")


@pytest.fixture
def besancon(db):
    return StructureFactory(name="Mission Locale du Grand Besançon")


@pytest.fixture
def network(dijon, besancon, adviser_role, director_role):
    """Two advisers and a director in Dijon, one adviser in Besançon, one without role."""
    return {
        "adviser_dijon": person("conseillere-dijon", dijon, adviser_role),
        "adviser_dijon_2": person("conseiller-dijon", dijon, adviser_role),
        "director_dijon": person("directrice-dijon", dijon, director_role),
        "adviser_besancon": person("conseiller-besancon", besancon, adviser_role),
        "no_role_besancon": person("accueil-besancon", besancon),
    }


@pytest.fixture
def editor(db):
    user = person("editrice")
    user.groups.add(editors_group_sync())
    return user


@pytest.fixture
def resource(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    return ResourcePageFactory(parent=library, title="Nouvelle procédure d'accueil CEJ")


@pytest.fixture
def private_group(home_page, network):
    """A members-only group: the Dijon director and the Besançon adviser are members."""
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(
        parent=index, title="Groupe direction", slug="groupe-direction", visibility="members"
    )
    membership_add(group=group, user=network["director_dijon"], role=Membership.Role.LEAD)
    membership_add(group=group, user=network["adviser_besancon"])
    return group


@pytest.fixture
def private_resource(private_group):
    return ResourcePageFactory(parent=private_group, title="Note confidentielle de direction")


def make_notice(page, *, structures=(), job_roles=(), working_groups=(), days=10, by=None):
    notice = MustRead.objects.create(
        page=page, message="À lire avant la réunion.", deadline=in_days(days), created_by=by
    )
    notice.structures.set(structures)
    notice.job_roles.set(job_roles)
    notice.working_groups.set(working_groups)
    return notice
