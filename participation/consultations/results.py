"""The results of a consultation: totals per question, participation, and (unless the
results are secret) the answers of each structure. Views and the CSV export read the same
`Results`; whether a reader may see them is `policy`'s question."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import policy
from .models import Question


@dataclass
class OptionCount:
    option: str
    count: int
    percent: int  # of the votes that answered the question
    score: float | None = None  # rankings: the average rank (1 is best)


@dataclass
class QuestionTotal:
    question: Question
    answered: int
    options: list[OptionCount] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line for a table cell or a CSV cell."""
        if self.question.kind == Question.Kind.TEXT:
            return " | ".join(self.texts)
        if self.question.kind == Question.Kind.RANKING:
            return " > ".join(
                f"{o.option} ({_('average rank')} {o.score:.1f})".replace(".", ",")
                for o in self.options
                if o.score is not None
            )
        return " ; ".join(f"{o.option} : {o.count}" for o in self.options)


@dataclass
class StructureRow:
    structure: object
    voter: object = None  # who casts the voice (structure mode)
    vote: object = None  # the structure's vote (structure mode)
    respondents: int = 0  # individual surveys: how many of its people answered
    cells: list[str] = field(default_factory=list)  # one per question

    @property
    def has_voted(self) -> bool:
        return self.vote is not None or self.respondents > 0


@dataclass
class Results:
    consultation: object
    questions: list
    totals: list[QuestionTotal]
    rows: list[StructureRow]  # every invited structure (or every structure that answered)
    votes: int
    audience: int  # invited structures, or people addressed by the survey

    @property
    def voted_rows(self):
        return [row for row in self.rows if row.has_voted]

    @property
    def missing_rows(self):
        return [row for row in self.rows if not row.has_voted]

    @property
    def participation_percent(self) -> int:
        return round(100 * self.votes / self.audience) if self.audience else 0


def answer_text(question, value) -> str:
    if value in (None, "", []):
        return ""
    if question.kind == Question.Kind.RANKING:
        return " > ".join(f"{rank}. {option}" for rank, option in enumerate(value, start=1))
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def _total(question, answers: list) -> QuestionTotal:
    """`answers`: the stored answers of this question, empty ones left out."""
    total = QuestionTotal(question=question, answered=len(answers))
    options = question.option_list
    if question.kind == Question.Kind.TEXT:
        total.texts = sorted(str(a) for a in answers)  # alphabetical: no order of voting
        return total
    counts, ranks = Counter(), defaultdict(list)
    for answer in answers:
        chosen = answer if isinstance(answer, list) else [answer]
        for position, option in enumerate(chosen, start=1):
            if option in options:
                counts[option] += 1
                ranks[option].append(position)
    for option in options:
        percent = round(100 * counts[option] / len(answers)) if answers else 0
        score = None
        if question.kind == Question.Kind.RANKING and ranks[option]:
            score = sum(ranks[option]) / len(ranks[option])
        total.options.append(OptionCount(option, counts[option], percent, score))
    if question.kind == Question.Kind.RANKING:
        total.options.sort(key=lambda o: (o.score is None, o.score or 0))
    return total


def consultation_results(consultation) -> Results:
    questions = list(consultation.questions.all())
    votes = list(consultation.votes.select_related("structure", "person"))

    def answers_of(question, some_votes):
        values = (vote.answers.get(str(question.pk)) for vote in some_votes)
        return [value for value in values if value not in (None, "", [])]

    totals = [_total(question, answers_of(question, votes)) for question in questions]
    if consultation.is_per_structure:
        by_structure = {vote.structure_id: vote for vote in votes}
        rows = []
        for structure, voter in policy.voters(consultation).items():
            vote = by_structure.pop(structure.pk, None)
            rows.append(StructureRow(structure=structure, voter=voter, vote=vote))
        # A structure no longer invited keeps its vote in the counts: show it too.
        rows += [StructureRow(structure=v.structure, vote=v) for v in by_structure.values()]
        for row in rows:
            if row.vote is not None:
                row.cells = [
                    answer_text(question, row.vote.answers.get(str(question.pk)))
                    for question in questions
                ]
        audience = len(policy.invited_structures(consultation))
    else:
        grouped = defaultdict(list)
        for vote in votes:
            grouped[vote.structure].append(vote)
        named = list(consultation.structures.all()) if consultation.pk else []
        for structure in named:
            grouped.setdefault(structure, [])
        rows = []
        for structure in sorted(grouped, key=lambda s: (s is None, s.name if s else "")):
            its_votes = grouped[structure]
            cells = [
                _total(question, answers_of(question, its_votes)).summary for question in questions
            ]
            rows.append(StructureRow(structure=structure, respondents=len(its_votes), cells=cells))
        audience = consultation.people().count()
    return Results(
        consultation=consultation,
        questions=questions,
        totals=totals,
        rows=rows,
        votes=len(votes),
        audience=audience,
    )


def csv_rows(results: Results, *, breakdown: bool):
    """The rows of the CSV export, headers in French. Without `breakdown` (secret results,
    or a reader who may not see it) only the totals row is written."""
    questions = results.questions
    per_structure = results.consultation.is_per_structure
    if per_structure:
        header = [_("Structure"), _("Voted"), _("Voice cast by"), _("Date of the vote")]
    else:
        header = [_("Structure"), _("Answers"), "", ""]
    yield header + [question.label for question in questions]
    if breakdown:
        for row in results.rows:
            name = str(row.structure) if row.structure else _("No structure")
            if per_structure:
                vote = row.vote
                cast_by = vote.person if vote is not None else None
                yield [
                    name,
                    _("Yes") if vote else _("No"),
                    (cast_by.get_full_name() or cast_by.get_username()) if cast_by else "",
                    vote.updated_at if vote else None,
                ] + (row.cells or [""] * len(questions))
            else:
                yield [name, row.respondents, "", ""] + row.cells
    yield [
        _("Total"),
        _("%(votes)s of %(audience)s") % {"votes": results.votes, "audience": results.audience},
        "",
        "",
    ] + [total.summary for total in results.totals]
