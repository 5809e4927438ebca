"""The upload check plugged into Wagtail's document and image forms (single upload, multiple
upload, chooser upload: all are built from the `WAGTAILDOCS_DOCUMENT_FORM_BASE` and
`WAGTAILIMAGES_IMAGE_FORM_BASE` classes) and into the admin's profile picture."""

from collections.abc import Callable

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.account import AvatarPreferencesForm
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from . import errors
from .images import photo_reencode
from .rules import UploadRules
from .validation import validate_upload


class CheckedFieldMixin:
    """A file field whose upload goes through `validate_upload` before the field's own
    checks: its messages replace Django's and Wagtail's (Wagtail's size limit stays known to
    its uploader's own check in the browser). `rules` is called at each upload, so a change
    of the settings applies at once."""

    def __init__(self, *args, rules: Callable[[], UploadRules], **kwargs):
        self.rules = rules
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            validate_upload(data, self.rules())
        return super().to_python(data)


class CheckedFileField(CheckedFieldMixin, forms.FileField):
    pass


class CheckedDocumentField(CheckedFieldMixin, WagtailDocumentField):
    pass


class CheckedImageField(CheckedFieldMixin, WagtailImageField):
    pass


class CheckedUploadFormMixin:
    """For a Wagtail collection member form (document or image): the file goes through
    `validate_upload`, and a collection the user may not add to is refused on the file
    itself. On the file, because Wagtail's multiple uploader refuses a file only for errors
    on the file field: any other error makes it store the file for later completion, which
    for a forbidden collection would leave an orphan that can never be completed."""

    checked_field_class: type[forms.FileField]

    def upload_rules(self) -> UploadRules:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = self.checked_field_class(
                rules=self.upload_rules,
                label=field.label,
                required=field.required,
                widget=field.widget,
            )

    def clean(self):
        cleaned_data = super().clean()
        if not self.requested_collection_is_allowed():
            # Wagtail's own "select a valid choice" says less than this.
            self._errors.pop("collection", None)
            self.add_error("file" if "file" in self.fields else None, errors.collection_forbidden())
        return cleaned_data

    def requested_collection_is_allowed(self) -> bool:
        """A collection sent with the form must be one the user may add to. Wagtail drops
        the field (and ignores what was sent) when the user has a single collection: the
        file would then land silently in another collection than the one asked for."""
        requested = self.data.get(self.add_prefix("collection"), "")
        if requested in ("", None):
            return True
        allowed = {str(pk) for pk in self.collections.values_list("pk", flat=True)}
        return str(requested) in allowed


class CheckedImageForm(CheckedUploadFormMixin, BaseImageForm):
    """`WAGTAILIMAGES_IMAGE_FORM_BASE`: every image upload of the admin."""

    checked_field_class = CheckedImageField

    def upload_rules(self) -> UploadRules:
        return UploadRules.for_images()


class CheckedAvatarForm(AvatarPreferencesForm):
    """The admin's profile picture, checked like the intranet's profile photo and
    re-encoded (no EXIF, at most 400×400 pixels)."""

    avatar = CheckedFileField(
        rules=UploadRules.for_avatars,
        label=_("Upload a profile picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    def clean_avatar(self):
        file = self.cleaned_data.get("avatar")
        if not file:
            return self._original_avatar
        if file == self._original_avatar:
            return file
        return photo_reencode(file)
