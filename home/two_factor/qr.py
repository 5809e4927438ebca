"""The setup's QR code, drawn on the server as inline SVG: no image service, no script."""

from base64 import b32encode

import qrcode
from qrcode.image.svg import SvgPathImage


def qr_code_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=SvgPathImage, box_size=8, border=4)
    # Labelled by the figure around it (see the setup template); the path stays black on white.
    image._img.set("aria-hidden", "true")
    image._img.set("focusable", "false")
    return image.to_string(encoding="unicode")


def secret_for_display(key: bytes) -> str:
    """The base32 secret that authenticator apps accept, in groups of four to copy by hand."""
    secret = b32encode(key).decode("ascii").rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))
