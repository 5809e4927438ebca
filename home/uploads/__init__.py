"""One check for every file people upload (documents, images, profile photos), before
anything is stored, with a precise French message for each refusal. The forms of every
upload path use it: see `forms` (Wagtail's document and image forms, and the admin
avatar) and `groups.forms` (the intranet profile photo)."""

from .errors import size_text
from .images import photo_reencode
from .rules import UploadRules, ZipLimits
from .validation import validate_upload

__all__ = ["UploadRules", "ZipLimits", "photo_reencode", "size_text", "validate_upload"]
