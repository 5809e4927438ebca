"""Plans of imaginary Missions Locales, written for these tests in the project's own words,
each in a layout that real plans use. The documents (Word, LibreOffice, PDF) are built from
these at test time by `documents.py`."""

NBSP = "\u00a0"

# The layout of the issue: « Axe stratégique I – … », then « Objectif opérationnel … »,
# then numbered actions.
LEVEL_WORDS = """Projet associatif 2025-2028 de la Mission Locale du Val d'Ource

Préambule

Ce projet a été écrit en un an par les administrateurs, les salariés et des jeunes.

Nos valeurs

- Respect de chaque parcours
- Solidarité entre les territoires

Axe stratégique I – Accompagner chaque jeune là où il vit

Objectif opérationnel 1 : Aller vers les jeunes éloignés
1. Tenir des permanences dans les villages
2. Faire circuler un bus d'information

Objectif opérationnel 2 : Suivre chaque parcours dans la durée
1. Donner à chaque jeune un conseiller référent unique

Axe stratégique II – Travailler avec les employeurs du bassin

Objectif opérationnel 3 : Connaître les besoins des entreprises
1. Rencontrer vingt employeurs chaque année
2. Organiser un forum des métiers au printemps

Évaluation

Le bureau fait le point sur les actions chaque année, en juin.
"""

# Numbering only, in Roman then Arabic figures, sections in capitals.
NUMBERING = """Projet associatif 2024-2028 de la Mission Locale des Deux Rivières

HISTORIQUE

- 1992 : création de l'association par six communes
- 2015 : ouverture de l'antenne de Saint-Clair

I. Être présents sur tout le territoire
I.1 Des permanences proches des jeunes
I.1.1 Ouvrir une permanence chaque semaine dans chaque communauté de communes
I.1.2 Proposer des rendez-vous en visio
I.2 Un accueil sans rendez-vous
I.2.1 Élargir les horaires d'accueil le mercredi
II. Construire des parcours vers l'emploi
II.1 Les métiers qui recrutent
II.1.1 Organiser des visites d'entreprises
II.1.2 Monter des ateliers avec les branches professionnelles
II.1.3 Suivre les jeunes six mois après leur embauche

NOS VALEURS

1. L'écoute
2. L'engagement

Le conseil d'administration relit ce texte chaque automne.
"""

# Markdown with `#` levels and the words « Enjeu », « Chantier », « Piste ».
MARKDOWN = """# Projet associatif 2025-2029 – Mission Locale de la Vallée Verte

Adopté par l'assemblée générale du 12 juin 2025.

## Nos missions

Accueillir, informer et accompagner les jeunes de 16 à 25 ans.

## Enjeu 1 : Garantir l'accès aux droits

### Chantier 1.1 – La santé

- Piste : Tenir une permanence avec l'assurance maladie
- Piste : Proposer un bilan de santé à chaque nouvel inscrit

### Chantier 1.2 – Le logement

- Piste : Réserver des places en foyer de jeunes travailleurs

## Enjeu 2 : Ouvrir la Mission Locale sur la ville

### Chantier 2.1 – La culture

- Piste : Nouer un partenariat avec la médiathèque

## Historique

- 1990 : premier accueil jeunes
- 2010 : fusion avec la permanence d'accueil
"""

# Two levels only: objectives and their actions, under one implicit orientation.
TWO_LEVELS = """Plan d'action de la Mission Locale du Littoral 2024-2026

Objectif 1 : Faire connaître la Mission Locale
- Ouvrir un compte sur les réseaux sociaux
- Intervenir dans les lycées professionnels

Objectif 2 : Aider à la mobilité
- Prêter des scooters aux jeunes en emploi
- Financer une partie du permis de conduire
- Organiser du covoiturage vers la zone industrielle
"""

# No level word, no numbering: the levels cannot be told apart, until mapped.
UNCERTAIN = """Plan d'action de la Mission Locale des Coteaux

ALLER VERS LES JEUNES
- Tenir des stands dans les fêtes de village
- Écrire aux jeunes que l'on n'a pas revus depuis six mois

TRAVAILLER AVEC LES FAMILLES
- Ouvrir un temps d'accueil pour les parents
"""

# Word headings only (built by documents.py): (style, text) pairs.
WORD_STYLES = [
    ("Title", "Projet associatif 2024-2027 de la Mission Locale des Monts"),
    ("Heading 1", "Préambule"),
    ("Normal", "Ce document fixe le cap de l'association pour quatre ans."),
    ("Heading 1", "Nos valeurs"),
    ("List Bullet", "La confiance"),
    ("List Bullet", "La proximité"),
    ("Heading 1", "Nos orientations"),
    ("Normal", "Trois orientations ont été retenues par le conseil d'administration."),
    ("Heading 2", "Lever les freins à l'emploi"),
    ("Heading 3", "La mobilité"),
    ("List Bullet", "Créer une plateforme de mobilité avec les communes"),
    ("List Bullet", "Proposer des ateliers de code de la route"),
    ("Heading 3", "Le logement"),
    ("List Bullet", "Réserver des logements temporaires pour les apprentis"),
    ("Heading 2", "Renforcer le lien avec les entreprises"),
    ("Heading 3", "Le parrainage"),
    ("List Bullet", "Recruter trente parrains issus des entreprises locales"),
    ("Heading 2", "Faire vivre l'association"),
    ("Heading 3", "La vie associative"),
    ("List Bullet", "Réunir les administrateurs deux fois par an en séminaire"),
    ("Heading 1", "Évaluation"),
    ("Normal", "Chaque action a un indicateur suivi par le bureau."),
]

# A table of actions under each objective (built by documents.py), with the column titles
# of two different teams; a deadline in words stays text, a pilot may name a structure.
TABLE_HEADERS = (
    ["N°", "Action", "Pilote", "Échéance", "Indicateur"],
    ["N°", "Fiche action", "Porteur", "Calendrier", "Critères de réussite"],
)
TABLE_PLAN = {
    "title": "Projet associatif 2025-2027 de la Mission Locale de la Plaine",
    "priorities": [
        ("Priorité 1 : Mieux accueillir", [
            ("Objectif 1.1 : Un accueil ouvert à tous", [
                ("1", "Refaire la signalétique de l'accueil", "Directrice", "juin 2027",
                 "Nombre de visites"),
                ("2", "Former l'équipe à l'accueil des jeunes en situation de handicap",
                 "Mission Locale de la Plaine", "30/06/2026",
                 "Salariés formés ; Satisfaction des jeunes accueillis"),
            ]),
        ]),
        ("Priorité 2 : Travailler en réseau", [
            ("Objectif 2.1 : Partager nos outils", [
                ("1", "Mettre en commun les fiches métiers avec les Missions Locales voisines",
                 "Chargée de projet", "Au fil des rencontres", "Fiches partagées"),
            ]),
        ]),
    ],
}  # fmt: skip

# LibreOffice headings (outline levels) with « Ambition », « Volet » and « Fiche action ».
ODT_PLAN = [
    (1, "Projet associatif 2026-2030 de la Mission Locale du Causse"),
    (2, "Nos missions"),
    (0, "Accompagner les jeunes vers l'autonomie et l'emploi."),
    (2, "Ambition 1 – Une Mission Locale ouverte"),
    (3, "Volet A – Les horaires"),
    ("item", "Fiche action 1 : Ouvrir le samedi matin"),
    ("item", "Fiche action 2 : Répondre aux messages dans la journée"),
    (3, "Volet B – Le numérique"),
    ("item", "Fiche action 3 : Proposer un rendez-vous en ligne"),
    (2, "Ambition 2 – Une Mission Locale reconnue"),
    (3, "Volet C – La communication"),
    ("item", "Fiche action 4 : Publier un rapport d'activité illustré"),
]

# Word typography: non-breaking spaces before colons, en dashes, curly quotes, automatic
# list numbers that are not in the text, French heading style names (« Titre 1 »).
TYPOGRAPHY = [
    ("Title", "Projet associatif 2024-2028 – Mission Locale du Pays d’Armance"),
    ("Titre 1", f"Orientation 1{NBSP}: L’emploi des jeunes, “notre” priorité"),
    ("Titre 2", "Axe 1 – Les jeunes sans diplôme"),
    ("List Number", "Créer une classe “passerelle” avec le lycée"),
    ("List Number", "Mobiliser l’apprentissage dans l’artisanat"),
    ("Titre 2", "Axe 2 – Les jeunes diplômés"),
    ("List Number", f"Organiser des « job dating »{NBSP}– deux par an"),
    ("Titre 1", f"Orientation 2{NBSP}: Une équipe qui se forme"),
    ("Titre 2", "Axe 3 – La formation continue"),
    ("List Number", "Offrir à chaque conseiller trois jours de formation par an"),
]
