"""An example referential, written by us and marked as such (the official criteria of the
« Mission Locale » label are not public), and one self-assessment for three structures."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from groups.models import Structure
from labelling.models import Chapter, Criterion, CriterionAnswer, Level, Referential, SelfAssessment

REFERENTIAL_TITLE = "Référentiel d'exemple pour l'amélioration continue"

# (chapter, [(criterion, what is expected, words of the resources that help)])
CHAPTERS = [
    (
        "Accueillir et informer",
        [
            (
                "Un jeune qui se présente obtient un premier rendez-vous dans les huit jours.",
                "Délai mesuré chaque trimestre, sur tous les lieux d'accueil.",
                [],
            ),
            (
                "L'accueil va vers les jeunes éloignés : permanences, accueil mobile, rendez-vous à distance.",
                "Carte des lieux et des horaires tenue à jour et publiée.",
                ["mobilit"],
            ),
            (
                "L'information sur les droits et les aides est à jour et compréhensible.",
                "Supports relus chaque année, avec des jeunes.",
                ["CEJ", "engagement jeune"],
            ),
        ],
    ),
    (
        "Accompagner chaque jeune",
        [
            (
                "Chaque jeune a un conseiller référent et un parcours écrit avec lui.",
                "Le parcours est daté, relu avec le jeune et partagé avec son accord.",
                [],
            ),
            (
                "Les freins de santé, de logement et de mobilité sont repérés et traités avec les partenaires.",
                "Conventions ou contacts nommés pour chaque frein.",
                ["santé", "logement"],
            ),
            (
                "La parole des jeunes est recueillie et change des pratiques.",
                "Au moins une instance ou une enquête par an, et ce qu'elle a changé.",
                [],
            ),
        ],
    ),
    (
        "Travailler avec les entreprises",
        [
            (
                "Une offre de service aux employeurs est écrite et connue de l'équipe.",
                "Offre présentée aux nouveaux salariés et aux partenaires économiques.",
                ["entreprise"],
            ),
            (
                "Les immersions et les mises en relation sont suivies jusqu'à leur issue.",
                "Suivi à trois mois de chaque mise en relation.",
                ["immersion"],
            ),
        ],
    ),
    (
        "Piloter la structure",
        [
            (
                "Le projet associatif est écrit, voté et suivi avec des indicateurs.",
                "Bilan annuel présenté au conseil d'administration.",
                ["projet associatif"],
            ),
            (
                "Les données d'activité sont fiables et servent aux décisions.",
                "Contrôles de saisie réguliers et tableau de bord partagé.",
                [],
            ),
        ],
    ),
    (
        "S'améliorer en continu",
        [
            (
                "Un plan d'amélioration est tenu à jour et revu chaque année.",
                "Chaque action du plan a un responsable et une échéance.",
                [],
            ),
            (
                "La satisfaction des jeunes et des partenaires est mesurée chaque année.",
                "Questionnaire annuel, résultats partagés avec l'équipe.",
                ["satisfaction"],
            ),
        ],
    ),
]

# Three structures at different stages: (short name, level of each criterion, in order).
SELF_ASSESSMENTS = {
    "ML Dijon": [3, 2, 3, 3, 2, 1, 3, 2, 3, 2, 2, 3],
    "ML Beaune": [2, 1, 2, 2, 1, 0, 1, 1, 2, 1, 1, 2],
    "ML Jura Nord": [3, 3, 2, 3, 1, 1, 2, 2, 3, 3, 2, 2],
    "ML Nevers": [1, 1, 2, 1, 0, 1, 1, 0, 2, 1, 0, 1],
}


def build_demo(demo):
    referential = _build_referential()
    count = _build_self_assessments(referential)
    demo.log(f"référentiel de labellisation d'exemple, {count} autoévaluations")


def _build_referential() -> Referential:
    referential = Referential.objects.filter(title=REFERENTIAL_TITLE).first()
    if referential:
        return referential
    referential = Referential.objects.create(
        title=REFERENTIAL_TITLE,
        description=(
            "Écrit par l'équipe de Trame pour essayer le suivi : les critères officiels du "
            "label ne sont pas publics. Les éditeurs régionaux le remplacent par celui du réseau."
        ),
        is_example=True,
        is_current=not Referential.objects.filter(is_current=True).exists(),
    )
    for chapter_number, (chapter_title, criteria) in enumerate(CHAPTERS, start=1):
        chapter = Chapter.objects.create(
            referential=referential,
            number=str(chapter_number),
            title=chapter_title,
            sort_order=chapter_number,
        )
        for criterion_number, (title, guidance, words) in enumerate(criteria, start=1):
            criterion = Criterion.objects.create(
                chapter=chapter,
                number=f"{chapter_number}.{criterion_number}",
                title=title,
                guidance=guidance,
                sort_order=criterion_number,
            )
            criterion.helpful_pages.set(_pages_about(words))
    return referential


def _pages_about(words) -> list[Page]:
    if not words:
        return []
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word)
    return list(Page.objects.live().filter(condition).filter(depth__gt=2).order_by("path")[:2])


def _build_self_assessments(referential) -> int:
    criteria = list(Criterion.objects.filter(chapter__referential=referential))
    year = timezone.localdate().year
    editor = get_user_model().objects.filter(username="editeur").first()
    count = 0
    for short_name, levels in SELF_ASSESSMENTS.items():
        structure = Structure.objects.filter(short_name=short_name).first()
        if structure is None:
            continue
        assessment, created = SelfAssessment.objects.get_or_create(
            structure=structure,
            referential=referential,
            year=year,
            defaults={"updated_by": editor},
        )
        count += 1
        if not created:
            continue
        CriterionAnswer.objects.bulk_create(
            CriterionAnswer(assessment=assessment, criterion=criterion, level=Level(level))
            for criterion, level in zip(criteria, levels, strict=False)
        )
    return count
