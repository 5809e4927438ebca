"""Benchmark of the resource library (see docs/benchmarks.md, "Extraction et bibliothèque").

1. Extraction: documents per second on a corpus of 200 mixed files (PDF, DOCX, ODT, PPTX,
   XLSX, ODS, TXT, HTML, CSV) generated here, measured twice: the bounded extraction and
   preview alone, and the whole upload path (document saved, task run, results stored).
2. Library: server time of the library page (Django test client, in process: no network,
   no web server) with 10,000 resources, for a few typical URLs, with its query count.

Runs on a throw-away test database (SQLite by default, PostgreSQL with DATABASE_URL):

    .venv/bin/python bench/extraction.py [--documents 200] [--resources 10000]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

WORDS = [
    "accompagnement",
    "jeunes",
    "emploi",
    "formation",
    "mobilité",
    "logement",
    "santé",
    "orientation",
    "insertion",
    "réseau",
    "Mission",
    "Locale",
    "conseiller",
    "référent",
    "partenaires",
    "financement",
    "entreprise",
    "projet",
    "territoire",
    "dispositif",
    "contrat",
    "engagement",
    "apprentissage",
    "qualification",
]


def sentence(n: int) -> str:
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(14)).capitalize() + "."


def corpus(count: int) -> list[tuple[str, bytes]]:
    from resources import file_builders as build

    files = []
    for n in range(count):
        paragraphs = [sentence(n + i) for i in range(20 + (n % 5) * 20)]
        kind = n % 9
        title = f"Document {n}"
        if kind == 0:
            files.append((f"doc{n}.pdf", build.build_pdf(title, paragraphs)))
        elif kind == 1:
            files.append((f"doc{n}.docx", build.build_docx(title, paragraphs)))
        elif kind == 2:
            files.append((f"doc{n}.odt", build.build_odt(title, paragraphs)))
        elif kind == 3:
            files.append((f"doc{n}.pptx", build.build_pptx(title, paragraphs[:15])))
        elif kind == 4:
            rows = [[i, text] for i, text in enumerate(paragraphs)]
            files.append((f"doc{n}.xlsx", build.build_xlsx(title, rows)))
        elif kind == 5:
            files.append((f"doc{n}.ods", build.build_ods(title, [[p] for p in paragraphs])))
        elif kind == 6:
            files.append((f"doc{n}.txt", "\n".join(paragraphs).encode()))
        elif kind == 7:
            html = "".join(f"<p>{p}</p>" for p in paragraphs)
            files.append((f"doc{n}.html", f"<html><body>{html}</body></html>".encode()))
        else:
            files.append(
                (f"doc{n}.csv", "\n".join(f"{i};{p}" for i, p in enumerate(paragraphs)).encode())
            )
    return files


def bench_extraction(count: int) -> None:
    from wagtail.models import Collection

    from resources.extraction import extract
    from resources.models import ExtractionStatus, ResourceDocument
    from resources.previews import make_thumbnail

    files = corpus(count)
    size = sum(len(data) for _name, data in files)
    print(f"Corpus : {count} fichiers, {size / 1024 / 1024:.1f} Mo")

    started = time.perf_counter()
    for name, data in files:
        extension = name.rsplit(".", 1)[1]
        extract(io.BytesIO(data), extension)
        make_thumbnail(io.BytesIO(data), extension)
    elapsed = time.perf_counter() - started
    print(f"Extraction + vignette seules : {count / elapsed:.1f} documents/s ({elapsed:.1f} s)")

    root = Collection.get_first_root_node()
    started = time.perf_counter()
    for name, data in files:
        ResourceDocument(title=name, file=ContentFile(data, name=name), collection=root).save()
    elapsed = time.perf_counter() - started
    done = ResourceDocument.objects.filter(extraction_status=ExtractionStatus.DONE).count()
    print(
        f"Dépôt complet (enregistrement, tâche, empreinte, texte, vignette) : "
        f"{count / elapsed:.1f} documents/s ({elapsed:.1f} s), {done}/{count} extraits"
    )


def bench_library(count: int) -> None:
    import datetime

    from django.contrib.auth import get_user_model
    from django.test import Client

    from groups.models import Structure, Thematic
    from home.models import HomePage
    from resources.models import (
        ResourceDocument,
        ResourceIndexPage,
        ResourcePage,
        ResourcePageDocument,
        ResourceType,
    )

    # The search index is not what is measured here: indexing each page as it is created
    # would multiply the set-up time by five.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    home = HomePage.objects.get()
    library = home.add_child(instance=ResourceIndexPage(title="Ressources", slug="ressources"))
    types = list(ResourceType.objects.all())
    thematics = [Thematic.objects.create(name=f"Thématique {n}", slug=f"t{n}") for n in range(8)]
    structures = [Structure.objects.create(name=f"Mission Locale {n}") for n in range(27)]
    documents = list(ResourceDocument.objects.all()[:50])
    started = time.perf_counter()
    through = ResourcePage.thematics.through
    links, pages = [], []
    for n in range(count):
        page = library.add_child(
            instance=ResourcePage(
                title=f"Ressource {n} : {sentence(n)[:60]}",
                slug=f"ressource-{n}",
                summary=sentence(n),
                resource_type=types[n % len(types)],
                producing_structure=structures[n % len(structures)],
                publication_date=datetime.date(2018 + n % 8, 1 + n % 12, 1 + n % 28),
            )
        )
        pages.append(page)
        links.append(through(resourcepage_id=page.pk, thematic_id=thematics[n % 8].pk))
        if documents:
            links.append(
                ResourcePageDocument(page_id=page.pk, document=documents[n % len(documents)])
            )
    through.objects.bulk_create([link for link in links if isinstance(link, through)])
    ResourcePageDocument.objects.bulk_create(
        [link for link in links if isinstance(link, ResourcePageDocument)]
    )
    print(f"{count} ressources créées en {time.perf_counter() - started:.0f} s")

    user = get_user_model().objects.create_user("bench", password="x")  # noqa: S106
    client = Client()
    client.force_login(user)
    urls = [
        "/ressources/",
        "/ressources/?thematique=t3",
        "/ressources/?type=guide&annee=2022&format=pdf",
        "/ressources/?tri=vues",
        "/ressources/?tri=titre&page=400",
    ]
    print("| URL | médiane (ms) | requêtes SQL |")
    print("|---|---|---|")
    for url in urls:
        client.get(url)
        times = []
        for _ in range(7):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"| `{url}` | {statistics.median(times):.0f} | {len(queries)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--resources", type=int, default=10_000)
    options = parser.parse_args()

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="trame-bench-")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Base de données : {connection.vendor}")
        bench_extraction(options.documents)
        bench_library(options.resources)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
