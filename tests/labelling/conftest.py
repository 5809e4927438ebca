import pytest

from home.roles import editors_group_sync
from labelling.models import Chapter, Criterion, Level, Referential
from tests.factories import ProfileFactory, StructureFactory, UserFactory


def person(username, structure, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs), structure=structure).user


@pytest.fixture
def referential(db):
    referential = Referential.objects.create(title="Référentiel d'essai", is_current=True)
    for number, title in ((1, "Accueillir"), (2, "Accompagner")):
        chapter = Chapter.objects.create(
            referential=referential, number=str(number), title=title, sort_order=number
        )
        for index in (1, 2):
            Criterion.objects.create(
                chapter=chapter,
                number=f"{number}.{index}",
                title=f"Critère {number}.{index}",
                sort_order=index,
            )
    return referential


@pytest.fixture
def criteria(referential):
    return list(Criterion.objects.filter(chapter__referential=referential))


@pytest.fixture
def dijon(db):
    return StructureFactory(name="Mission Locale de Dijon", short_name="ML Dijon")


@pytest.fixture
def beaune(db):
    return StructureFactory(name="Mission Locale de Beaune", short_name="ML Beaune")


@pytest.fixture
def director(dijon):
    user = person("directrice", dijon, first_name="Inès", last_name="Morel")
    dijon.director = user
    dijon.save(update_fields=["director"])
    return user


@pytest.fixture
def colleague(dijon):
    return person("conseiller", dijon)


@pytest.fixture
def outsider(beaune):
    return person("voisine", beaune)


@pytest.fixture
def regional_editor(db):
    user = person("editrice", StructureFactory(name="ARML", short_name="ARML"))
    user.groups.add(editors_group_sync())
    return user


def answers_post(criteria, levels, version=0, **extra):
    data = {"version": version}
    for criterion, level in zip(criteria, levels, strict=True):
        data[f"c{criterion.pk}_level"] = int(level)
        data[f"c{criterion.pk}_comment"] = ""
    data.update(extra)
    return data


ALL_ACHIEVED = [Level.ACHIEVED] * 4
