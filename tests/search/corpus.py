"""A small French site for the search suites: every engine indexes it through
`search.sources`, then answers the same questions about it.

Each page holds the words one test needs, and only there, so a test can say exactly which
pages a query must (and must not) find.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from groups.models import MeetingAttachment, Membership
from groups.services import membership_add
from resources.file_builders import build_pdf
from resources.models import ResourcePageDocument
from search.models import SynonymGroup
from tests.factories import (
    MeetingPageFactory,
    NetworkDirectoryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProfileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    StructureFactory,
    ThematicFactory,
    UserFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

SYNONYMS = [
    "CEJ\nContrat d'Engagement Jeune",
    "PRF\nProgramme Régional de Formation",
    "ML\nMission Locale",
    "FT\nFrance Travail",
]
# Words found in one place only, for the permission suite.
PRIVATE_DOCUMENT_TITLE = "Bilan confidentiel des orientations budgétaires"
PRIVATE_BODY_WORD = "quadrilatère"
PRIVATE_FILE_WORD = "xylophoniste"
PDF_ONLY_WORD = "zygomorphe"


@dataclass
class Corpus:
    pages: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)


def person(username, **kwargs):
    return ProfileFactory(user=UserFactory(username=username, **kwargs)).user


def pdf_document(title, paragraphs, collection=None):
    document = get_document_model()(
        title=title,
        file=ContentFile(build_pdf(title, paragraphs), name="document.pdf"),
        **({"collection": collection} if collection else {}),
    )
    document.save()  # the text is extracted at once in tests (immediate task backend)
    document.refresh_from_db()
    return document


def resource(parent, title, body="", *, day, documents=(), **kwargs):
    page = ResourcePageFactory(
        parent=parent,
        title=title,
        summary="",
        body=f"<p>{body}</p>" if body else "",
        publication_date=day,
        **kwargs,
    )
    for document in documents:
        ResourcePageDocument.objects.create(page=page, document=document)
    return page


def build_corpus(home_page) -> Corpus:
    corpus = Corpus()
    for expressions in SYNONYMS:
        SynonymGroup.objects.create(expressions=expressions)
    p = corpus.pages
    p["directory"] = NetworkDirectoryPageFactory(parent=home_page)
    emploi = ThematicFactory(name="Emploi", slug="emploi")
    sante = ThematicFactory(name="Santé", slug="sante")
    guide = ResourceTypeFactory(name="Guide", slug="guide")
    fiche = ResourceTypeFactory(name="Fiche pratique", slug="fiche-pratique")
    dijon = StructureFactory(name="Mission Locale de Dijon", short_name="Dijon")
    library = ResourceIndexPageFactory(parent=home_page)
    day = datetime.date

    p["equipe"] = resource(
        library, "Guide de l'équipe mobile", "Organiser les tournées en milieu rural.",
        day=day(2021, 3, 1), resource_type=guide,
    )  # fmt: skip
    p["securite"] = resource(
        library, "Prévenir les risques", "La sécurité des jeunes lors des ateliers.",
        day=day(2022, 5, 2), resource_type=fiche,
    )  # fmt: skip
    p["formation"] = resource(
        library, "Catalogue annuel", "Chaque formation proposée aux conseillers.",
        day=day(2023, 1, 10), resource_type=guide, producing_structure=dijon,
    )  # fmt: skip
    p["mission"] = resource(
        library, "Charte d'accueil", "Notre mission : accueillir chaque jeune.",
        day=day(2023, 6, 1),
    )  # fmt: skip
    p["insertion"] = resource(
        library, "Repères pour les conseillers", "Parcours vers l'insertion professionnelle.",
        day=day(2024, 2, 1), resource_type=fiche,
    )  # fmt: skip
    p["emploi"] = resource(
        library, "Rencontres entreprises", "Des offres d'emploi locales chaque semaine.",
        day=day(2024, 4, 1),
    )  # fmt: skip
    p["cej_acronym"] = resource(
        library, "Tableau de bord CEJ", "Suivi mensuel des entrées.", day=day(2024, 9, 1)
    )
    p["cej_words"] = resource(
        library, "Accompagner vers l'autonomie", "Le Contrat d'Engagement Jeune en pratique.",
        day=day(2025, 1, 1),
    )  # fmt: skip
    p["jeune_engagement"] = resource(
        library, "Paroles de terrain", "Un jeune raconte son engagement bénévole.",
        day=day(2020, 1, 1),
    )  # fmt: skip
    p["prf"] = resource(
        library, "Offre de stages", "Le Programme Régional de Formation de l'année.",
        day=day(2023, 9, 1),
    )  # fmt: skip
    p["ml"] = resource(
        library, "Annuaire des antennes", "Chaque Mission Locale du département.",
        day=day(2022, 9, 1),
    )  # fmt: skip
    p["ft"] = resource(
        library, "Partenariat départemental", "La convention signée avec France Travail.",
        day=day(2022, 11, 1),
    )  # fmt: skip
    p["title_word"] = resource(
        library, "Passerelle vers l'alternance", "Une fiche sur les contrats.", day=day(2021, 1, 1)
    )
    p["body_word"] = resource(
        library, "Fiche contrats", "Cette passerelle relie deux dispositifs.", day=day(2021, 2, 1)
    )
    p["script"] = resource(
        library, "<script>alert(1)</script> Atelier cuisine", "Recette & astuces <b>pratiques</b>.",
        day=day(2021, 4, 1),
    )  # fmt: skip
    p["pdf"] = resource(
        library, "Rapport d'activité", "Le rapport de l'année.", day=day(2024, 6, 1),
        documents=[pdf_document("Rapport", [f"Une espèce {PDF_ONLY_WORD} observée au jardin."])],
    )  # fmt: skip
    # Facets: thematics on several resources, one with both.
    for key, thematics in {
        "equipe": [emploi],
        "securite": [sante],
        "formation": [emploi, sante],
        "insertion": [emploi],
    }.items():
        p[key].thematics.set(thematics)
        p[key].summary = "Fiche thématique du réseau."
        p[key].save()  # a parental many-to-many is written on save
    # Dates: "atelier" is in three resources of different years, for sorting and paging.
    for year in (2019, 2025, 2022):
        p[f"atelier_{year}"] = resource(
            library, f"Atelier numérique {year}", "Un atelier pour tous.", day=day(year, 3, 3)
        )

    # Never searchable: a draft and an unpublished page.
    p["draft"] = resource(
        library, "Brouillon invisible", "Texte encore en brouillon.", day=day(2024, 1, 1),
        live=False,
    )  # fmt: skip
    p["unpublished"] = resource(
        library, "Ancienne page retirée", "Texte retiré du site.", day=day(2024, 1, 1)
    )
    p["unpublished"].unpublish()

    # A members-only working group with a resource, a meeting and its attachment.
    users = corpus.users
    users["member"] = person("membre", first_name="Paul", last_name="Durand")
    users["outsider"] = person("exterieur", first_name="Léa", last_name="Petit")
    users["lead"] = person("animatrice", first_name="Nadia", last_name="Benali")
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    private = WorkingGroupPageFactory(
        parent=groups, title="Cercle restreint", slug="cercle-restreint", visibility="members"
    )
    private.save()
    membership_add(group=private, user=users["lead"], role=Membership.Role.LEAD)
    membership_add(group=private, user=users["member"])
    private.refresh_from_db()
    p["private_group"] = private
    p["private_resource"] = resource(
        private, "Note interne du cercle", f"Un {PRIVATE_BODY_WORD} dessiné au tableau.",
        day=day(2024, 3, 3),
        documents=[pdf_document("Annexe", [f"Un {PRIVATE_FILE_WORD} joue."], private.collection)],
    )  # fmt: skip
    p["private_meeting"] = MeetingPageFactory(
        parent=private, title="Réunion du cercle", start=timezone.now()
    )
    corpus.documents["private"] = pdf_document(
        PRIVATE_DOCUMENT_TITLE, ["Les chiffres du budget."], private.collection
    )
    MeetingAttachment.objects.create(
        page=p["private_meeting"], document=corpus.documents["private"]
    )
    p["open_group"] = WorkingGroupPageFactory(
        parent=groups, title="Groupe ouvert des référents", slug="groupe-ouvert"
    )
    p["group_news_index"] = NewsIndexPageFactory(parent=home_page)
    p["news"] = NewsPageFactory(
        parent=p["group_news_index"], title="Nouvelle du réseau", date=day(2024, 5, 5)
    )
    return corpus
