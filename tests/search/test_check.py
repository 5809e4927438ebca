"""`manage.py search_check`: the index compared with the site, drift reported exactly, and
repaired; the digests the database computes match the ones computed in Python."""

import datetime
import io

from django.core.management import CommandError, call_command

import pytest

from search.check import index_check
from search.engines.base import Choice, IndexEntry
from search.engines.database import DatabaseEngine
from search.engines.digest import entry_digest
from search.models import IndexCheck, ReindexFailure, SearchEntry
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ThematicFactory,
)
from tests.search.helpers import rebuild_search_index


@pytest.fixture
def indexed_site(home_page):
    NetworkDirectoryPageFactory(parent=home_page)
    library = ResourceIndexPageFactory(parent=home_page)
    thematic = ThematicFactory(name="Mobilité")
    pages = [
        ResourcePageFactory(parent=library, title=f"Guide de la mobilité n°{n}") for n in range(3)
    ]
    pages[0].thematics.add(thematic)
    pages[0].save_revision().publish()
    rebuild_search_index()
    return {"library": library, "pages": pages}


def run_check(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("search_check", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_database_digest_matches_the_python_digest_for_every_kind_of_value(db):
    entry = IndexEntry(
        key="page:1",
        kind=Choice("resource", "Ressource"),
        title="Élan « vers l'emploi » — 2e édition",
        url="/ressources/elan/",
        body="Texte\navec des retours à la ligne et des émojis 🚲",
        document_text="Contenu du PDF",
        date=datetime.date(2025, 3, 9),
        thematics=(Choice("mobilite", "Mobilité"), Choice("emploi", "Emploi")),
        resource_type=Choice("guide", "Guide"),
        structure=Choice("3", "Mission Locale de Dole"),
        group=Choice("7", "GT Mobilité"),
        locks=("c2", "p5"),
        file_format="PDF",
        file_size=123456789012,
        autocomplete=("Conseillère", "Dole"),
    )
    bare = IndexEntry(
        key="structure:2", kind=Choice("structure", "Structure"), title="ARML", url="/"
    )
    DatabaseEngine().index([entry, bare])
    assert dict(DatabaseEngine().digests()) == {
        "page:1": entry_digest(entry),
        "structure:2": entry_digest(bare),
    }


def test_a_fresh_index_has_no_drift(indexed_site):
    code, output = run_check()
    assert code == 0
    assert "0 manquantes, 0 périmées, 0 en trop" in output
    check = IndexCheck.objects.get()
    assert (check.missing, check.stale, check.extra) == (0, 0, 0)
    assert check.expected == check.indexed == SearchEntry.objects.count()


def test_a_row_corrupted_by_hand_is_reported_alone_and_repaired(indexed_site):
    page = indexed_site["pages"][1]
    key = f"page:{page.pk}"
    SearchEntry.objects.filter(key=key).update(title="Titre corrompu à la main")

    code, output = run_check()
    assert code == 1
    assert f"périmée : {key}" in output
    [drift] = index_check()
    assert (drift.missing, drift.stale, drift.extra) == ([], [key], [])

    code, output = run_check("--repair")
    assert code == 0
    assert SearchEntry.objects.get(key=key).title == page.title
    assert not any(index_check())
    assert IndexCheck.objects.filter(repaired=True).exists()


def test_a_corrupted_lock_or_thematic_is_stale(indexed_site):
    first, second = indexed_site["pages"][:2]
    SearchEntry.objects.filter(key=f"page:{second.pk}").update(locks="")
    SearchEntry.objects.filter(key=f"page:{second.pk}").update(locks=" p999 ")
    SearchEntry.objects.get(key=f"page:{first.pk}").thematics.all().delete()
    [drift] = index_check()
    assert drift.stale == sorted([f"page:{first.pk}", f"page:{second.pk}"])


def test_missing_and_extra_entries_are_reported_and_repaired(indexed_site):
    kept, unpublished, deleted = indexed_site["pages"]
    # Changes the index never heard of: written behind its back.
    SearchEntry.objects.filter(key=f"page:{kept.pk}").delete()
    type(unpublished).objects.filter(pk=unpublished.pk).update(live=False)
    deleted_key = f"page:{deleted.pk}"
    deleted.delete()  # its reindexing waits for a commit this test never makes

    [drift] = index_check()
    assert drift.missing == [f"page:{kept.pk}"]
    assert drift.extra == sorted([f"page:{unpublished.pk}", deleted_key])
    assert drift.stale == []

    [drift] = index_check(repair=True)
    assert drift.repaired
    assert SearchEntry.objects.filter(key=f"page:{kept.pk}").exists()
    assert not SearchEntry.objects.filter(key__in=drift.extra).exists()
    assert not any(index_check())


def test_a_check_that_finds_the_index_right_resolves_open_failures(indexed_site):
    ReindexFailure.objects.create(keys=["page:1"], attempts=3, error="ConnectionError()")
    index_check()
    assert not ReindexFailure.objects.filter(resolved_at__isnull=True).exists()


def test_a_check_that_finds_drift_keeps_failures_open(indexed_site):
    ReindexFailure.objects.create(keys=["page:1"], attempts=3, error="ConnectionError()")
    SearchEntry.objects.filter(key=f"page:{indexed_site['pages'][0].pk}").delete()
    index_check()
    assert ReindexFailure.objects.filter(resolved_at__isnull=True).exists()


def test_check_queries_do_not_grow_with_the_index(indexed_site, django_assert_max_num_queries):
    library = indexed_site["library"]
    rebuild_search_index()
    engine = DatabaseEngine()
    with django_assert_max_num_queries(4):
        small = dict(engine.digests())
    for n in range(20):
        ResourcePageFactory(parent=library, title=f"Fiche {n}")
    rebuild_search_index()
    with django_assert_max_num_queries(4):
        large = dict(engine.digests())
    assert len(large) == len(small) + 20
