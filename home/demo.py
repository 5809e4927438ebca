"""Demo pages of the home app: the home page, news, agenda, free pages and site settings.

The facts come from the network's own documents (../shared/seeds/); the words are ours.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Site

from home.models import (
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteIdentitySettings,
)
from home.roles import editors_group_sync

HOME_INTRO = (
    "<p>Retrouvez ici l'actualité du réseau, les prochains rendez-vous, les ressources "
    "partagées et vos groupes de travail.</p>"
)

NEWS = [
    (
        "Le réseau se dote d'un nouveau projet associatif",
        datetime.date(2024, 11, 28),
        "Après huit mois de concertation entre présidences, directions et équipe régionale, "
        "l'assemblée générale a adopté les orientations qui guideront l'association jusqu'en 2027.",
        "Les groupes de concertation se sont réunis de mars à août : une quarantaine de "
        "participations au total. Le texte fixe quatre orientations, déclinées en axes et en "
        "fiches actions suivies chaque année.",
    ),
    (
        "Un groupe de travail régional pour les référents handicap",
        datetime.date(2024, 3, 14),
        "Les référents handicap des Missions Locales disposent désormais de leur propre groupe "
        "régional pour partager outils et pratiques.",
        "Le groupe se réunira plusieurs fois par an. Ses comptes rendus et ses outils seront "
        "publiés dans son espace sur Trame.",
    ),
    (
        "Pacte régional d'investissement dans les compétences : l'ARML signataire",
        datetime.date(2024, 2, 6),
        "L'association régionale a signé le nouveau pacte aux côtés de ses partenaires, "
        "confirmant la place des Missions Locales dans la formation des jeunes.",
        "La signature s'inscrit dans la continuité de la concertation régionale à laquelle le "
        "réseau participe depuis 2018.",
    ),
    (
        "Retour sur la première journée régionale du Contrat d'Engagement Jeune",
        datetime.date(2023, 10, 12),
        "Conseillers et coordonnateurs CEJ de toute la région ont échangé sur un an de mise en "
        "œuvre du dispositif.",
        "Ateliers, témoignages et pistes d'amélioration : les supports de la journée sont "
        "disponibles auprès du groupe des coordonnateurs CEJ.",
    ),
    (
        "Justice : un premier séminaire interrégional des référents",
        datetime.date(2023, 6, 20),
        "Les référents Justice de deux régions voisines se sont retrouvés pour construire une "
        "culture commune de l'accompagnement des jeunes sous main de justice.",
        "Le séminaire a réuni les Missions Locales de Bourgogne-Franche-Comté et du Centre-Val "
        "de Loire.",
    ),
]

# (title, days from the seeding day, duration in hours, place, video link, summary)
EVENTS = [
    ("Comité des directions", 12, 3, "", "https://visio.example.org/comite-directions",
     "Point d'étape sur le suivi du projet associatif et les dossiers régionaux en cours."),
    ("Journée régionale du Contrat d'Engagement Jeune", 30, 7, "Besançon", "",
     "Une journée pour les conseillers et coordonnateurs CEJ : ateliers et retours d'expérience."),
    ("Réunion des référents entreprises", 45, 3, "Dijon", "",
     "Échanges sur la relation aux employeurs et les outils de prospection partagés."),
    ("Séminaire des présidences", 75, 5, "Dole", "",
     "Les élus du réseau travaillent sur la gouvernance et la représentation politique."),
    ("Rentrée des Solutions", 300, 8, "Dans toute la région", "",
     "Les Missions Locales ouvrent leurs portes pour présenter aux jeunes les solutions de "
     "la rentrée."),
]  # fmt: skip

KEY_FIGURES = [
    ("26", "Missions Locales adhérentes"),
    ("229", "lieux d'accueil dans la région"),
    ("41 000", "jeunes accompagnés chaque année"),
    ("669", "professionnels mobilisés"),
]

MILESTONES = [
    ("2016", "Séminaire fondateur à Dole", "Présidences et directions préparent ensemble la future association régionale."),
    ("2017", "Naissance de l'ARML", "Les deux associations régionales fusionnent au 1er janvier."),
    ("2018", "Premier intranet régional", "Le réseau ouvre un espace commun pour ses professionnels."),
    ("2022", "Coordonnateurs CEJ", "Un groupe régional accompagne le déploiement du Contrat d'Engagement Jeune."),
    ("2024", "Nouveau projet associatif", "Les orientations 2024-2027 sont adoptées après une large concertation."),
]  # fmt: skip


def build_demo(demo):
    editors_group_sync()
    home = HomePage.objects.get()
    if home.intro != HOME_INTRO:
        home.intro = HOME_INTRO
        home.summary = "Le tableau de bord des professionnels du réseau."
        home.save_revision().publish()

    news_index = _child(home, NewsIndexPage, slug="actualites", title="Actualités",
                        summary="Les nouvelles du réseau et de ses groupes de travail.")  # fmt: skip
    for title, date, summary, text in NEWS:
        _child(news_index, NewsPage, title=title, date=date, summary=summary, body=_paragraph(text))
    demo.log(f"{len(NEWS)} actualités")

    agenda = _child(home, EventIndexPage, slug="agenda", title="Agenda",
                    summary="Réunions, formations et journées du réseau.")  # fmt: skip
    today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    for title, days, hours, place, video, summary in EVENTS:
        start = today + datetime.timedelta(days=days)
        _child(agenda, EventPage, title=title, start=start,
               end=start + datetime.timedelta(hours=hours), location=place, video_url=video,
               summary=summary, body=_paragraph(summary))  # fmt: skip
    demo.log(f"{len(EVENTS)} événements")

    network = _child(home, ContentPage, slug="le-reseau", title="Le réseau",
                     summary="Les Missions Locales de la région et leur association régionale.",
                     body=_network_body())  # fmt: skip
    about = _child(home, ContentPage, slug="a-propos", title="À propos de Trame",
                   summary="Pourquoi cet intranet et comment l'utiliser.", body=_about_body())  # fmt: skip
    _configure_site(home, [news_index, agenda, network, about])


def _child(parent, model, *, title, slug=None, **fields):
    """The published child of `parent` with this slug, created the first time only."""
    slug = slug or slugify(title)[:80]
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def _network_body():
    return [
        ("paragraph", "<p>Dans chaque territoire de la région, une Mission Locale accueille les "
                      "jeunes de 16 à 25 ans et les accompagne vers l'emploi, la formation et "
                      "l'autonomie : logement, santé, mobilité, droits.</p>"),
        ("key_figures", {"heading": "Le réseau en chiffres",
                         "figures": [{"figure": f, "label": label} for f, label in KEY_FIGURES]}),
        ("timeline", {"heading": "Quelques dates",
                      "events": [{"date": d, "title": t, "text": x} for d, t, x in MILESTONES]}),
    ]  # fmt: skip


def _about_body():
    return [
        ("paragraph", "<p>Trame rassemble en un seul endroit ce que le réseau produit : "
                      "actualités, agenda, ressources, groupes de travail et suivi du projet "
                      "associatif. Son objectif : que chaque professionnel trouve en quelques "
                      "secondes la ressource dont il a besoin.</p>"),
        ("quote", {"quote": "Rendre visibles les ressources produites par le réseau, pour "
                            "qu'elles profitent à tous les professionnels.",
                   "attribution": "Une ambition du projet associatif 2024-2027"}),
    ]  # fmt: skip


def _configure_site(home, navigation_pages):
    site = Site.objects.get(is_default_site=True)
    if site.site_name != "Trame":
        site.site_name = "Trame"
        site.save()
    identity = SiteIdentitySettings.for_site(site)
    if not identity.organisation_name:
        identity.organisation_name = "Association Régionale des Missions Locales"
        identity.contact_email = "contact@arml.example"
        identity.footer_text = "Intranet réservé aux professionnels du réseau des Missions Locales."
        identity.main_navigation = [
            ("link", {"page": page, "label": ""}) for page in [home, *navigation_pages]
        ]
        identity.save()
