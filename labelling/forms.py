from django import forms
from django.utils.translation import gettext_lazy as _

from labelling.models import Level

COMMENT_MAX = 2000


class SelfAssessmentForm(forms.Form):
    """One level, comment and evidence per criterion of the referential. Evidence is
    chosen among the structure's own pages (its plan and actions) and documents."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, criteria, pages, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        page_choices = [(page.pk, page.title) for page in pages]
        document_choices = [(document.pk, document.title) for document in documents]
        for criterion in criteria:
            prefix = f"c{criterion.pk}"
            self.fields[f"{prefix}_level"] = forms.TypedChoiceField(
                label=_("Level"),
                choices=Level.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a level for this criterion.")},
            )
            self.fields[f"{prefix}_comment"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"{prefix}_pages"] = forms.TypedMultipleChoiceField(
                label=_("Evidence: pages and actions"),
                choices=page_choices,
                coerce=int,
                required=False,
            )
            self.fields[f"{prefix}_documents"] = forms.TypedMultipleChoiceField(
                label=_("Evidence: documents"),
                choices=document_choices,
                coerce=int,
                required=False,
            )

    def criterion_fields(self):
        """[(criterion, level, comment, pages, documents)] bound fields, for the template."""
        return [
            (criterion, *(self[f"c{criterion.pk}_{name}"] for name in self.FIELD_NAMES))
            for criterion in self.criteria
        ]

    FIELD_NAMES = ("level", "comment", "pages", "documents")

    def answers(self) -> dict[int, dict]:
        return {
            criterion.pk: {
                name: self.cleaned_data[f"c{criterion.pk}_{name}"] for name in self.FIELD_NAMES
            }
            for criterion in self.criteria
        }


def initial_from(answers, version: int) -> dict:
    """The form's initial values from saved answers (this year's, or last year's to start)."""
    initial = {"version": version}
    for answer in answers:
        prefix = f"c{answer.criterion_id}"
        initial[f"{prefix}_level"] = answer.level
        initial[f"{prefix}_comment"] = answer.comment
        initial[f"{prefix}_pages"] = [page.pk for page in answer.evidence_pages.all()]
        initial[f"{prefix}_documents"] = [doc.pk for doc in answer.evidence_documents.all()]
    return initial
