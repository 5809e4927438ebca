"""Bounded text extraction from the library's files.

Every limit is a setting (see `limits`); any problem ends in `ExtractionError` carrying a
French reason for editors, never in an exception reaching a user.
"""

from .base import ExtractionError, ExtractionResult, extract
from .language import detect_language

__all__ = ["ExtractionError", "ExtractionResult", "detect_language", "extract"]
