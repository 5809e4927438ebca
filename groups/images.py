"""Safe handling of uploaded profile photos: only real images, bounded in bytes and pixels,
re-encoded (which drops EXIF and every other metadata) and resized."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 25_000_000
PHOTO_SIZE = (400, 400)
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def photo_process(uploaded) -> ContentFile:
    """Check an uploaded photo and return it as a clean JPEG of at most 400×400 pixels.
    Raises ValidationError with a French message for anything else."""
    if uploaded.size > PHOTO_MAX_BYTES:
        raise ValidationError(_("The photo is too large: 5 MB at most."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            uploaded.seek(0)
            with Image.open(uploaded) as image:
                if image.format not in ALLOWED_FORMATS:
                    raise ValidationError(_("Send a JPEG, PNG, WebP or GIF image."))
                width, height = image.size
                # Checked before decoding a single pixel: a bomb is refused, not decoded.
                if width * height > PHOTO_MAX_PIXELS:
                    raise ValidationError(_("The image has too many pixels."))
                image.load()
                image = ImageOps.exif_transpose(image)
                image = image.convert("RGB")
                image.thumbnail(PHOTO_SIZE)
                output = io.BytesIO()
                # A fresh encode carries no EXIF, GPS or comment from the original.
                image.save(output, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("This file is not an image we can read, or it is too large.")
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("This image is damaged and cannot be read.")) from None
    return ContentFile(output.getvalue(), name="photo.jpg")
