"""Demo consultations: the network's choice of its 2027 regional days, one voice per Mission
Locale (two have voted), and the annual satisfaction survey, one answer per person."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from groups.models import JobRole, Profile, Structure

from .models import Consultation, Question, Vote
from .services import consultation_announce, delegate_set, vote_cast

# (username, first name, last name, structure short name, job title, role shown at the end)
DIRECTORS = [
    ("directeur", "Éric", "Perrin", "ML Grand Besançon", "Directeur",
     "directeur de ML Grand Besançon (a délégué son vote)"),
]  # fmt: skip

REGIONAL_DAYS = "Journées régionales 2027 : dates, ateliers et priorités"
REGIONAL_DAYS_INTRO = (
    "Le bureau de l'ARML prépare les journées régionales de 2027. Chaque Mission Locale "
    "dispose d'une voix : la direction, ou la personne qu'elle a désignée, répond au nom de "
    "la structure. Le vote peut être modifié jusqu'à la clôture."
)
REGIONAL_DAYS_QUESTIONS = [
    ("À quelle période organiser la journée régionale des conseillers ?", "single",
     "Mars, avant la campagne d'été\nJuin, avant les congés\nOctobre, après la rentrée", True),
    ("Quels ateliers voulez-vous au programme ?", "multiple",
     "Mobilité des jeunes\nAccès au logement\nSanté mentale\nRelation entreprises\n"
     "Outils numériques", True),
    ("Classez les chantiers prioritaires du réseau pour 2027", "ranking",
     "Plan régional de formation des salariés\nObservatoire des jeunes accompagnés\n"
     "Communication commune\nMutualisation des achats", True),
    ("Une proposition à transmettre au bureau ?", "text", "", False),
]  # fmt: skip
# The votes of the two structures that have voted, by the username of their voter.
REGIONAL_DAYS_VOTES = {
    # ML Dijon's director, from the structure spaces' demo (groups/demo.py).
    "direction-dijon": [
        "Juin, avant les congés",
        ["Mobilité des jeunes", "Santé mentale"],
        ["Plan régional de formation des salariés", "Observatoire des jeunes accompagnés",
         "Mutualisation des achats", "Communication commune"],
        "Prévoir un covoiturage organisé depuis le sud de la Côte-d'Or.",
    ],
    "professionnel": [
        "Octobre, après la rentrée",
        ["Mobilité des jeunes", "Relation entreprises"],
        ["Observatoire des jeunes accompagnés", "Plan régional de formation des salariés",
         "Communication commune", "Mutualisation des achats"],
        "",
    ],
}  # fmt: skip

SURVEY = "Questionnaire annuel de satisfaction 2026"
SURVEY_INTRO = (
    "Comme chaque année, l'ARML demande à chaque professionnel·le du réseau son avis sur "
    "l'animation régionale. Les réponses sont individuelles ; les résultats sont présentés "
    "par Mission Locale, sans nom."
)
SURVEY_QUESTIONS = [
    ("Dans l'ensemble, êtes-vous satisfait·e de l'animation du réseau ?", "single",
     "Très satisfait·e\nPlutôt satisfait·e\nPlutôt pas satisfait·e\nPas du tout satisfait·e",
     True),
    ("Quels services de l'ARML avez-vous utilisés cette année ?", "multiple",
     "Formations régionales\nGroupes de travail\nRessources de la bibliothèque\n"
     "Appui juridique et financier", False),
    ("Que devrions-nous améliorer en priorité ?", "text", "", False),
]  # fmt: skip
SURVEY_ANSWERS = [
    ("Plutôt satisfait·e", ["Formations régionales", "Groupes de travail"],
     "Des formations plus proches des territoires ruraux."),
    ("Très satisfait·e", ["Ressources de la bibliothèque"], ""),
    ("Plutôt satisfait·e", ["Groupes de travail", "Appui juridique et financier"],
     "Des comptes rendus de réunion publiés plus vite."),
    ("Plutôt pas satisfait·e", ["Formations régionales"],
     "Les dates des formations tombent souvent pendant les pics d'activité."),
    ("Très satisfait·e", ["Formations régionales", "Ressources de la bibliothèque"], ""),
    ("Plutôt satisfait·e", [], "Mieux faire connaître les outils partagés aux nouveaux arrivants."),
]  # fmt: skip


def build_demo(demo):
    structures = {s.short_name: s for s in Structure.objects.all()}
    people = _directors(demo, structures)
    besancon = structures["ML Grand Besançon"]
    if not hasattr(besancon, "consultation_delegation"):
        professional = get_user_model().objects.get(username="professionnel")
        delegate_set(structure=besancon, delegate=professional, by=people["directeur"])
    regional_days = _consultation(
        REGIONAL_DAYS, REGIONAL_DAYS_INTRO, REGIONAL_DAYS_QUESTIONS, Consultation.Mode.STRUCTURE,
        opened_days_ago=6, closes_in_days=24,
    )  # fmt: skip
    for username, values in REGIONAL_DAYS_VOTES.items():
        user = get_user_model().objects.get(username=username)
        structure = Profile.objects.get(user=user).structure
        if not Vote.objects.filter(consultation=regional_days, structure=structure).exists():
            vote_cast(
                consultation=regional_days, user=user, answers=_answers(regional_days, values)
            )
    consultation_announce(regional_days.pk)  # the voters' notification, once
    survey = _consultation(
        SURVEY, SURVEY_INTRO, SURVEY_QUESTIONS, Consultation.Mode.PERSON,
        opened_days_ago=12, closes_in_days=40,
    )  # fmt: skip
    # Announced to the whole network when it opened: the demo does not notify everyone again.
    Consultation.objects.filter(pk=survey.pk, announced_at=None).update(
        announced_at=survey.opens_at
    )
    respondents = (
        get_user_model()
        .objects.filter(username__startswith="demo-p")
        .order_by("username")[: len(SURVEY_ANSWERS)]
    )
    for user, values in zip(respondents, SURVEY_ANSWERS, strict=False):
        if not Vote.objects.filter(consultation=survey, person=user).exists():
            vote_cast(consultation=survey, user=user, answers=_answers(survey, values))
    demo.log(
        f"2 consultations ({regional_days.votes.count()} structures ont voté, "
        f"{survey.votes.count()} réponses à l'enquête)"
    )


def _directors(demo, structures) -> dict:
    User = get_user_model()
    people = {}
    for username, first_name, last_name, structure, job, role in DIRECTORS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@trame.example",
            },
        )
        if created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        Profile.objects.get_or_create(
            user=user,
            defaults={
                "structure": structures[structure],
                "job_title": job,
                "job_role": JobRole.objects.filter(slug="direction").first(),
            },
        )
        if structures[structure].director_id is None:
            structures[structure].director = user
            structures[structure].save(update_fields=["director"])
        people[username] = user
        demo.logins.append((username, role))
    return people


def _consultation(title, introduction, questions, mode, *, opened_days_ago, closes_in_days):
    now = timezone.now()
    consultation, created = Consultation.objects.get_or_create(
        title=title,
        defaults={
            "introduction": introduction,
            "mode": mode,
            "opens_at": now - datetime.timedelta(days=opened_days_ago),
            "closes_at": now + datetime.timedelta(days=closes_in_days),
        },
    )
    if created:
        for index, (label, kind, options, required) in enumerate(questions):
            Question.objects.create(
                consultation=consultation,
                sort_order=index,
                label=label,
                kind=kind,
                options=options,
                required=required,
            )
    return consultation


def _answers(consultation, values) -> dict:
    return {
        str(question.pk): value
        for question, value in zip(consultation.questions.all(), values, strict=True)
        if value
    }
