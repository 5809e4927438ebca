"""Run inside a Trame process (`manage.py shell -c`) by the round-trip tests: add uploads to a
seeded site, and report what a restore must give back (rows, files, search hits)."""

import io
import json
from pathlib import Path

QUERIES = ["jeunes", "mobilité", "formation", "zygomorphe", "budget prévisionnel"]
USERS = ["professionnel", "admin"]


def add_uploads() -> None:
    """Uploaded documents (their text extracted and indexed) and an image, as the admin would."""
    from django.core.files.base import ContentFile

    from wagtail.images import get_image_model

    from PIL import Image

    from resources.file_builders import build_pdf
    from resources.models import ResourceDocument

    for number in range(3):
        title = f"Compte rendu zygomorphe n° {number}"
        pdf = build_pdf(title, [f"Le comité zygomorphe s'est réuni ({number})."])
        ResourceDocument.objects.create(
            title=title, file=ContentFile(pdf, name=f"compte-rendu-{number}.pdf")
        )
    picture = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 90)).save(picture, "PNG")
    get_image_model().objects.create(
        title="Affiche", file=ContentFile(picture.getvalue(), name="affiche.png")
    )


def report() -> None:
    """Rows per model, files and their SHA-256, and each query's hits per user, as JSON."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from operations.backup import manifest
    from operations.backup.database import quote
    from search.engines import database_engine
    from search.engines.base import SearchRequest
    from search.models import synonym_table
    from search.query import parse

    with connection.cursor() as cursor:
        counts = manifest.count_rows(cursor, quote, manifest.counted_tables())
    files = {
        name: manifest.sha256_of(path)
        for name, path in manifest.media_files(Path(settings.MEDIA_ROOT))
    }
    engine = database_engine()
    hits = {}
    for username in USERS:
        user = get_user_model().objects.get(username=username)
        for text in QUERIES:
            results = engine.search(SearchRequest(query=parse(text, synonym_table())), user)
            # The same hits; equally ranked ones may come in another order (index rebuilt).
            hits[f"{username}:{text}"] = [results.total, sorted(hit.key for hit in results.hits)]
    print("REPORT " + json.dumps({"counts": counts, "files": files, "hits": hits}))
