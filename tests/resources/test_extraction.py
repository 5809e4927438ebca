import io
import zipfile
from io import StringIO

from django.core.management import call_command

import pytest
from pypdf import PdfWriter

from resources.file_builders import (
    build_docx,
    build_ods,
    build_odt,
    build_pdf,
    build_pptx,
    build_xlsx,
)
from resources.models import ExtractionStatus, ResourceDocument

from .conftest import make_document

pytestmark = pytest.mark.django_db

FRENCH_TEXT = [
    "L’accompagnement des jeunes vers l’emploi repose sur une œuvre collective.",
    "Le ﬁnancement des actions et la réﬂexion sur les ﬂux d’orientation sont ﬁxés chaque année.",
    "Élèves, apprentis, demandeurs d’emploi : à chacun sa forêt de dispositifs.",
]


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(build_pdf("Confidentiel", ["Secret"])))
    writer.encrypt(user_password="mot-de-passe", owner_password="proprietaire", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def docx_zip_bomb(uncompressed_mb: int = 20) -> bytes:
    """A valid DOCX with one more part that expands from a few kB to tens of MB."""
    output = io.BytesIO(build_docx("Bombe", ["Un document piégé."]))
    with zipfile.ZipFile(output, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/remplissage.bin", b"\0" * (uncompressed_mb * 1024 * 1024))
    return output.getvalue()


def test_french_pdf_with_accents_and_ligatures_is_extracted():
    document = make_document("guide-accueil.pdf", build_pdf("Guide de l’accueil", FRENCH_TEXT))
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extraction_error == ""
    # The ligatures drawn as single glyphs (ﬁ, ﬂ) come back as plain letters, for search.
    assert "financement" in document.extracted_text
    assert "réflexion" in document.extracted_text
    assert "œuvre collective" in document.extracted_text
    assert "Élèves" in document.extracted_text
    assert "ﬁ" not in document.extracted_text
    assert document.page_count == 1
    assert document.language == "fr"
    assert len(document.checksum_sha256) == 64
    assert document.file_format == "pdf"
    assert document.thumbnail  # first page rendered


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        (
            "fiche.docx",
            build_docx("Fiche pratique", ["Le référent handicap accompagne."]),
            "référent handicap",
        ),
        (
            "compte-rendu.odt",
            build_odt("Compte-rendu", ["Réunion des chargés de projet."]),
            "chargés de projet",
        ),
        (
            "support.pptx",
            build_pptx("Support", ["Journée régionale du réseau"]),
            "Journée régionale",
        ),
        (
            "indicateurs.xlsx",
            build_xlsx("Indicateurs", [["Structure", "Jeunes accueillis"], ["Dijon", 1200]]),
            "Jeunes accueillis",
        ),
        (
            "indicateurs.ods",
            build_ods("Indicateurs", [["Structure", "Entrées en formation"]]),
            "Entrées en formation",
        ),
        ("notes.txt", "Éléments de réponse à l’appel à projets".encode(), "appel à projets"),
        ("notes.md", "# Veille\n\nDécret relatif à l’insertion".encode(), "Décret relatif"),
        ("liste.csv", "nom;ville\nMission Locale;Besançon\n".encode("cp1252"), "Besançon"),
        (
            "page.html",
            b"<html><script>alert(1)</script><p>Offre de service &eacute;largie</p></html>",
            "Offre de service élargie",
        ),
    ],
)
def test_each_format_is_extracted(filename, data, expected):
    document = make_document(filename, data)
    assert document.extraction_status == ExtractionStatus.DONE, document.extraction_error
    assert expected in document.extracted_text
    assert "alert" not in document.extracted_text


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("protege.pdf", encrypted_pdf(), "protégé par un mot de passe"),
        ("tronque.pdf", build_pdf("Guide", FRENCH_TEXT)[:400], "endommagé"),
        ("bombe.docx", docx_zip_bomb(), "bombe"),
        ("vide.pdf", b"", "vide"),
        ("faux.pdf", build_docx("Pas un PDF", ["Texte"]), "ne correspond pas à son extension"),
        ("faux.docx", b"Ceci est du texte brut, pas un document Word.", "ne correspond pas"),
        ("binaire.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "ne correspond pas"),
        ("ancien.doc", b"\xd0\xcf\x11\xe0 ancien format", "ne peut pas être extrait"),
    ],
)
def test_bad_files_end_failed_with_a_french_reason_and_are_kept(filename, data, reason):
    document = make_document(filename, data)
    assert document.extraction_status == ExtractionStatus.FAILED
    assert reason in document.extraction_error
    assert document.extracted_text == ""
    # The file itself is stored as uploaded, whole.
    with document.file.open("rb") as stored:
        assert stored.read() == data


def test_a_docx_whose_total_uncompressed_size_is_too_large_is_refused(settings):
    settings.TRAME_EXTRACTION_ZIP_MAX_TOTAL = 1024 * 1024
    settings.TRAME_EXTRACTION_ZIP_MAX_RATIO = 10_000
    document = make_document("gros.docx", docx_zip_bomb(uncompressed_mb=2))
    assert document.extraction_status == ExtractionStatus.FAILED
    assert "une fois décompressé" in document.extraction_error


def test_extraction_stops_at_the_character_and_page_limits(settings):
    settings.TRAME_EXTRACTION_MAX_CHARS = 50
    document = make_document("long.txt", ("Une phrase du guide. " * 100).encode())
    assert document.extraction_status == ExtractionStatus.DONE
    assert len(document.extracted_text) <= 50

    settings.TRAME_EXTRACTION_MAX_CHARS = 1_000_000
    settings.TRAME_EXTRACTION_MAX_PAGES = 1
    long_pdf = build_pdf(
        "Rapport", [f"Paragraphe numéro {n} du rapport annuel." for n in range(150)]
    )
    document = make_document("rapport.pdf", long_pdf)
    assert document.page_count > 1
    assert "numéro 0 " in document.extracted_text
    assert "numéro 149" not in document.extracted_text


def test_extraction_past_the_time_limit_fails(settings):
    settings.TRAME_EXTRACTION_TIME_LIMIT = 0
    document = make_document("lent.pdf", build_pdf("Guide", FRENCH_TEXT))
    assert document.extraction_status == ExtractionStatus.FAILED
    assert "limite de 0 seconde" in document.extraction_error


def test_identical_file_in_the_same_collection_is_flagged():
    data = build_pdf("Trame commune", FRENCH_TEXT)
    first = make_document("trame.pdf", data)
    second = make_document("trame-copie.pdf", data)
    other = make_document("autre.pdf", build_pdf("Autre", ["Autre texte"]))
    assert second.duplicate_of == first
    assert first.duplicate_of is None
    assert other.duplicate_of is None


def test_reextract_command_reprocesses_failed_documents(settings):
    settings.TRAME_EXTRACTION_TIME_LIMIT = 0
    failed = make_document("guide.pdf", build_pdf("Guide", FRENCH_TEXT))
    settings.TRAME_EXTRACTION_TIME_LIMIT = 60
    done = make_document("fiche.odt", build_odt("Fiche", ["Texte"]))
    assert failed.extraction_status == ExtractionStatus.FAILED

    output = StringIO()
    call_command("reextract_documents", "--failed", stdout=output, stderr=StringIO())
    failed.refresh_from_db()
    assert failed.extraction_status == ExtractionStatus.DONE
    assert "financement" in failed.extracted_text
    assert "1/1" in output.getvalue()

    output = StringIO()
    call_command("reextract_documents", stdout=output, stderr=StringIO())
    assert "2/2" in output.getvalue()
    done.refresh_from_db()
    assert done.extraction_status == ExtractionStatus.DONE


def test_the_extracted_text_is_indexed_for_search():
    document = make_document("guide.pdf", build_pdf("Guide", FRENCH_TEXT), title="Guide annuel")
    make_document("autre.odt", build_odt("Autre", ["Rien à voir."]), title="Autre document")
    results = list(ResourceDocument.objects.search("financement"))
    assert results == [document]


def test_a_pdf_encrypted_with_aes_and_no_user_password_is_extracted():
    """Only printing or copying is restricted: pypdf reads it with `cryptography`."""
    writer = PdfWriter(clone_from=io.BytesIO(build_pdf("Guide", FRENCH_TEXT)))
    writer.encrypt(user_password="", owner_password="proprietaire", algorithm="AES-256")
    output = io.BytesIO()
    writer.write(output)
    document = make_document("guide-protege.pdf", output.getvalue())
    assert document.extraction_status == ExtractionStatus.DONE, document.extraction_error
    assert "réflexion" in document.extracted_text
