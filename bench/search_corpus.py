"""Generated French resources about youth employment, for `bench/search.py`.

Each resource has a title, a two-sentence summary and 2 to 5 KB of "document text" built from
the vocabulary below. A few query words are placed at controlled rates (`CONTROLLED`), by the
resource's number, so every run at a given size has exactly the same number of matches; the
filler vocabulary never contains them (nor a word with the same French stem).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SUBJECTS = [
    "La Mission Locale", "Le conseiller", "La conseillère référente", "L'équipe d'accueil",
    "Le réseau régional", "Chaque jeune accompagné", "Le partenaire employeur",
    "La direction", "Le chargé de relations entreprises", "La plateforme mobilité",
    "L'ARML", "France Travail", "La Région", "Le département", "Le centre de formation",
    "L'organisme de formation", "Le groupe de travail", "La cheffe de projet",
    "Le comité de pilotage", "L'antenne rurale", "Le point information jeunesse",
    "La psychologue du travail", "L'éducateur de prévention", "Le centre social",
]  # fmt: skip
VERBS = [
    "accompagne", "oriente", "informe", "soutient", "mobilise", "finance", "évalue",
    "organise", "coordonne", "propose", "prépare", "suit", "présente", "anime",
    "développe", "renforce", "facilite", "construit", "recense", "valorise", "relance",
    "consolide", "ouvre", "adapte",
]  # fmt: skip
OBJECTS = [
    "les jeunes de seize à vingt-cinq ans", "les parcours d'insertion", "l'accès à l'emploi",
    "les démarches de logement", "l'accès aux soins", "la formation qualifiante",
    "les projets d'apprentissage", "l'entrée en alternance", "les aides financières",
    "le diagnostic de situation", "le projet professionnel", "les ateliers collectifs",
    "les entretiens individuels", "la recherche de stage", "les immersions en entreprise",
    "la découverte des métiers", "le repérage des jeunes invisibles", "l'allocation PACEA",
    "la garantie de ressources", "les droits sociaux", "la santé mentale",
    "la mobilité internationale", "les permis de travail", "le service civique",
    "les offres d'emploi saisonnier", "le bilan de compétences", "la remobilisation",
    "l'hébergement d'urgence", "la prévention du décrochage", "la validation des acquis",
    "les épreuves du baccalauréat professionnel", "la lutte contre les discriminations",
    "le parrainage par des bénévoles", "les contrats aidés", "la création d'activité",
    "l'orientation scolaire", "la couverture maladie", "les transports solidaires",
    "le budget du ménage", "les outils numériques",
]  # fmt: skip
COMPLEMENTS = [
    "en milieu rural", "dans les quartiers prioritaires", "avec les partenaires du territoire",
    "tout au long du parcours", "en lien avec les employeurs", "grâce au fonds d'aide aux jeunes",
    "dans le cadre du programme régional", "pendant la période d'essai",
    "après la sortie du dispositif", "au sein du bassin d'emploi",
    "avec l'appui des éducateurs", "selon les besoins repérés", "lors du premier accueil",
    "en complément de l'accompagnement global", "sans rupture de parcours",
    "pour conduire le projet jusqu'au bout", "avant la signature du contrat",
    "chaque semaine", "dès les premiers jours", "auprès des familles",
    "en visioconférence", "sur rendez-vous", "avec un suivi renforcé", "à titre expérimental",
]  # fmt: skip
TITLE_KINDS = [
    "Guide pratique", "Fiche repère", "Compte rendu", "Note d'analyse", "Bilan annuel",
    "Cahier des charges", "Étude régionale", "Kit d'animation", "Retour d'expérience",
    "Présentation", "Tableau de bord", "Convention type",
]  # fmt: skip
TITLE_TOPICS = [
    "l'accès au logement", "la mobilité", "l'apprentissage", "la santé", "la formation",
    "l'insertion professionnelle", "l'orientation", "l'emploi saisonnier", "le numérique",
    "la citoyenneté", "le sport et la culture", "la remobilisation", "le décrochage scolaire",
    "les métiers du soin", "les métiers de l'industrie", "l'accompagnement global",
]  # fmt: skip
TITLE_ENDS = [
    "en milieu rural", "dans les quartiers", "en 2025", "pour les conseillers",
    "avec les entreprises", "du réseau", "en Bretagne", "en Occitanie", "en Normandie",
    "à destination des partenaires", "", "", "",
]  # fmt: skip


@dataclass(frozen=True)
class Controlled:
    """A query placed in resource number n when `n % modulo == remainder`."""

    name: str
    query: str  # what the benchmark types in the search box
    modulo: int
    remainder: int
    sentence: str  # inserted somewhere in the document text of those resources

    def applies(self, number: int) -> bool:
        return number % self.modulo == self.remainder


CONTROLLED = [
    Controlled(
        "rare", "ostréiculture", 1000, 7,
        "Une découverte de l'ostréiculture est proposée aux jeunes du littoral.",
    ),
    Controlled(
        "medium", "covoiturage", 10, 3,
        "Une aide au covoiturage facilite les trajets vers le lieu de stage.",
    ),
    Controlled(
        "phrase", '"permis de conduire"', 20, 11,
        "Le financement du permis de conduire reste une demande fréquente des jeunes.",
    ),
    Controlled(
        "accent", "securite", 50, 13,
        "La sécurité au travail est abordée dès l'entrée en entreprise.",
    ),
    Controlled(
        "acronym", "CEJ", 33, 5,
        "Le CEJ prévoit quinze à vingt heures d'activité par semaine.",
    ),
    # The same resources are found by "CEJ" through the synonym group of `SYNONYMS`.
    Controlled(
        "acronym", "CEJ", 33, 21,
        "Le contrat d'engagement jeune prévoit un accompagnement intensif.",
    ),
]  # fmt: skip
SYNONYMS = ["CEJ\nContrat d'Engagement Jeune"]

# name -> (query, fraction of resources it matches); "every" is in every title, "words" in
# every summary ("aux jeunes et aux conseillers"), "facet" is "every" with a filter.
QUERIES = {
    "rare": ("ostréiculture", 1 / 1000),
    "medium": ("covoiturage", 1 / 10),
    "every": ("jeunes", 1.0),
    "phrase": ('"permis de conduire"', 1 / 20),
    "accent": ("securite", 1 / 50),
    "acronym": ("CEJ", 2 / 33),
    "words": ("jeunes conseillers", 1.0),
    "facet": ("jeunes", 1.0),
}
# name -> the facet filters of that query, as in the search page's URL.
FILTERS = {"facet": {"kind": ("document",)}}
# Autocomplete prefixes: rare (0.1% of titles), medium (5%), every title; two letters (many
# words start with them: "pour" and "pratique" in every title); several words, the last one a
# prefix ("jeunes en Bretagne", one title in 13).
PREFIXES = {
    "rare": "ostr",
    "medium": "covoit",
    "every": "jeun",
    "two": "po",
    "words": "jeunes en bre",
}


@dataclass
class Resource:
    number: int
    title: str
    summary: str
    text: str  # document text, the summary first
    year: int


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(COMPLEMENTS)}."
    )


def title(number: int, rng: random.Random) -> str:
    topic = rng.choice(TITLE_TOPICS)
    if CONTROLLED[0].applies(number):
        topic = "l'ostréiculture et les métiers de la mer"
    elif CONTROLLED[1].applies(number) and number % 20 == 3:
        topic = "le covoiturage"
    end = rng.choice(TITLE_ENDS)
    return f"{rng.choice(TITLE_KINDS)} : {topic} pour les jeunes {end}".strip()


def resource(number: int, seed: int = 5) -> Resource:
    rng = random.Random(seed * 1_000_003 + number)
    summary = f"{sentence(rng)} Ce document s'adresse aux jeunes et aux conseillers."
    size = rng.randint(2000, 5000)
    sentences: list[str] = []
    length = len(summary)
    while length < size:
        sentences.append(sentence(rng))
        length += len(sentences[-1]) + 1
    for controlled in CONTROLLED:
        if controlled.applies(number):
            sentences.insert(rng.randrange(len(sentences) + 1), controlled.sentence)
    paragraphs = [summary]
    for start in range(0, len(sentences), 5):
        paragraphs.append(" ".join(sentences[start : start + 5]))
    return Resource(
        number=number,
        title=title(number, rng),
        summary=summary,
        text="\n\n".join(paragraphs),
        year=2017 + number % 10,
    )


def expected_matches(name: str, count: int) -> int:
    """How many of `count` resources a controlled query should find."""
    if QUERIES[name][1] == 1.0:
        return count
    return sum(sum(1 for n in range(count) if c.applies(n)) for c in CONTROLLED if c.name == name)
