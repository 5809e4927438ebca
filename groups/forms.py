from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from groups.models import JobRole, Profile, Structure, Thematic
from home.params import IdField, ModelIdsChoiceField
from home.uploads import UploadRules, photo_reencode, size_text
from home.uploads.forms import CheckedFileField


class ProfileForm(forms.ModelForm):
    """What a person edits on their own profile. The photo goes through the shared upload
    check, then is re-encoded (no EXIF, at most 400×400 pixels) before anything is stored."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    photo = CheckedFileField(
        rules=UploadRules.for_avatars,
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = Profile
        fields = [
            "job_title",
            "job_role",
            "phone",
            "bio",
            "referent_thematics",
            "digest_frequency",
        ]
        field_classes = {"referent_thematics": ModelIdsChoiceField}
        widgets = {
            "referent_thematics": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["photo"].initial = self.instance.photo
        self.fields["photo"].help_text = gettext(
            "JPEG, PNG, WebP or GIF, %(size)s at most. It is resized to 400 pixels."
        ) % {"size": size_text(settings.TRAME_AVATAR_MAX_UPLOAD_SIZE)}
        self.fields["job_role"].help_text = gettext(
            "The job you do, whatever its title in your structure: news, notices and "
            "consultations can be addressed to a job across the network."
        )
        self.fields["job_role"].empty_label = gettext("Not stated")
        self.order_fields(
            ["first_name", "last_name", "job_title", "job_role", "phone", "bio", "photo"]
        )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo is False or photo is None:
            return photo  # cleared, or unchanged
        if photo == self.instance.photo:
            return photo
        return photo_reencode(photo)

    def save(self, commit=True):
        profile = super().save(commit=False)
        photo = self.cleaned_data.get("photo")
        if photo is False:
            profile.photo.delete(save=False)
            profile.photo = ""
        elif photo is not None and photo != self.instance.photo:
            old = profile.photo.name if profile.photo else None
            profile.photo.save(f"{self.user.pk}.jpg", photo, save=False)
            if old and old != profile.photo.name:
                profile.photo.storage.delete(old)
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        if commit:
            self.user.save(update_fields=["first_name", "last_name"])
            profile.save()
            self.save_m2m()
        return profile


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or job"), required=False, max_length=100)
    structure = forms.ModelChoiceField(
        label=_("Structure"), queryset=Structure.objects.filter(is_active=True), required=False
    )
    job_role = forms.ModelChoiceField(
        label=_("Job role"), queryset=JobRole.objects.all(), required=False
    )
    thematic = forms.ModelChoiceField(
        label=_("Referent for"), queryset=Thematic.objects.all(), required=False
    )
    group = forms.TypedChoiceField(label=_("Working group"), required=False, coerce=int)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "---------"), *((g.pk, g.title) for g in groups)]


class StructureEditorForm(forms.Form):
    """« Gérer l'équipe éditoriale »: the person to name editor (one of the structure's)."""

    person = IdField(label=_("Person"), required=True)
