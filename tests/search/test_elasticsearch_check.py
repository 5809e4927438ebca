"""search_check on the Elasticsearch engine, against a scripted cluster: the digests it
stores with each document, the scroll that reads them back, drift and its repair."""

import pytest

from search import check, indexing
from search.engines.digest import entry_digest
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es.indices import index_action
from search.sources import all_entries
from tests.factories import (
    NetworkDirectoryPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.search.es_transport import Cluster
from tests.search.helpers import rebuild_search_index

pytestmark = pytest.mark.django_db


class ScrollingCluster(Cluster):
    """A cluster holding `documents` ({key: digest}): answers the scroll that reads them,
    and applies bulk writes to them."""

    def __init__(self, documents: dict[str, str]):
        super().__init__(self.answer)
        self.documents = documents

    def answer(self, method, path, body):
        if path.startswith("/trame/_search"):
            wanted = body["query"].get("ids", {}).get("values")
            hits = [
                {"_index": "trame-1", "_id": key, "_source": {"digest": digest}}
                for key, digest in sorted(self.documents.items())
                if wanted is None or key in wanted
            ]
            return 200, {
                "_scroll_id": "scroll-1",
                "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": hits},
                "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            }
        if path.startswith("/_search/scroll"):
            return 200, {
                "_scroll_id": "scroll-1",
                "hits": {"hits": []},
                "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            }
        if path.startswith("/_bulk"):
            items = []
            for line in body:
                if "index" in line:
                    current = ("index", line["index"]["_id"])
                elif "delete" in line:
                    self.documents.pop(line["delete"]["_id"], None)
                    items.append({"delete": {"_id": line["delete"]["_id"], "status": 200}})
                    continue
                else:
                    self.documents[current[1]] = line["digest"]
                    items.append({"index": {"_id": current[1], "status": 200}})
            return 200, {"errors": False, "items": items}
        return 200, {}


@pytest.fixture
def site(home_page):
    NetworkDirectoryPageFactory(parent=home_page)
    library = ResourceIndexPageFactory(parent=home_page)
    pages = [ResourcePageFactory(parent=library, title=f"Fiche mobilité {n}") for n in range(3)]
    rebuild_search_index()
    return pages


def test_each_document_carries_the_entry_digest(site):
    entry = next(all_entries())
    assert index_action(entry, "trame")["_source"]["digest"] == entry_digest(entry)


def test_the_check_reads_digests_with_a_scroll_and_reports_drift(site, monkeypatch):
    documents = {entry.key: entry_digest(entry) for entry in all_entries()}
    kept, stale, missing = (f"page:{page.pk}" for page in site)
    documents[stale] = "0" * 64
    del documents[missing]
    documents["page:999"] = "f" * 64
    cluster = ScrollingCluster(documents)
    engine = ElasticsearchEngine("http://es.test", fallback=None, client=cluster.client())
    monkeypatch.setattr(indexing, "get_engine", lambda: engine)

    database, elasticsearch = check.index_check()

    assert not database
    assert elasticsearch.engine == "elasticsearch"
    assert (elasticsearch.missing, elasticsearch.stale, elasticsearch.extra) == (
        [missing],
        [stale],
        ["page:999"],
    )
    method, path, body = cluster.requests[0]
    assert path.startswith("/trame/_search")
    assert body["_source"] == ["digest"]

    [_database, elasticsearch] = check.index_check(repair=True)
    assert elasticsearch.repaired
    assert "page:999" not in cluster.documents
    assert cluster.documents[stale] != "0" * 64
    assert missing in cluster.documents
    assert not any(check.index_check())
