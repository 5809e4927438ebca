"""Demo proposals: the « Bonnes pratiques » index, the review circle, and three proposals
of the demo professional in three states (published with its credit, changes asked for
with the chef de file's comment, waiting for review). Made once; a rerun changes nothing."""

import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.models import Page, Site

from groups.models import Thematic
from home.models import HomePage, SiteIdentitySettings
from participation.proposals.models import GoodPracticeIndexPage, Proposal
from participation.proposals.services import (
    GoodPracticeData,
    ResourceData,
    good_practice_propose,
    proposals_setup,
    resource_propose,
    reviewers_group_sync,
)
from resources.file_builders import build_pdf

INDEX_INTRO = (
    "<p>Ce qui marche dans une Mission Locale peut servir aux autres : chaque bonne pratique "
    "est décrite par son contexte, l'action menée, ses résultats et la personne à contacter. "
    "Proposez les vôtres depuis « Mes propositions ».</p>"
)

PRACTICES = [
    {
        "title": "Un atelier code de la route avec l'auto-école associative",
        "summary": "Des séances de code animées chaque semaine dans nos locaux pour les jeunes "
        "qui préparent le permis.",
        "thematic": "orientation",
        "context": "Le permis reste le premier frein à l'emploi cité par les jeunes de nos "
        "antennes rurales, et les inscriptions en auto-école sont souvent abandonnées faute "
        "d'entraînement au code.",
        "action": "Une convention avec l'auto-école associative du quartier : deux séances "
        "collectives par semaine dans notre salle d'atelier, un accès en ligne aux tests, et un "
        "point d'étape avec le conseiller référent tous les mois.",
        "results": "Sur la première année, trente-deux jeunes inscrits, vingt-quatre reçus à "
        "l'examen du code, dont dix-neuf du premier coup.",
        "contact": "Thomas Girard, conseiller en insertion, par la messagerie de Trame.",
        "decision": "approve",
    },
    {
        "title": "Le petit-déjeuner des employeurs du bassin",
        "summary": "Un rendez-vous trimestriel où les employeurs rencontrent les conseillers et "
        "des jeunes prêts à travailler.",
        "thematic": "relation-entreprises",
        "context": "Les employeurs des petites entreprises connaissaient mal notre offre de "
        "service et nous sollicitaient rarement pour leurs recrutements.",
        "action": "Chaque trimestre, un petit-déjeuner d'une heure dans une entreprise "
        "différente, avec une présentation courte de nos services et des rencontres avec des "
        "jeunes.",
        "results": "Des offres recueillies après chaque rencontre.",
        "contact": "Thomas Girard.",
        "decision": "reject",
        "comment": "Très bonne idée ! Pouvez-vous chiffrer les résultats (nombre d'offres, de "
        "recrutements) et indiquer un moyen de vous joindre ?",
    },
]

RESOURCE = {
    "title": "Fiche pratique : préparer un entretien d'embauche en visio",
    "summary": "Les points à vérifier avec le jeune avant un entretien à distance : matériel, "
    "cadre, posture et relance.",
    "thematic": "relation-entreprises",
    "paragraphs": [
        "Tester la connexion, la caméra et le micro la veille, sur l'appareil qui servira.",
        "Choisir un endroit calme et neutre, prévenir l'entourage.",
        "Garder sous les yeux l'offre, son CV et deux questions à poser au recruteur.",
        "Envoyer un message de remerciement dans la journée.",
    ],
}


def build_demo(demo):
    home = HomePage.objects.get()
    index = GoodPracticeIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=GoodPracticeIndexPage(
                title="Bonnes pratiques",
                slug="bonnes-pratiques",
                intro=INDEX_INTRO,
                summary="Les bonnes pratiques des structures du réseau, à reprendre chez soi.",
            )
        )
        index.save_revision().publish()
    _add_to_navigation(index)
    reviewers_group_sync()
    proposals_setup()
    professional = get_user_model().objects.filter(username="professionnel").first()
    editor = get_user_model().objects.filter(username="editeur").first()
    if professional is None:
        return
    thematics = {thematic.slug: thematic for thematic in Thematic.objects.all()}
    made = set(Proposal.objects.filter(proposer=professional).values_list("page__title", flat=True))
    structure = getattr(getattr(professional, "profile", None), "structure", None)
    created = 0
    for practice in PRACTICES:
        thematic = thematics.get(practice["thematic"])
        if practice["title"] in made or thematic is None:
            continue
        data = GoodPracticeData(
            title=practice["title"],
            summary=practice["summary"],
            thematic=thematic,
            structure=structure,
            **{key: practice[key] for key in ("context", "action", "results", "contact")},
        )
        proposal, _ = good_practice_propose(user=professional, data=data, token=uuid.uuid4())
        _decide(proposal, thematic.lead_people.first() or editor, practice)
        created += 1
    thematic = thematics.get(RESOURCE["thematic"])
    if RESOURCE["title"] not in made and thematic is not None:
        data = ResourceData(title=RESOURCE["title"], summary=RESOURCE["summary"], thematic=thematic,
                            description="\n\n".join(RESOURCE["paragraphs"]))  # fmt: skip
        file = ContentFile(
            build_pdf(RESOURCE["title"], RESOURCE["paragraphs"]), name="entretien-visio.pdf"
        )
        resource_propose(user=professional, data=data, file=file, token=uuid.uuid4())
        created += 1
    demo.log(f"3 propositions de « professionnel » ({created} créées)")


def _decide(proposal, reviewer, practice) -> None:
    if reviewer is None:
        return
    page = Page.objects.get(pk=proposal.page_id)
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(
        task_state.specific, reviewer, practice["decision"], comment=practice.get("comment", "")
    )


def _add_to_navigation(index):
    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    linked = {block.value["page"].pk for block in identity.main_navigation if block.value["page"]}
    if index.pk in linked or len(identity.main_navigation) >= 8:
        return
    identity.main_navigation = [
        *((block.block_type, block.value) for block in identity.main_navigation),
        ("link", {"page": index, "label": ""}),
    ]
    identity.save()
