"""Demo library: about forty resources of every type and thematic, each with a real file
(PDF, DOCX, ODT, PPTX, XLSX) written from the demo's own texts, so that the library, its
filters, the extracted text and the previews can be seen from the first run."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection, Site

from groups.models import Structure, Thematic
from home.models import HomePage, SiteIdentitySettings
from resources.file_builders import build_docx, build_odt, build_pdf, build_pptx, build_xlsx
from resources.models import (
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
    ResourcePageLink,
    ResourceType,
    ResourceViewDay,
)

LIBRARY_INTRO = (
    "<p>Guides, fiches pratiques, comptes rendus, supports et outils produits par le réseau : "
    "filtrez par thématique, type ou structure, ou cherchez un mot présent dans les documents.</p>"
)

# (title, type, thematics, producing structure, publication date, format, summary)
RESOURCES = [
    ("Guide du modèle économique des Missions Locales", "guide", ["financement"], "ML Dijon", "2024-09-12", "pdf", "Comprendre les sources de financement d'une Mission Locale et leur évolution sur trois ans."),
    ("Fiche pratique : la comptabilité analytique pas à pas", "fiche-pratique", ["financement"], "ML Chalon", "2024-06-03", "docx", "Les étapes pour répartir charges et produits par action, avec un exemple chiffré."),
    ("Trame de budget prévisionnel d'une action", "modele-trame", ["financement"], "ML Dijon", "2023-11-20", "xlsx", "Un tableau prêt à remplir pour présenter le budget d'une action à un financeur."),
    ("Compte rendu du groupe financement – printemps", "compte-rendu", ["financement"], "ARML BFC", "2024-04-18", "odt", "Échanges sur les conventions pluriannuelles et le suivi des subventions."),
    ("Outil de suivi des conventions de financement", "outil", ["financement"], "ML Chalon", "2024-02-07", "xlsx", "Un tableau de bord des échéances, montants et pièces justificatives par financeur."),
    ("Guide de préparation au label Mission Locale", "guide", ["labellisation"], "ARML BFC", "2024-10-01", "pdf", "Les critères du label, les preuves à rassembler et un calendrier type de préparation."),
    ("Fiche pratique : mutualiser un achat entre structures", "fiche-pratique", ["labellisation"], "ML Grand Besançon", "2023-09-14", "docx", "Groupement de commandes, convention et répartition des coûts : le mode d'emploi."),
    ("Compte rendu de l'atelier mutualisation des services", "compte-rendu", ["labellisation"], "ML Grand Besançon", "2024-05-23", "odt", "Paie, informatique, formation : les services que les structures envisagent de partager."),
    ("Support de présentation : démarche de labellisation", "support-de-presentation", ["labellisation"], "ARML BFC", "2024-03-11", "pptx", "Les diapositives présentées en comité des directions sur la démarche régionale."),
    ("Étude régionale sur les jeunes accompagnés", "etude-observatoire", ["observatoire"], "ML Auxerre", "2024-07-02", "pdf", "Profils, parcours et sorties des jeunes accompagnés dans la région sur l'année écoulée."),
    ("Tableau de bord trimestriel de l'activité", "etude-observatoire", ["observatoire"], "ML Auxerre", "2024-10-15", "xlsx", "Premiers accueils, jeunes en contrat d'engagement et entrées en formation, par département."),
    ("Diagnostic territorial : jeunes des zones rurales", "etude-observatoire", ["observatoire"], "ML Nevers", "2023-12-05", "pdf", "Mobilité, accès aux droits et offre de formation dans les territoires ruraux de la région."),
    ("Note de veille : données sur l'insertion des jeunes", "veille", ["observatoire"], "ARML BFC", "2024-08-26", "docx", "Une sélection commentée de publications récentes sur l'insertion professionnelle des jeunes."),
    ("Guide d'organisation d'un forum de l'orientation", "guide", ["orientation"], "ML Mâcon", "2024-01-17", "pdf", "Du choix de la salle au bilan : organiser un forum avec les partenaires du territoire."),
    ("Support de la journée régionale de l'orientation", "support-de-presentation", ["orientation"], "ML Belfort", "2024-11-08", "pptx", "Les interventions et ateliers de la journée régionale consacrée à l'orientation."),
    ("Fiche pratique : animer un atelier découverte des métiers", "fiche-pratique", ["orientation"], "ML Belfort", "2023-10-09", "odt", "Déroulé, matériel et conseils d'animation pour un atelier de deux heures."),
    ("Modèle de programme d'une journée portes ouvertes", "modele-trame", ["orientation", "communication"], "ML Mâcon", "2024-04-02", "docx", "Une trame de programme à adapter pour ouvrir la Mission Locale au public et aux partenaires."),
    ("Plan régional de formation des salariés", "support-de-formation", ["formation"], "ARML BFC", "2024-09-30", "pdf", "Les formations proposées aux salariés du réseau pour l'année, avec les modalités d'inscription."),
    ("Support de formation : accueil des nouveaux conseillers", "support-de-formation", ["formation"], "ARML BFC", "2024-02-26", "pptx", "Le parcours d'intégration des conseillers qui rejoignent une Mission Locale."),
    ("Fiche pratique : mobiliser le compte personnel de formation", "fiche-pratique", ["formation"], "ML Vesoul", "2023-06-19", "docx", "Expliquer le compte personnel de formation à un jeune et l'aider à l'utiliser."),
    ("Compte rendu du comité formation", "compte-rendu", ["formation"], "ARML BFC", "2024-06-27", "odt", "Bilan des sessions du semestre et besoins exprimés par les structures."),
    ("Charte de coopération avec les entreprises", "guide", ["relation-entreprises"], "ML Beaune", "2024-05-14", "pdf", "Les engagements réciproques des Missions Locales et des employeurs partenaires."),
    ("Fiche pratique : préparer une visite d'entreprise", "fiche-pratique", ["relation-entreprises"], "ML Montbéliard", "2024-03-21", "docx", "Avant, pendant et après : réussir une visite d'entreprise avec un groupe de jeunes."),
    ("Outil de prospection des employeurs", "outil", ["relation-entreprises"], "ML Montbéliard", "2023-11-02", "xlsx", "Une grille de suivi des contacts employeurs, des offres recueillies et des mises en relation."),
    ("Support de présentation de l'offre de service aux employeurs", "support-de-presentation", ["relation-entreprises", "communication"], "ML Beaune", "2024-08-05", "pptx", "Présenter en dix diapositives ce qu'une Mission Locale apporte à un employeur."),
    ("Compte rendu de la réunion des référents entreprises", "compte-rendu", ["relation-entreprises"], "ML Beaune", "2024-10-10", "odt", "Retour sur les partenariats locaux et les outils de prospection partagés."),
    ("Kit de communication du réseau", "support-de-communication", ["communication"], "ARML BFC", "2024-09-02", "pdf", "Logos, couleurs, gabarits et règles d'usage pour une communication commune."),
    ("Affiche personnalisable : la Mission Locale près de chez vous", "support-de-communication", ["communication"], "ML Vesoul", "2024-01-29", "odt", "Un texte d'affiche à compléter avec l'adresse et les horaires de la structure."),
    ("Modèle de communiqué de presse", "modele-trame", ["communication"], "ARML BFC", "2023-09-25", "docx", "Une trame de communiqué pour annoncer un événement ou un résultat de la structure."),
    ("Note de veille : réseaux sociaux et jeunes", "veille", ["communication"], "ML Vesoul", "2024-07-15", "pdf", "Quels réseaux utilisent les jeunes accompagnés et comment y être présent utilement."),
    ("Guide de coopération avec France Travail", "guide", ["france-travail"], "ML Jura Nord", "2024-06-11", "pdf", "Partage des rôles, échanges d'informations et instances communes à l'échelle locale."),
    ("Fiche pratique : orienter un jeune vers le réseau pour l'emploi", "fiche-pratique", ["france-travail"], "ML Jura Nord", "2024-02-13", "docx", "Les situations, les interlocuteurs et les outils pour une orientation sans rupture."),
    ("Compte rendu du comité local pour l'emploi", "compte-rendu", ["france-travail"], "ML Jura Sud", "2024-09-19", "odt", "Décisions du comité sur l'accompagnement des jeunes les plus éloignés de l'emploi."),
    ("Support de formation : le Contrat d'Engagement Jeune", "support-de-formation", ["france-travail", "formation"], "ARML BFC", "2023-10-23", "pptx", "Les étapes du contrat, l'allocation et le rôle du conseiller référent."),
    ("Note de veille : réforme du réseau pour l'emploi", "veille", ["france-travail"], "ARML BFC", "2024-03-04", "pdf", "Ce que la réforme change pour les Missions Locales, point par point."),
    ("Guide de l'accueil des jeunes en situation de handicap", "guide", ["orientation"], "ML Haut-Doubs", "2024-04-25", "pdf", "Adapter l'accueil et l'accompagnement, et connaître les partenaires spécialisés."),
    ("Trame de bilan annuel d'activité", "modele-trame", ["observatoire", "financement"], "ARML BFC", "2024-01-08", "docx", "La structure commune des bilans d'activité, pour comparer les territoires."),
    ("Outil d'autodiagnostic de la structure", "outil", ["labellisation"], "ARML BFC", "2023-12-18", "xlsx", "Une grille pour situer la structure sur chaque critère du label avant l'audit."),
    ("Fiche pratique : la mobilité des jeunes en zone rurale", "fiche-pratique", ["orientation"], "ML Nevers", "2024-08-20", "odt", "Aides au permis, transport solidaire et location de véhicules : les solutions locales."),
    ("Support de présentation du projet associatif", "support-de-presentation", ["communication"], "ARML BFC", "2024-12-02", "pptx", "Les orientations du projet associatif présentées aux équipes des Missions Locales."),
]  # fmt: skip

# Body sentences per thematic, written for the demo; the files are built from them.
THEMATIC_TEXT = {
    "financement": "Chaque Mission Locale combine des financements de l'État, de la Région et des collectivités : suivre leurs échéances évite les ruptures de trésorerie.",
    "labellisation": "Le label atteste la qualité du service rendu aux jeunes ; sa préparation est l'occasion de mettre à plat les procédures et de partager les bonnes pratiques.",
    "observatoire": "Des données communes, définies de la même façon dans toutes les structures, permettent de comparer les territoires et d'éclairer les décisions.",
    "orientation": "L'orientation se construit avec le jeune, à partir de ses envies et de la découverte concrète des métiers et des formations.",
    "formation": "La formation des salariés du réseau suit un plan régional construit avec les directions, à partir des besoins remontés par les équipes.",
    "relation-entreprises": "Une relation suivie avec les employeurs facilite l'accès des jeunes à l'emploi et fait connaître l'offre de service des Missions Locales.",
    "communication": "Une communication commune rend le réseau plus lisible pour les jeunes, les partenaires et les élus, tout en laissant chaque structure s'exprimer.",
    "france-travail": "La coopération avec France Travail repose sur des rôles clairs et sur un échange régulier d'informations au service des jeunes.",
}  # fmt: skip

LINKS = {
    "france-travail": ("Le réseau pour l'emploi (site du ministère)", "https://travail-emploi.gouv.fr"),
    "formation": ("Mon compte formation", "https://www.moncompteformation.gouv.fr"),
}  # fmt: skip


def build_demo(demo):
    home = HomePage.objects.get()
    library = ResourceIndexPage.objects.first()
    if library is None:
        library = home.add_child(
            instance=ResourceIndexPage(
                title="Ressources",
                slug="ressources",
                intro=LIBRARY_INTRO,
                summary="La bibliothèque des ressources produites par le réseau.",
            )
        )
        library.save_revision().publish()
    _add_to_navigation(library)
    types = {kind.slug: kind for kind in ResourceType.objects.all()}
    thematics = {thematic.slug: thematic for thematic in Thematic.objects.all()}
    structures = {structure.short_name: structure for structure in Structure.objects.all()}
    existing = set(library.get_children().values_list("slug", flat=True))
    created = 0
    for row in RESOURCES:
        if slugify(row[0])[:80] not in existing:
            _create_resource(library, row, types, thematics, structures)
            created += 1
    demo.log(f"{len(RESOURCES)} ressources ({created} créées)")


def _add_to_navigation(library):
    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    pages = [block.value["page"] for block in identity.main_navigation]
    if any(page and page.pk == library.pk for page in pages):
        return
    identity.main_navigation.append(("link", {"page": library, "label": ""}))
    identity.save()


def _paragraphs(title, summary, thematic_slugs):
    return [
        summary,
        *(THEMATIC_TEXT[slug] for slug in thematic_slugs),
        f"Ce document « {title} » est partagé par le réseau pour être réutilisé et adapté "
        "localement ; ses auteurs accueillent volontiers vos retours.",
    ]


def _file(title, file_format, paragraphs) -> bytes:
    if file_format == "xlsx":
        rows = [["Rubrique", "Contenu"]] + [
            [f"Point {n}", text] for n, text in enumerate(paragraphs, 1)
        ]
        return build_xlsx(title[:31], rows)
    if file_format == "pptx":
        return build_pptx(title, paragraphs)
    return {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}[file_format](title, paragraphs)


def _create_resource(library, row, types, thematics, structures):
    title, kind, thematic_slugs, structure, date, file_format, summary = row
    publication_date = datetime.date.fromisoformat(date)
    resource = library.add_child(
        instance=ResourcePage(
            title=title,
            slug=slugify(title)[:80],
            summary=summary,
            resource_type=types[kind],
            producing_structure=structures.get(structure),
            publication_date=publication_date,
            body=f"<p>{summary}</p>",
            review_date=publication_date + datetime.timedelta(days=365 * 2),
        )
    )
    resource.thematics.set([thematics[slug] for slug in thematic_slugs if slug in thematics])
    paragraphs = _paragraphs(title, summary, thematic_slugs)
    document = ResourceDocument(
        title=title,
        file=ContentFile(
            _file(title, file_format, paragraphs), name=f"{slugify(title)[:60]}.{file_format}"
        ),
        collection=Collection.get_first_root_node(),
    )
    document.save()
    if kind == "guide":
        # Guides have been revised once: the first edition stays downloadable.
        document.file = ContentFile(
            _file(title, file_format, [*paragraphs, "Édition révisée."]),
            name=f"{slugify(title)[:60]}.{file_format}",
        )
        document.save()
    resource.resource_documents.add(ResourcePageDocument(document=document))
    for slug in thematic_slugs:
        if slug in LINKS:
            link_title, url = LINKS[slug]
            resource.links.add(ResourcePageLink(title=link_title, url=url))
    resource.save_revision().publish()
    _add_demo_views(resource)


def _add_demo_views(resource):
    """A believable history of views over the last 60 days (derived from the title, so the
    same on every machine); a quarter of the resources have never been viewed."""
    seed = int(hashlib.sha256(resource.title.encode()).hexdigest(), 16)
    if seed % 4 == 0:
        return
    today = timezone.localdate()
    ResourceViewDay.objects.bulk_create(
        ResourceViewDay(
            day=today - datetime.timedelta(days=offset),
            resource=resource,
            views=(seed >> offset) % 5,
        )
        for offset in range(60)
        if (seed >> offset) % 5
    )
