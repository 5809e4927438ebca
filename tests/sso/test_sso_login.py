"""End to end against a real OpenID Connect provider (django-oidc-provider, tests/sso/
provider/): first and second sign-in, linking by verified email, the email-domain table,
claims that may or may not grant rights, a refused unverified email."""

from django.contrib.auth import get_user_model

import pytest

from groups.models import Profile
from home.roles import EDITORS_GROUP_NAME
from sso.models import EmailDomainStructure, ProviderIdentity
from tests.factories.groups import StructureFactory
from tests.factories.users import UserFactory

from .conftest import USERS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

User = get_user_model()


@pytest.fixture
def dijon(db):
    structure = StructureFactory(name="Mission Locale de Dijon", short_name="ML Dijon")
    EmailDomainStructure.objects.create(domain="ml-dijon.test", structure=structure)
    return structure


def test_first_login_creates_the_account_with_the_structure_of_its_email_domain(
    sso_settings, browser, dijon
):
    page = browser.sso_login("camille")

    assert page.status_code == 200
    assert page.url.endswith("/reseau/mon-profil/")
    assert "Camille Martin" in page.text
    user = User.objects.get(email="camille.martin@ml-dijon.test")
    assert (user.first_name, user.last_name) == ("Camille", "Martin")
    assert Profile.objects.get(user=user).structure == dijon
    assert not user.has_usable_password()
    assert not (user.is_staff or user.is_superuser or user.groups.exists())
    identity = ProviderIdentity.objects.get(user=user)
    assert identity.issuer == sso_settings.TRAME_OIDC_ISSUER


def test_second_login_signs_in_the_same_account(sso_settings, browser, oidc_provider, dijon):
    browser.sso_login("camille")
    first = User.objects.get(email="camille.martin@ml-dijon.test")
    other_browser = type(browser)(browser.trame_url, oidc_provider)
    again = other_browser.sso_login("camille")
    other_browser.http.close()

    assert again.status_code == 200
    assert "Camille Martin" in again.text
    assert User.objects.filter(email__iexact="camille.martin@ml-dijon.test").count() == 1
    assert ProviderIdentity.objects.get().user == first


def test_an_existing_account_is_linked_by_its_verified_email(sso_settings, browser, dijon):
    other = StructureFactory(name="Mission Locale d'Auxerre")
    farid = UserFactory(username="fbenali", email="farid.benali@ml-dijon.test")
    Profile.objects.create(user=farid, structure=other)

    page = browser.sso_login("farid")

    assert page.status_code == 200
    assert User.objects.filter(email__iexact="farid.benali@ml-dijon.test").count() == 1
    assert ProviderIdentity.objects.get().user == farid
    # The domain table fills an empty structure only: a chosen one stays.
    assert Profile.objects.get(user=farid).structure == other


def test_an_unverified_email_is_refused_with_a_french_message(sso_settings, browser, dijon):
    page = browser.sso_login("dominique")

    assert page.url.endswith("/connexion/")
    assert "n’est pas vérifiée par le fournisseur d’identité" in page.text
    assert USERS["dominique"]["email"] in page.text
    assert not User.objects.filter(email__iexact=USERS["dominique"]["email"]).exists()
    assert browser.get("/reseau/mon-profil/").url.split("?")[0].endswith("/connexion/")


def test_the_structure_claim_wins_and_a_role_claim_grants_nothing_by_default(
    sso_settings, browser, dijon
):
    beaune = StructureFactory(name="Mission Locale de Beaune")

    browser.sso_login("eva")

    eva = User.objects.get(email="eva.roux@ailleurs.test")
    assert Profile.objects.get(user=eva).structure == beaune
    assert not eva.groups.filter(name=EDITORS_GROUP_NAME).exists()
    assert not (eva.is_staff or eva.is_superuser)


def test_a_configured_role_value_makes_an_editor_never_an_administrator(
    sso_settings, browser, dijon
):
    sso_settings.TRAME_OIDC_EDITOR_ROLE_VALUES = ["editeur"]

    browser.sso_login("gaspard")

    gaspard = User.objects.get(email="gaspard.leroy@ml-dijon.test")
    assert gaspard.groups.filter(name=EDITORS_GROUP_NAME).exists()
    assert not (gaspard.is_staff or gaspard.is_superuser)
    assert browser.get("/admin/").status_code == 200
