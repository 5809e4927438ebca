"""Images: Pillow reads the header (the pixel count is checked before a single pixel is
decoded), verifies the structure, then decodes it to prove it is whole. Profile photos are
then re-encoded, which drops EXIF and any other payload."""

import io
import warnings
from contextlib import contextmanager

from django.core.files.base import ContentFile

from PIL import Image, ImageOps, UnidentifiedImageError

from . import errors
from .rules import UploadRules

# Extension → the format Pillow must find inside.
IMAGE_FORMATS = {
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WEBP",
    "avif": "AVIF",
    "heic": "HEIF",
}
PHOTO_SIZE = (400, 400)


def check_image(file, head: bytes, *, extension: str, rules: UploadRules) -> None:
    """An image of the format its extension says, within `max_pixels` (frames included),
    and whole. Pillow's own guard (`Image.MAX_IMAGE_PIXELS`, bounded at start-up by
    `home.apps`) refuses the most extreme bombs before their size is even known."""
    max_pixels = rules.max_pixels
    try:
        with _opened(file) as image:
            found = image.format
            width, height = image.size
            frames = getattr(image, "n_frames", 1) or 1
    except Image.DecompressionBombError:
        raise errors.too_many_pixels(limit=max_pixels) from None
    except UnidentifiedImageError:
        raise errors.content_mismatch(extension=extension) from None
    except Exception:  # noqa: BLE001 - Pillow's parsers raise many kinds on a damaged header
        raise errors.corrupt(extension=extension) from None
    if found != IMAGE_FORMATS[extension]:
        raise errors.content_mismatch(extension=extension)
    if width * height * frames > max_pixels:
        raise errors.too_many_pixels(limit=max_pixels, width=width, height=height, frames=frames)
    try:
        with _opened(file) as image:
            image.verify()
        with _opened(file) as image:
            if image.format == "JPEG":
                # Decoding at 1/8 scale reads every byte of the stream at a fraction of the
                # memory: enough to find a truncated file.
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except Exception:  # noqa: BLE001 - truncated data, bad checksums, broken streams
        raise errors.corrupt(extension=extension) from None


def photo_reencode(file) -> ContentFile:
    """A checked photo (see `validate_upload`) as a clean JPEG of at most 400×400 pixels."""
    try:
        with _opened(file) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail(PHOTO_SIZE)
            output = io.BytesIO()
            # A fresh encode carries no EXIF, GPS or comment from the original.
            image.save(output, format="JPEG", quality=85, optimize=True)
    except Exception:  # noqa: BLE001 - already verified; a decoder may still give up
        raise errors.corrupt(extension="jpg") from None
    return ContentFile(output.getvalue(), name="photo.jpg")


@contextmanager
def _opened(file):
    """The upload opened by Pillow from its start. Pillow's bomb warning is silenced: the
    pixel count is compared with the rules' own limit just after, with the real size."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                yield image
    finally:
        file.seek(0)
