from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class ZipLimits:
    """How far a zip container (DOCX, XLSX, PPTX, ODT, ODS, ODP, ZIP) may expand. The same
    bounds guard the upload and, later, the text extraction."""

    max_total: int
    max_ratio: int
    max_entries: int

    @classmethod
    def from_settings(cls) -> "ZipLimits":
        return cls(
            max_total=settings.TRAME_EXTRACTION_ZIP_MAX_TOTAL,
            max_ratio=settings.TRAME_EXTRACTION_ZIP_MAX_RATIO,
            max_entries=settings.TRAME_EXTRACTION_ZIP_MAX_ENTRIES,
        )


@dataclass(frozen=True)
class UploadRules:
    """What one kind of upload accepts. Built from the settings when a form is built, so an
    administrator's (or a test's) change applies at once."""

    extensions: tuple[str, ...]
    max_size: int | None
    max_pixels: int
    zip_limits: ZipLimits

    @classmethod
    def for_documents(cls) -> "UploadRules":
        return cls(
            extensions=tuple(ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS),
            max_size=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
            max_pixels=settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS,
            zip_limits=ZipLimits.from_settings(),
        )

    @classmethod
    def for_images(cls) -> "UploadRules":
        from wagtail.images.utils import get_allowed_image_extensions

        return cls(
            extensions=tuple(ext.lower() for ext in get_allowed_image_extensions()),
            max_size=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
            max_pixels=settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS,
            zip_limits=ZipLimits.from_settings(),
        )

    @classmethod
    def for_avatars(cls) -> "UploadRules":
        """Profile photos: the intranet's and the admin's. Re-encoded after the check."""
        return cls(
            extensions=("jpg", "jpeg", "png", "webp", "gif"),
            max_size=settings.TRAME_AVATAR_MAX_UPLOAD_SIZE,
            max_pixels=settings.TRAME_AVATAR_MAX_PIXELS,
            zip_limits=ZipLimits.from_settings(),
        )
