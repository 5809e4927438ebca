from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from home.roles import editors_group_sync
from participation.proposals.models import GoodPracticeIndexPage
from resources.file_builders import build_pdf
from tests.factories import (
    ProfileFactory,
    ResourceIndexPageFactory,
    StructureFactory,
    ThematicFactory,
    UserFactory,
)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def practices(home_page):
    index = GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques")
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def structure(db):
    return StructureFactory(name="Mission Locale du Jura")


@pytest.fixture
def thematic(db):
    return ThematicFactory(name="Mobilité", slug="mobilite")


@pytest.fixture
def other_thematic(db):
    return ThematicFactory(name="Logement", slug="logement")


@pytest.fixture
def proposer(structure):
    return ProfileFactory(
        user=UserFactory(username="camille", first_name="Camille", last_name="Roux"),
        structure=structure,
    ).user


@pytest.fixture
def chef_de_file(thematic):
    user = ProfileFactory(user=UserFactory(username="chef", first_name="Hugo")).user
    thematic.lead_people.add(user)
    return user


@pytest.fixture
def other_chef(other_thematic):
    user = ProfileFactory(user=UserFactory(username="autre-chef")).user
    other_thematic.lead_people.add(user)
    return user


@pytest.fixture
def editor(db):
    user = ProfileFactory(user=UserFactory(username="editrice")).user
    user.groups.add(editors_group_sync())
    return user


@pytest.fixture
def colleague(structure):
    return ProfileFactory(user=UserFactory(username="collegue"), structure=structure).user


def pdf_upload(name="guide-mobilite.pdf", title="Guide mobilité"):
    return SimpleUploadedFile(
        name, build_pdf(title, ["Aides au permis et transport solidaire."]), "application/pdf"
    )


def practice_data(thematic, structure, **overrides) -> dict:
    data = {
        "token": "6f1c1e9e-4a57-4d64-9a47-9e0c7f6c0a11",
        "title": "Un garage solidaire pour les jeunes",
        "summary": "Des réparations à prix coûtant pour garder son emploi.",
        "thematic": thematic.pk,
        "structure": structure.pk,
        "context": "Beaucoup de jeunes perdent leur emploi faute de voiture en état.",
        "action": "Un partenariat avec un garage associatif du quartier.",
        "results": "Quarante jeunes aidés la première année.",
        "contact": "Camille Roux, conseillère mobilité.",
    }
    data.update(overrides)
    return data


def resource_data(thematic, **overrides) -> dict:
    data = {
        "token": "0d2a7a4e-5a3b-43d1-8c2f-1b5a1f1e2c33",
        "title": "Guide des aides à la mobilité",
        "summary": "Toutes les aides au permis et au transport, département par département.",
        "thematic": thematic.pk,
        "audience": "everyone",
        "description": "Premier paragraphe.\n\nSecond paragraphe.",
        "file": pdf_upload(),
    }
    data.update(overrides)
    return data
