"""Every way a file enters Trame, driven as a browser would: one function per upload path,
each returning the status and the text the person reads (page, JSON message, or the
message shown after the redirect)."""

import html
import json
import re
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .corpus import DOCUMENT, IMAGE


@dataclass
class Answer:
    status: int
    text: str
    accepted: bool


def _page_text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def _json_text(data) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", json.dumps(data, ensure_ascii=False)))


def _admin_single(url_name):
    def upload(client, context, filename, data):
        response = client.post(
            reverse(url_name),
            {
                "title": filename,
                "collection": context.collection.pk,
                "file": SimpleUploadedFile(filename, data),
            },
        )
        return Answer(response.status_code, _page_text(response), response.status_code == 302)

    return upload


def _admin_multiple(url_name, id_key):
    def upload(client, context, filename, data):
        response = client.post(
            reverse(url_name),
            {"collection": context.collection.pk, "files[]": SimpleUploadedFile(filename, data)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        payload = response.json()
        return Answer(response.status_code, _json_text(payload), bool(payload.get(id_key)))

    return upload


def _chooser_upload(url_name, prefix):
    """The upload tab of a chooser: how a resource page's document field (and any document
    link or image) gets a new file."""

    def upload(client, context, filename, data):
        response = client.post(
            reverse(url_name),
            {
                f"{prefix}-title": filename,
                f"{prefix}-collection": context.collection.pk,
                f"{prefix}-file": SimpleUploadedFile(filename, data),
            },
        )
        payload = response.json()
        return Answer(response.status_code, _json_text(payload), payload.get("step") == "chosen")

    return upload


admin_document_single = _admin_single("wagtaildocs:add")
admin_document_multiple = _admin_multiple("wagtaildocs:add_multiple", "doc_id")
document_chooser_upload = _chooser_upload("wagtaildocs_chooser:create", "document-chooser-upload")
admin_image_single = _admin_single("wagtailimages:add")
admin_image_multiple = _admin_multiple("wagtailimages:add_multiple", "image_id")
image_chooser_upload = _chooser_upload("wagtailimages_chooser:create", "image-chooser-upload")


def group_space(client, context, filename, data):
    response = client.post(
        reverse("groups:document_add", args=[context.group.pk]),
        {"title": filename, "file": SimpleUploadedFile(filename, data)},
    )
    page = client.get(response["Location"]) if response.status_code == 302 else response
    text = _page_text(page)
    return Answer(response.status_code, text, "est dans les documents du groupe" in text)


def profile_photo(client, context, filename, data):
    response = client.post(
        reverse("groups:profile_edit"),
        {
            "first_name": "Julie",
            "last_name": "Moreau",
            "job_title": "Chargée de projet",
            "phone": "",
            "bio": "",
            "digest_frequency": "weekly",
            "photo": SimpleUploadedFile(filename, data),
        },
    )
    return Answer(response.status_code, _page_text(response), response.status_code == 302)


def admin_avatar(client, context, filename, data):
    """The profile picture of the admin's account page (Wagtail's user profile)."""
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Julie",
            "name_email-last_name": "Moreau",
            "name_email-email": "julie.moreau@trame.example",
            "locale-preferred_language": "fr",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
            "theme-keyboard_shortcuts": "on",
            "avatar-avatar": SimpleUploadedFile(filename, data),
        },
    )
    return Answer(response.status_code, _page_text(response), response.status_code == 302)


# Path → (kind of file it takes, the driver, the status of a refusal, of an acceptance).
UPLOAD_PATHS = {
    "admin_document_single": (DOCUMENT, admin_document_single, 200, 302),
    "admin_document_multiple": (DOCUMENT, admin_document_multiple, 200, 200),
    "document_chooser_upload": (DOCUMENT, document_chooser_upload, 200, 200),
    "group_space": (DOCUMENT, group_space, 302, 302),
    "admin_image_single": (IMAGE, admin_image_single, 200, 302),
    "admin_image_multiple": (IMAGE, admin_image_multiple, 200, 200),
    "image_chooser_upload": (IMAGE, image_chooser_upload, 200, 200),
    "profile_photo": (IMAGE, profile_photo, 400, 302),
    "admin_avatar": (IMAGE, admin_avatar, 200, 302),
}
