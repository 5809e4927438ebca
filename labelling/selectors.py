"""What the labelling pages show, each read in a fixed number of queries whatever the
number of structures, years and criteria."""

from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Page

from groups.models import Structure
from home.querysets import TramePageQuerySet
from labelling.models import WEAK_LEVEL, Criterion, CriterionAnswer, Level, SelfAssessment


def criteria_of(referential) -> list[Criterion]:
    return list(
        Criterion.objects.filter(chapter__referential=referential).select_related("chapter")
    )


def chapters_with_criteria(criteria) -> list[tuple]:
    """[(chapter, [criterion, ...]), ...] in the referential's order."""
    chapters: dict = {}
    for criterion in criteria:
        chapters.setdefault(criterion.chapter, []).append(criterion)
    return list(chapters.items())


@dataclass
class History:
    """A structure's answers, criterion by criterion, for each year it answered."""

    years: list[int]
    rows: list[tuple]  # (chapter, [(criterion, [answer or None for each year]), ...])
    assessments: list[SelfAssessment] = field(default_factory=list)


def structure_history(structure, referential) -> History:
    assessments = list(
        SelfAssessment.objects.filter(structure=structure, referential=referential)
        .select_related("updated_by")
        .order_by("-year")
    )
    answers = {
        (answer.assessment_id, answer.criterion_id): answer
        for answer in CriterionAnswer.objects.filter(assessment__in=assessments)
    }
    rows = [
        (
            chapter,
            [
                (criterion, [answers.get((a.pk, criterion.pk)) for a in assessments])
                for criterion in criteria
            ],
        )
        for chapter, criteria in chapters_with_criteria(criteria_of(referential))
    ]
    return History(years=[a.year for a in assessments], rows=rows, assessments=assessments)


@dataclass
class StructureProgress:
    structure: Structure
    assessment: SelfAssessment | None
    achieved: int = 0
    weak: int = 0
    answered: int = 0

    def percent_achieved(self, total: int) -> int:
        return round(100 * self.achieved / total) if total else 0


@dataclass
class CriterionSummary:
    criterion: Criterion
    levels: dict = field(default_factory=lambda: defaultdict(int))
    helpful_pages: list = field(default_factory=list)

    @property
    def counts(self) -> list[int]:
        """How many structures are at each level, in Level's order."""
        return [self.levels.get(level, 0) for level in Level.values]

    @property
    def weak(self) -> int:
        return sum(n for level, n in self.levels.items() if level <= WEAK_LEVEL)

    @property
    def answered(self) -> int:
        return sum(self.levels.values())

    @property
    def average(self) -> float | None:
        if not self.answered:
            return None
        return sum(level * n for level, n in self.levels.items()) / self.answered


def network_overview(referential, user) -> dict:
    """Each active Mission Locale's latest self-assessment, and each criterion's levels
    across the network, weakest first, with the resources that help that `user` may view."""
    criteria = criteria_of(referential)
    structures = list(Structure.objects.filter(is_active=True, kind=Structure.Kind.MISSION_LOCALE))
    latest = {}
    for assessment in SelfAssessment.objects.filter(
        referential=referential, structure__in=structures
    ).order_by("structure_id", "-year"):
        latest.setdefault(assessment.structure_id, assessment)
    progress = {
        s.pk: StructureProgress(structure=s, assessment=latest.get(s.pk)) for s in structures
    }
    summaries = {c.pk: CriterionSummary(criterion=c) for c in criteria}
    answers = CriterionAnswer.objects.filter(
        assessment__in=list(latest.values()), criterion__in=criteria
    ).values_list("assessment__structure_id", "criterion_id", "level")
    for structure_id, criterion_id, level in answers:
        row = progress[structure_id]
        row.answered += 1
        row.achieved += level == Level.ACHIEVED
        row.weak += level <= WEAK_LEVEL
        summaries[criterion_id].levels[level] += 1
    helpful = Criterion.helpful_pages.through.objects.filter(criterion__in=criteria).values_list(
        "criterion_id", "page_id"
    )
    visible = {
        page.pk: page
        for page in TramePageQuerySet(model=Page)
        .visible_to(user)
        .filter(pk__in=[page_id for _, page_id in helpful])
    }
    for criterion_id, page_id in helpful:
        if page_id in visible:
            summaries[criterion_id].helpful_pages.append(visible[page_id])
    weakest = sorted(
        (s for s in summaries.values() if s.weak),
        key=lambda s: (-s.weak, s.average if s.average is not None else 0),
    )
    return {
        "criteria_count": len(criteria),
        "structures": sorted(progress.values(), key=lambda p: p.structure.name),
        "assessed": sum(1 for p in progress.values() if p.assessment),
        "chapters": [
            (chapter, [summaries[c.pk] for c in chapter_criteria])
            for chapter, chapter_criteria in chapters_with_criteria(criteria)
        ],
        "weakest": weakest[:10],
    }
