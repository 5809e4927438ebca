class ExtractionError(Exception):
    """Extraction failed; the message is the reason shown to editors (in French)."""
