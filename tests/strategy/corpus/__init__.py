"""A corpus of plans in the layouts Missions Locales use, each with what it must import to:
its orientations (titles), the number of axes and actions, some action titles and the
sections kept. `levels` is the mapping a person gives when detection cannot decide."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import documents, texts


@dataclass
class CorpusPlan:
    name: str
    build: Callable[[Path], Path]
    title: str
    orientations: list[str]
    axes: int
    actions: int
    action_titles: list[str]
    sections: list[str] = field(default_factory=list)
    levels: str | None = None  # for the mapping step
    action_text: dict[str, str] = field(default_factory=dict)  # title → words of its text


LEVEL_WORDS = {
    "title": "Projet associatif de la Mission Locale du Val d'Ource 2025-2028",
    "orientations": ["Accompagner chaque jeune là où il vit",
                  "Travailler avec les employeurs du bassin"],
    "axes": 3,
    "actions": 5,
    "action_titles": ["Tenir des permanences dans les villages",
                   "Organiser un forum des métiers au printemps"],
    "sections": ["preamble", "values", "conditions"],
}  # fmt: skip

CORPUS = [
    CorpusPlan("level-words-text", documents.text_file(texts.LEVEL_WORDS, "plan.txt"),
               **LEVEL_WORDS),
    CorpusPlan(
        "numbering-only",
        documents.text_file(texts.NUMBERING, "plan.txt"),
        title="Projet associatif de la Mission Locale des Deux Rivières 2024-2028",
        orientations=["Être présents sur tout le territoire",
                      "Construire des parcours vers l'emploi"],
        axes=3,
        actions=6,
        action_titles=["Proposer des rendez-vous en visio",
                       "Suivre les jeunes six mois après leur embauche"],
        sections=["history", "values"],
    ),
    CorpusPlan(
        "markdown",
        documents.text_file(texts.MARKDOWN, "plan.md"),
        title="Projet associatif – Mission Locale de la Vallée Verte 2025-2029",
        orientations=["Garantir l'accès aux droits", "Ouvrir la Mission Locale sur la ville"],
        axes=3,
        actions=4,
        action_titles=["Tenir une permanence avec l'assurance maladie",
                       "Nouer un partenariat avec la médiathèque"],
        sections=["missions", "history"],
    ),
    CorpusPlan(
        "word-heading-styles",
        documents.word_styles,
        title="Projet associatif de la Mission Locale des Monts 2024-2027",
        orientations=["Lever les freins à l'emploi", "Renforcer le lien avec les entreprises",
                      "Faire vivre l'association"],
        axes=4,
        actions=5,
        action_titles=["Créer une plateforme de mobilité avec les communes",
                       "Réunir les administrateurs deux fois par an en séminaire"],
        sections=["preamble", "values", "orientations", "conditions"],
    ),
    CorpusPlan(
        "word-table-of-actions",
        documents.word_table,
        title="Projet associatif de la Mission Locale de la Plaine 2025-2027",
        orientations=["Mieux accueillir", "Travailler en réseau"],
        axes=2,
        actions=3,
        action_titles=["Refaire la signalétique de l'accueil",
                       "Mettre en commun les fiches métiers avec les Missions Locales voisines"],
        sections=["values"],
        action_text={"Refaire la signalétique de l'accueil": "Pilote : Directrice"},
    ),
    CorpusPlan(
        "two-levels",
        documents.text_file(texts.TWO_LEVELS, "plan.txt"),
        title="Plan d'action de la Mission Locale du Littoral 2024-2026",
        orientations=["Orientation du projet"],
        axes=2,
        actions=5,
        action_titles=["Ouvrir un compte sur les réseaux sociaux",
                       "Organiser du covoiturage vers la zone industrielle"],
    ),
    CorpusPlan(
        "libreoffice-odt",
        documents.odt,
        title="Projet associatif de la Mission Locale du Causse 2026-2030",
        orientations=["Une Mission Locale ouverte", "Une Mission Locale reconnue"],
        axes=3,
        actions=4,
        action_titles=["Ouvrir le samedi matin", "Publier un rapport d'activité illustré"],
        sections=["missions"],
    ),
    CorpusPlan(
        "word-typography",
        documents.word_typography,
        title="Projet associatif – Mission Locale du Pays d’Armance 2024-2028",
        orientations=["L’emploi des jeunes, “notre” priorité", "Une équipe qui se forme"],
        axes=3,
        actions=4,
        action_titles=["Créer une classe “passerelle” avec le lycée",
                       "Organiser des « job dating » – deux par an"],
    ),
    CorpusPlan("pdf-text-layer", documents.pdf_text_layer, **LEVEL_WORDS),
    CorpusPlan("pdf-exported-by-libreoffice", documents.pdf_by_libreoffice, **LEVEL_WORDS),
    CorpusPlan(
        "uncertain-then-mapped",
        documents.text_file(texts.UNCERTAIN, "plan.txt"),
        title="Plan d'action de la Mission Locale des Coteaux",
        orientations=["Aller vers les jeunes", "Travailler avec les familles"],
        axes=2,
        actions=3,
        action_titles=["Tenir des stands dans les fêtes de village",
                       "Ouvrir un temps d'accueil pour les parents"],
        levels="Majuscules=orientation,Puce=action",
    ),
]  # fmt: skip
CORPUS_BY_NAME = {plan.name: plan for plan in CORPUS}
