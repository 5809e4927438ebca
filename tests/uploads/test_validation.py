"""The shared upload check on its own: real files of every accepted format pass, and each
kind of bad file gets its own French message."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image
from pypdf import PdfWriter

from home.uploads import UploadRules, ZipLimits, size_text, validate_upload
from resources.file_builders import (
    build_docx,
    build_ods,
    build_odt,
    build_pdf,
    build_pptx,
    build_xlsx,
)

from .corpus import sample_pdf, zip_archive

pytestmark = pytest.mark.django_db  # reads the settings only; the marker keeps them fresh

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def image_bytes(image_format: str, size=(40, 30), mode="RGB") -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, "teal" if mode == "RGB" else 0).save(output, format=image_format)
    return output.getvalue()


def refusal(filename: str, data: bytes, rules: UploadRules | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(filename, data), rules or UploadRules.for_documents())
    return caught.value


def rewritten_zip(data: bytes, replace: dict[str, bytes]) -> bytes:
    source, output = io.BytesIO(data), io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(output, "w") as archive:
        for entry in original.infolist():
            archive.writestr(entry, replace.get(entry.filename, original.read(entry)))
    return output.getvalue()


def macro_enabled_docx() -> bytes:
    """A Word file with macros (.docm) renamed .docx: its main part says so."""
    data = build_docx("Macros", ["Texte"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    docx_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert docx_type in types
    docm_type = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    return rewritten_zip(data, {"[Content_Types].xml": types.replace(docx_type, docm_type)})


def pdf_encrypted(*, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(sample_pdf()))
    writer.encrypt(user_password=user_password, owner_password="proprio", algorithm=algorithm)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("guide.pdf", build_pdf("Guide", ["Texte du guide."])),
        # Encrypted with an empty password: printing or copying is restricted, reading is not.
        ("impression-seule.pdf", pdf_encrypted(user_password="", algorithm="RC4-128")),
        ("impression-seule-aes.pdf", pdf_encrypted(user_password="", algorithm="AES-256")),
        ("trame.docx", build_docx("Trame", ["Texte."])),
        ("trame.odt", build_odt("Trame", ["Texte."])),
        ("tableau.ods", build_ods("Tableau", [["a", "b"]])),
        ("tableau.xlsx", build_xlsx("Tableau", [["a", "b"]])),
        ("support.pptx", build_pptx("Support", ["Diapositive"])),
        ("ancien.doc", OLE2 + b"\0" * 504),
        ("note.rtf", b"{\\rtf1\\ansi Bonjour}"),
        ("note.md", "# Réunion\n\nCompte rendu.".encode()),
        ("note.txt", "Compte rendu en Windows-1252 : réunion".encode("cp1252")),
        ("dossier.zip", zip_archive({"a.txt": b"Bonjour"})),
        ("photo.jpg", image_bytes("JPEG")),
        ("photo.jpeg", image_bytes("JPEG")),
        ("logo.png", image_bytes("PNG")),
    ],
)
def test_real_files_of_every_accepted_format_pass(filename, data):
    upload = SimpleUploadedFile(filename, data)
    validate_upload(upload, UploadRules.for_documents())
    assert upload.tell() == 0  # left ready to be stored


@pytest.mark.parametrize(
    ("filename", "data"), [("anime.gif", image_bytes("GIF")), ("image.webp", image_bytes("WEBP"))]
)
def test_real_images_pass_the_image_rules(filename, data):
    validate_upload(SimpleUploadedFile(filename, data), UploadRules.for_images())


def test_sizes_read_in_french():
    assert size_text(int(52.4 * 1024 * 1024)) == "52,4 Mo"
    assert size_text(50 * 1024 * 1024) == "50 Mo"
    assert size_text(1536) == "1,5 Ko"
    assert size_text(800) == "800 octets"
    assert size_text(1) == "1 octet"
    assert size_text(3 * 1024**3) == "3 Go"


def test_a_large_file_is_told_its_size_and_the_limit(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
    data = b"%PDF-" + b"x" * int(52.4 * 1024 * 1024)
    error = refusal("rapport.pdf", data)
    assert error.code == "too_large"
    assert error.message == (
        "Le fichier est trop volumineux : 52,4 Mo, alors que la limite est de 50 Mo."
    )


def test_a_file_without_extension_is_told_the_accepted_ones():
    error = refusal("LISEZMOI", b"Bonjour", UploadRules.for_images())
    assert error.message == (
        "Le nom du fichier n’a pas d’extension. "
        "Extensions acceptées : .avif, .gif, .jpg, .jpeg, .png, .webp."
    )


def test_the_extension_check_ignores_case():
    validate_upload(SimpleUploadedFile("GUIDE.PDF", sample_pdf()), UploadRules.for_documents())


@pytest.mark.parametrize(
    ("filename", "data", "code", "message"),
    [
        (
            "faux.docx",
            build_odt("Texte", ["Un ODT renommé."]),
            "mismatch",
            "Le contenu du fichier ne correspond pas à son extension .docx : "
            "il ressemble à un fichier ODT.",
        ),
        (
            "macros.docx",  # a macro-enabled Word file renamed .docx
            macro_enabled_docx(),
            "mismatch",
            "ne correspond pas à son extension .docx",
        ),
        (
            "tableur.odt",
            build_ods("Tableau", [["a"]]),
            "mismatch",
            "ne correspond pas à son extension .odt",
        ),
        (
            "rapport.docx",
            sample_pdf(),
            "mismatch",
            "Le contenu du fichier ne correspond pas à son extension .docx : "
            "il ressemble à un fichier PDF.",
        ),
        (
            "note.txt",
            image_bytes("PNG"),
            "mismatch",
            "ne correspond pas à son extension .txt : il ressemble à un fichier PNG.",
        ),
        (
            "protege.docx",  # how Office stores a password-protected DOCX
            OLE2 + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 200,
            "encrypted",
            "Le fichier est protégé par un mot de passe : personne d’autre ne pourrait "
            "l’ouvrir. Déposez une version sans mot de passe.",
        ),
        (
            "protege.odt",
            rewritten_zip(
                build_odt("Secret", ["Texte"]),
                {
                    "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest '
                    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    b"<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>"
                    b"</manifest:manifest>"
                },
            ),
            "encrypted",
            "protégé par un mot de passe",
        ),
        (
            "tronque.docx",
            build_docx("Trame", ["Texte."])[:3000],
            "corrupt",
            "Le fichier .docx est endommagé ou incomplet et ne peut pas être ouvert.",
        ),
    ],
)
def test_office_files_that_are_not_what_they_claim_are_refused(filename, data, code, message):
    error = refusal(filename, data)
    assert error.code == code
    assert message in error.message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_that_needs_a_password_is_refused(algorithm):
    data = pdf_encrypted(user_password="mot-de-passe", algorithm=algorithm)
    assert refusal("protege.pdf", data).code == "encrypted"


def test_a_zip_with_too_many_parts_is_refused(settings):
    settings.TRAME_EXTRACTION_ZIP_MAX_ENTRIES = 10
    error = refusal("dossier.zip", zip_archive({f"{n}.txt": b"x" for n in range(11)}))
    assert error.message == (
        "Le fichier contient 11 parties, plus que les 10 qui peuvent être lues sans risque."
    )


def test_a_zip_too_large_once_uncompressed_is_refused():
    rules = UploadRules(
        extensions=("zip",),
        max_size=None,
        max_pixels=1,
        zip_limits=ZipLimits(max_total=1024 * 1024, max_ratio=10_000, max_entries=10),
    )
    error = refusal("archive.zip", zip_archive({"gros.bin": b"\0" * (2 * 1024 * 1024)}), rules)
    assert error.message == (
        "Le fichier occuperait 2 Mo une fois décompressé, plus que les 1 Mo permis."
    )


def test_a_password_protected_zip_is_refused():
    data = bytearray(zip_archive({"secret.txt": b"Bonjour"}))
    # Set the "encrypted" flag of the entry, in its local header and its central record.
    data[6] |= 0x1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1
    assert refusal("secret.zip", bytes(data)).code == "encrypted"


def test_an_animated_image_counts_the_pixels_of_every_frame(settings):
    settings.TRAME_AVATAR_MAX_PIXELS = 10_000
    frames = [Image.new("RGB", (50, 50), (40 * n, 0, 0)) for n in range(5)]
    output = io.BytesIO()
    frames[0].save(output, format="GIF", save_all=True, append_images=frames[1:])
    error = refusal("anime.gif", output.getvalue(), UploadRules.for_avatars())
    assert error.message == (
        "L’image est trop grande : 50 × 50 pixels sur 5 images, soit 12\xa0500 pixels, "
        "alors que la limite est de 10\xa0000 pixels."
    )
