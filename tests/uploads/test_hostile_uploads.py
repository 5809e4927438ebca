"""The hostile-input suite: every case of the generated corpus through every upload path.

Each upload must get the French message of its case (or be accepted when it is harmless),
the expected status and never a 5xx; a refused one leaves no row and no file, and no upload
changes or removes a file already stored (checksums before and after).
"""

import pytest

from home.uploads import UploadRules

from .conftest import media_checksums, stored_rows
from .corpus import ACCEPTED, case_for, case_names
from .paths import UPLOAD_PATHS

pytestmark = pytest.mark.django_db

AVATAR_PATHS = {"profile_photo", "admin_avatar"}


def rules_of(path_name: str, kind: str) -> UploadRules:
    if path_name in AVATAR_PATHS:
        return UploadRules.for_avatars()
    return UploadRules.for_documents() if kind == "document" else UploadRules.for_images()


def expected_message(code: str, filename: str, rules: UploadRules) -> str:
    """The French a person reads, written out here rather than rebuilt from the code."""
    extension = filename.rsplit(".", 1)[-1]
    limit = f"{rules.max_pixels // 1_000_000}"
    messages = {
        "empty": "Le fichier est vide (0 octet) : rien n’a été enregistré.",
        "corrupt": (
            f"Le fichier .{extension} est endommagé ou incomplet et ne peut pas être ouvert."
        ),
        "mismatch": f"Le contenu du fichier ne correspond pas à son extension .{extension}",
        "encrypted": "Le fichier est protégé par un mot de passe",
        "polyglot": f"Le fichier est à la fois un fichier .{extension} et une archive ZIP.",
        "extension": (
            f"Les fichiers se terminant par .{extension} ne sont pas acceptés. "
            f"Extensions acceptées : {', '.join('.' + item for item in rules.extensions)}."
        ),
        "zip_ratio": "Le fichier est compressé de façon anormale (bombe zip possible",
        "xml_entities": "Le document contient des déclarations XML (DTD ou entités)",
        "too_large": (
            "Le fichier est trop volumineux : 102\xa0401 octets, "
            "alors que la limite est de 102\xa0400 octets."
        ),
    }
    if code == "pixels" and filename == "immense.png":
        return (
            "L’image est trop grande : 9000 × 9000 pixels, soit 81 millions de pixels, "
            f"alors que la limite est de {limit} millions de pixels."
        )
    if code == "pixels":
        return (
            "L’image déclare tant de pixels qu’elle n’a pas été ouverte (bombe de "
            f"décompression possible) ; la limite est de {limit} millions de pixels."
        )
    return messages[code]


@pytest.mark.parametrize("path_name", list(UPLOAD_PATHS))
@pytest.mark.parametrize("case_name", case_names())
def test_hostile_upload(client, upload_context, media_root, path_name, case_name):
    kind, upload, refused_status, accepted_status = UPLOAD_PATHS[path_name]
    case = case_for(kind, case_name)
    client.force_login(upload_context.user)
    files_before = media_checksums(media_root)
    rows_before = stored_rows(upload_context.user)

    answer = upload(client, upload_context, case.filename, case.data)

    assert answer.status < 500
    files_after = media_checksums(media_root)
    # No file already stored is changed or removed, whatever the upload.
    assert {name: files_after.get(name) for name in files_before} == files_before
    rows_after = stored_rows(upload_context.user)
    if case.expected == ACCEPTED:
        assert answer.accepted, answer.text[:3000]
        assert answer.status == accepted_status
        assert len(files_after) > len(files_before)
        assert rows_after["uploaded_files"] == rows_before["uploaded_files"]
        assert rows_after != rows_before
    else:
        assert not answer.accepted
        assert answer.status == refused_status
        message = expected_message(case.expected, case.filename, rules_of(path_name, kind))
        assert message in answer.text, answer.text[:3000]
        # Django's extension message (« L’extension de fichier « » n’est pas autorisée »,
        # once given to empty and oversized files) never comes on top.
        assert "n’est pas autorisée" not in answer.text
        assert rows_after == rows_before
        assert files_after == files_before


@pytest.mark.parametrize("case_name", ["html_with_script", "csv_with_formulas"])
def test_accepted_active_files_are_downloaded_never_displayed(client, upload_context, case_name):
    """HTML with a script and CSV with formulas are ordinary documents of the library: they
    are kept byte for byte, and only ever leave as a download the browser will not run."""
    from resources.models import ResourceDocument

    from .paths import admin_document_single

    case = case_for("document", case_name)
    client.force_login(upload_context.user)
    assert admin_document_single(client, upload_context, case.filename, case.data).accepted
    document = ResourceDocument.objects.get(title=case.filename)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == case.data
