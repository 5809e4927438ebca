"""Every reason an upload is refused, worded once. Each is a `ValidationError` with a code,
so forms show the message and tests can check the code."""

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

KIB = 1024


def size_text(size: int) -> str:
    """A size as people read it, in the active language: « 52,4 Mo », « 800 octets »."""
    if size < KIB:
        return _bytes_text(size)
    value = size / KIB
    if value < KIB:
        return _("%(size)s KB") % {"size": _decimal(value)}
    value /= KIB
    if value < KIB:
        return _("%(size)s MB") % {"size": _decimal(value)}
    return _("%(size)s GB") % {"size": _decimal(value / KIB)}


def _decimal(value: float) -> str:
    rounded = round(value, 1)
    if rounded == int(rounded):
        return number_format(int(rounded))
    return number_format(rounded, decimal_pos=1)


def pixels_text(pixels: int) -> str:
    """« 81 millions de pixels », « 1,5 million de pixels », « 12 500 pixels »."""
    if pixels >= 1_000_000:
        millions = pixels / 1_000_000
        return ngettext("%(count)s million pixels", "%(count)s million pixels", int(millions)) % {
            "count": _decimal(millions)
        }
    return ngettext("%(count)s pixel", "%(count)s pixels", pixels) % {
        "count": number_format(pixels, force_grouping=True)
    }


def empty() -> ValidationError:
    return ValidationError(_("The file is empty (0 bytes): nothing was saved."), code="empty")


def too_large(*, size: int, limit: int) -> ValidationError:
    size_shown, limit_shown = size_text(size), size_text(limit)
    if size_shown == limit_shown:  # just over: rounded, both would read the same
        size_shown, limit_shown = _bytes_text(size), _bytes_text(limit)
    return ValidationError(
        _("The file is too large: %(size)s, when the limit is %(limit)s.")
        % {"size": size_shown, "limit": limit_shown},
        code="too_large",
    )


def _bytes_text(size: int) -> str:
    return ngettext("%(size)s byte", "%(size)s bytes", size) % {
        "size": number_format(size, force_grouping=True)
    }


def extension_refused(*, extension: str, allowed: tuple[str, ...]) -> ValidationError:
    allowed_text = ", ".join(f".{item}" for item in allowed)
    if not extension:
        message = _("The file name has no extension. Accepted extensions: %(allowed)s.") % {
            "allowed": allowed_text
        }
    else:
        message = _(
            "Files ending in .%(extension)s are not accepted. Accepted extensions: %(allowed)s."
        ) % {"extension": extension, "allowed": allowed_text}
    return ValidationError(message, code="extension")


def content_mismatch(*, extension: str, looks_like: str = "") -> ValidationError:
    if looks_like:
        message = _(
            "The content of the file does not match its extension .%(extension)s: "
            "it looks like a %(kind)s file."
        ) % {"extension": extension, "kind": looks_like}
    else:
        message = _(
            "The content of the file does not match its extension .%(extension)s: "
            "it is not a real .%(extension)s file."
        ) % {"extension": extension}
    return ValidationError(message, code="mismatch")


def polyglot(*, extension: str) -> ValidationError:
    return ValidationError(
        _(
            "The file is both a .%(extension)s file and a ZIP archive. Such hybrid files are "
            "refused: save it again as a plain .%(extension)s file."
        )
        % {"extension": extension},
        code="polyglot",
    )


def encrypted() -> ValidationError:
    return ValidationError(
        _(
            "The file is protected by a password, so nobody else could open it. Upload a "
            "version without password."
        ),
        code="encrypted",
    )


def corrupt(*, extension: str) -> ValidationError:
    return ValidationError(
        _("The .%(extension)s file is damaged or incomplete and cannot be opened.")
        % {"extension": extension},
        code="corrupt",
    )


def archive_too_many_parts(*, count: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The file contains %(count)s parts, more than the %(limit)s that can be read safely.")
        % {"count": count, "limit": limit},
        code="zip_entries",
    )


def archive_too_large_uncompressed(*, size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The file would take %(size)s once uncompressed, more than the %(limit)s allowed.")
        % {"size": size_text(size), "limit": size_text(limit)},
        code="zip_total",
    )


def archive_abnormal_ratio(*, ratio: int) -> ValidationError:
    return ValidationError(
        _(
            "The file is compressed abnormally (possible zip bomb: more than %(ratio)s times "
            "smaller than its content). It was not opened."
        )
        % {"ratio": ratio},
        code="zip_ratio",
    )


def xml_declarations() -> ValidationError:
    return ValidationError(
        _(
            "The document contains XML declarations (DTD or entities) that office software "
            "never writes and that can be used to read the server's files. It is refused."
        ),
        code="xml_entities",
    )


def too_many_pixels(*, limit: int, width: int = 0, height: int = 0, frames: int = 1):
    if width and height:
        message = _(
            "The image is too large: %(width)s × %(height)s pixels%(frames)s, that is "
            "%(pixels)s, when the limit is %(limit)s."
        ) % {
            "width": width,
            "height": height,
            "frames": (_(" over %(count)s frames") % {"count": frames}) if frames > 1 else "",
            "pixels": pixels_text(width * height * frames),
            "limit": pixels_text(limit),
        }
    else:
        message = _(
            "The image declares so many pixels that it was not opened (possible decompression "
            "bomb); the limit is %(limit)s."
        ) % {"limit": pixels_text(limit)}
    return ValidationError(message, code="pixels")


def collection_forbidden() -> ValidationError:
    return ValidationError(
        _("You may not add files to this collection: nothing was saved."),
        code="collection_forbidden",
    )
