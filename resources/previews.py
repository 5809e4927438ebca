"""Thumbnails of documents: the image itself, or the first page of a PDF. Other formats show
a typed icon (templates), so no thumbnail is made for them."""

import io
import logging
import warnings

from django.conf import settings

from PIL import Image

logger = logging.getLogger(__name__)

THUMBNAIL_SIZE = (480, 480)
IMAGE_FORMATS = {"png", "jpg", "jpeg", "gif", "webp"}


class PreviewError(Exception):
    pass


def _image_thumbnail(file) -> bytes:
    # Pillow warns at MAX_IMAGE_PIXELS and raises at twice that; both mean "refuse".
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                image.thumbnail(THUMBNAIL_SIZE)
                return _as_png(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise PreviewError("decompression bomb refused") from error


def _pdf_thumbnail(file) -> bytes:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(file.read())
    try:
        if len(pdf) == 0:
            raise PreviewError("no page")
        page = pdf[0]
        width, height = page.get_size()
        # Render at the scale that fits the thumbnail box, never larger than the page itself.
        scale = min(THUMBNAIL_SIZE[0] / max(width, 1), THUMBNAIL_SIZE[1] / max(height, 1), 2)
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil()
        page.close()
        return _as_png(image)
    finally:
        pdf.close()


def _as_png(image) -> bytes:
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA")
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def make_thumbnail(file, extension: str) -> bytes | None:
    """PNG bytes of a thumbnail, or None when the format has none or the file cannot be read
    (a damaged or oversized file never breaks the upload)."""
    extension = extension.lower()
    try:
        if extension in IMAGE_FORMATS:
            return _image_thumbnail(file)
        if extension == "pdf":
            return _pdf_thumbnail(file)
    except PreviewError as error:
        logger.info("No thumbnail for a .%s file: %s", extension, error)
    except Exception as error:  # damaged or encrypted files: an icon is shown instead
        logger.info("No thumbnail for a .%s file: %r", extension, error)
    finally:
        file.seek(0)
    return None
