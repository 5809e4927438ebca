"""The vote form, built from a consultation's questions, and the form naming a delegate.

A ranking is one select « rang » per option, so that it works with a keyboard and without
JavaScript; the form checks that every rank is used exactly once.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Question

TEXT_MAX_LENGTH = 3000


def question_field_name(question) -> str:
    return f"q{question.pk}"


def rank_field_name(question, index: int) -> str:
    return f"q{question.pk}_rang_{index}"


class VoteForm(forms.Form):
    def __init__(self, *args, questions, answers=None, **kwargs):
        self.questions = list(questions)
        super().__init__(*args, initial=self._initial(answers or {}), **kwargs)
        for question in self.questions:
            self._add_fields(question)

    def _initial(self, answers) -> dict:
        initial = {}
        for question in self.questions:
            value = answers.get(str(question.pk))
            if value in (None, "", []):
                continue
            if question.kind == Question.Kind.RANKING:
                options = question.option_list
                for rank, option in enumerate(value, start=1):
                    if option in options:
                        initial[rank_field_name(question, options.index(option))] = str(rank)
            else:
                initial[question_field_name(question)] = value
        return initial

    def _add_fields(self, question):
        common = {"label": question.label, "help_text": question.help_text}
        name = question_field_name(question)
        choices = [(option, option) for option in question.option_list]
        kind = question.kind
        if kind == Question.Kind.SINGLE:
            self.fields[name] = forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, required=question.required, **common
            )
        elif kind == Question.Kind.MULTIPLE:
            self.fields[name] = forms.MultipleChoiceField(
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=question.required,
                **common,
            )
        elif kind == Question.Kind.TEXT:
            self.fields[name] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=TEXT_MAX_LENGTH,
                required=question.required,
                **common,
            )
        else:
            ranks = [("", "—")] + [(str(n), str(n)) for n in range(1, len(choices) + 1)]
            for index, option in enumerate(question.option_list):
                self.fields[rank_field_name(question, index)] = forms.ChoiceField(
                    label=gettext_lazy("Rank of « %(option)s »") % {"option": option},
                    choices=ranks,
                    required=False,
                )

    def blocks(self):
        """(question, bound fields) in order, for the template."""
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                fields = [
                    (option, self[rank_field_name(question, index)])
                    for index, option in enumerate(question.option_list)
                ]
                yield question, fields
            else:
                yield question, [self[question_field_name(question)]]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                self._clean_ranking(question, cleaned)
        return cleaned

    def _clean_ranking(self, question, cleaned):
        options = question.option_list
        names = [rank_field_name(question, index) for index in range(len(options))]
        ranks = [cleaned.get(name) or "" for name in names]
        if not any(ranks):
            if question.required:
                self.add_error(
                    names[0],
                    _("Rank every option of « %(question)s ».") % {"question": question.label},
                )
            return
        expected = {str(n) for n in range(1, len(options) + 1)}
        if "" in ranks or set(ranks) != expected:
            self.add_error(
                names[0],
                _(
                    "Rank every option of « %(question)s » once: each rank from 1 to %(count)s "
                    "must be used exactly once."
                )
                % {"question": question.label, "count": len(options)},
            )

    def answers(self) -> dict:
        """The answers to store, keyed by question id (only valid after is_valid())."""
        answers = {}
        for question in self.questions:
            key = str(question.pk)
            if question.kind == Question.Kind.RANKING:
                options = question.option_list
                ranks = [
                    self.cleaned_data.get(rank_field_name(question, i)) for i in range(len(options))
                ]
                if all(ranks):
                    ranked = sorted(zip(map(int, ranks), options, strict=True))
                    answers[key] = [option for _rank, option in ranked]
            else:
                value = self.cleaned_data.get(question_field_name(question))
                if isinstance(value, str):
                    value = value.strip()
                if value not in (None, "", []):
                    answers[key] = value
        return answers


class DelegateForm(forms.Form):
    delegate = forms.ModelChoiceField(
        label=gettext_lazy("Who casts the structure's voice"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("The director"),
        help_text=gettext_lazy("A person of the structure; the director when nobody is named."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = people
        self.fields["delegate"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
