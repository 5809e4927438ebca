import datetime

from django.utils import timezone

import pytest

from home.roles import editors_group_sync
from participation.consultations.models import Consultation, Question
from tests.factories import ProfileFactory, StructureFactory, UserFactory

QUESTIONS = [
    ("Quel calendrier pour la journée régionale ?", Question.Kind.SINGLE, "Mars\nJuin\nOctobre"),
    ("Quels ateliers retenir ?", Question.Kind.MULTIPLE, "Mobilité\nLogement\nNumérique"),
    ("Classez les priorités", Question.Kind.RANKING, "Formation\nCommunication\nObservatoire"),
    ("Une remarque ?", Question.Kind.TEXT, ""),
]


def person(username, structure, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs), structure=structure).user


def make_consultation(structures=(), *, opens_in_days=-1, closes_in_days=7, **fields):
    now = timezone.now()
    consultation = Consultation.objects.create(
        title=fields.pop("title", "Calendrier des rencontres régionales"),
        opens_at=now + datetime.timedelta(days=opens_in_days),
        closes_at=now + datetime.timedelta(days=closes_in_days),
        **fields,
    )
    consultation.structures.set(structures)
    for index, (label, kind, options) in enumerate(QUESTIONS):
        Question.objects.create(
            consultation=consultation,
            sort_order=index,
            label=label,
            kind=kind,
            options=options,
            required=kind != Question.Kind.TEXT,
        )
    return consultation


def answers_for(consultation, single="Juin", multiple=("Mobilité",), text="RAS"):
    questions = list(consultation.questions.all())
    return {
        str(questions[0].pk): single,
        str(questions[1].pk): list(multiple),
        str(questions[2].pk): ["Formation", "Observatoire", "Communication"],
        str(questions[3].pk): text,
    }


def vote_post(consultation, single="Juin", multiple=("Mobilité",), ranks=(1, 3, 2), text=""):
    """The POST data of the vote form."""
    questions = list(consultation.questions.all())
    data = {f"q{questions[0].pk}": single, f"q{questions[1].pk}": list(multiple)}
    for index, rank in enumerate(ranks):
        data[f"q{questions[2].pk}_rang_{index}"] = str(rank)
    data[f"q{questions[3].pk}"] = text
    return data


@pytest.fixture
def network(db):
    """Two invited Missions Locales (Dijon voted by its director, Beaune by a delegate the
    director named) and a third one left out; an editor."""
    dijon = StructureFactory(name="Mission Locale de Dijon")
    beaune = StructureFactory(name="Mission Locale de Beaune")
    vesoul = StructureFactory(name="Mission Locale de Vesoul")
    people = {
        "dijon_director": person("directrice-dijon", dijon, first_name="Claire", last_name="Roy"),
        "dijon_adviser": person("conseiller-dijon", dijon, first_name="Hugo", last_name="Petit"),
        "beaune_director": person("directeur-beaune", beaune, first_name="Marc", last_name="Blanc"),
        "beaune_delegate": person("deleguee-beaune", beaune, first_name="Inès", last_name="Roux"),
        "vesoul_director": person("directeur-vesoul", vesoul),
        "editor": person("editrice", None, first_name="Julie", last_name="Morel"),
    }
    people["editor"].groups.add(editors_group_sync())
    dijon.director = people["dijon_director"]
    dijon.save()
    beaune.director = people["beaune_director"]
    beaune.save()
    vesoul.director = people["vesoul_director"]
    vesoul.save()
    from participation.consultations.services import delegate_set

    delegate_set(structure=beaune, delegate=people["beaune_delegate"], by=people["beaune_director"])
    return {"dijon": dijon, "beaune": beaune, "vesoul": vesoul, **people}


@pytest.fixture
def consultation(network):
    return make_consultation([network["dijon"], network["beaune"]])


def cast(consultation, user, **answers):
    """Vote through the service, with `answers_for`'s answers."""
    from participation.consultations.services import vote_cast

    return vote_cast(
        consultation=consultation, user=user, answers=answers_for(consultation, **answers)
    )
