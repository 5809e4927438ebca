"""Saving a structure's self-assessment of the year: one row a year, never two, and never
over a colleague's newer answers."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from labelling.models import CriterionAnswer, SelfAssessment


class StaleAssessment(Exception):
    """Someone saved this self-assessment after the form was opened."""

    def __init__(self, assessment):
        self.assessment = assessment
        who = assessment.updated_by
        name = (who.get_full_name() or who.get_username()) if who else _("someone")
        super().__init__(
            _(
                "%(name)s saved this self-assessment after you opened it. Your answers are "
                "kept below: check them against theirs, then save again."
            )
            % {"name": name}
        )


def _locked_assessment(structure, referential, year):
    try:
        with transaction.atomic():
            assessment, _created = SelfAssessment.objects.get_or_create(
                structure=structure, referential=referential, year=year, defaults={"version": 0}
            )
    except IntegrityError:  # created at the same moment by a colleague
        pass
    return SelfAssessment.objects.select_for_update().get(
        structure=structure, referential=referential, year=year
    )


@transaction.atomic
def save_assessment(*, structure, referential, year, answers, version, user) -> SelfAssessment:
    """Store `answers` ({criterion id: {level, comment, pages, documents}}) if `version` is
    still the stored one; raise StaleAssessment otherwise."""
    assessment = _locked_assessment(structure, referential, year)
    if assessment.version != version:
        raise StaleAssessment(assessment)
    existing = {a.criterion_id: a for a in assessment.answers.all()}
    for criterion_id, values in answers.items():
        answer = existing.get(criterion_id) or CriterionAnswer(
            assessment=assessment, criterion_id=criterion_id
        )
        answer.level, answer.comment = values["level"], values["comment"]
        answer.save()
        answer.evidence_pages.set(values["pages"])
        answer.evidence_documents.set(values["documents"])
    assessment.version += 1
    assessment.updated_by = user
    assessment.save()
    return assessment
