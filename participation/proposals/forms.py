"""The proposal forms of the site. The file goes through the shared upload check
(`home.uploads`), as every upload of the library does; each form carries a token so that
the same form sent twice makes one proposal."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from groups.models import Structure, Thematic
from home.uploads import UploadRules, size_text
from home.uploads.forms import CheckedFileField
from participation.proposals.services import GoodPracticeData, ResourceData


def _textarea(rows=5):
    return forms.Textarea(attrs={"rows": rows})


class ProposalForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=400,
        widget=_textarea(3),
        help_text=_("One or two sentences shown in listings and search results."),
    )
    thematic = forms.ModelChoiceField(
        label=_("Thematic"),
        queryset=Thematic.objects.all(),
        help_text=_("Its chefs de file review your proposal."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("token"):
            self.initial["token"] = uuid.uuid4()

    def clean(self):
        cleaned_data = super().clean()
        if self.errors.get("token"):
            # Not typed by the person: a form from another page or altered.
            self.errors.pop("token")
            self.add_error(None, gettext("The form has expired: please send it again."))
            self.data = self.data.copy()
            self.data["token"] = str(uuid.uuid4())
        return cleaned_data


class ResourceProposalForm(ProposalForm):
    resource_type = forms.ModelChoiceField(label=_("Resource type"), queryset=None, required=False)
    audience = forms.ChoiceField(label=_("Audience"))
    description = forms.CharField(label=_("Description"), required=False, widget=_textarea(6))
    file = CheckedFileField(
        rules=UploadRules.for_documents,
        label=_("File"),
        error_messages={"required": _("Choose the file you propose.")},
    )

    field_order = ["token", "title", "summary", "file", "resource_type", "thematic", "audience",
                   "description"]  # fmt: skip

    def __init__(self, *args, file_required=True, **kwargs):
        from resources.models import ResourceType
        from resources.models.pages import Audience

        super().__init__(*args, **kwargs)
        self.fields["resource_type"].queryset = ResourceType.objects.all()
        self.fields["audience"].choices = Audience.choices
        self.fields["audience"].initial = Audience.EVERYONE
        extensions = ", ".join(ext.upper() for ext in settings.WAGTAILDOCS_EXTENSIONS)
        self.fields["file"].help_text = gettext("%(extensions)s; %(size)s at most.") % {
            "extensions": extensions,
            "size": size_text(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
        }
        if not file_required:
            self.fields["file"].required = False
            self.fields["file"].help_text = "{} {}".format(
                gettext("Leave empty to keep the current file."), self.fields["file"].help_text
            )

    def clean(self):
        cleaned_data = super().clean()
        if self.errors and self.files.get("file") and "file" not in self.errors:
            # A browser never fills a file field again: say so rather than lose it silently.
            self.add_error("file", gettext("Your file was valid, but it must be chosen again."))
        return cleaned_data

    def to_data(self) -> ResourceData:
        data = self.cleaned_data
        return ResourceData(
            title=data["title"],
            summary=data["summary"],
            thematic=data["thematic"],
            resource_type=data.get("resource_type"),
            audience=data["audience"],
            description=data.get("description", ""),
        )


class GoodPracticeProposalForm(ProposalForm):
    structure = forms.ModelChoiceField(
        label=_("Structure"),
        queryset=Structure.objects.filter(is_active=True),
        help_text=_("The structure that carried out this practice."),
    )
    context = forms.CharField(
        label=_("Context"), widget=_textarea(), help_text=_("The situation and the need.")
    )
    action = forms.CharField(
        label=_("Action"), widget=_textarea(), help_text=_("What was done, by whom, with what.")
    )
    results = forms.CharField(
        label=_("Results"),
        widget=_textarea(),
        help_text=_("What came of it, in figures or words."),
    )
    contact = forms.CharField(
        label=_("Contact"), widget=_textarea(3), help_text=_("Whom to ask, and how.")
    )

    def to_data(self) -> GoodPracticeData:
        data = self.cleaned_data
        return GoodPracticeData(
            **{
                field: data[field]
                for field in (
                    "title",
                    "summary",
                    "thematic",
                    "structure",
                    "context",
                    "action",
                    "results",
                    "contact",
                )  # fmt: skip
            }
        )
