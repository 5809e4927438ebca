"""A recording HTTP node for the Elasticsearch client: tests see every request the engine
sends (method, path, decoded body) and script the cluster's answers, with no server."""

import json
from collections.abc import Callable

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch


class Cluster:
    """Answers requests with `respond(method, path, body) -> (status, body)` or raises what
    `respond` raises (a connection error, a timeout), and records them in `requests`."""

    def __init__(self, respond: Callable | None = None):
        self.requests: list[tuple[str, str, object]] = []
        self.respond = respond or (lambda method, path, body: (200, {}))

    def client(self) -> Elasticsearch:
        cluster = self

        class RecordingNode(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, **kwargs):
                decoded = _decode(target, body)
                cluster.requests.append((method, target, decoded))
                status, answer = cluster.respond(method, target, decoded)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(answer).encode())

        return Elasticsearch("http://es.test:9200", node_class=RecordingNode, max_retries=0)

    @property
    def calls(self) -> list[tuple[str, str]]:
        return [(method, path) for method, path, _ in self.requests]


def _decode(target: str, body: bytes | None):
    if not body:
        return None
    text = body.decode()
    if "/_bulk" in target:  # one JSON document per line
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)
