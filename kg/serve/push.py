"""``kamerkg push``: upload a build to any SPARQL 1.1 Graph Store Protocol endpoint.

Each graph goes up as one HTTP PUT to ``<endpoint>?graph=<iri>``, which the
protocol defines as *replace*: pushing the same build twice leaves the
endpoint as after one push, and a rebuilt document replaces its old graph.

Two layouts:

* default: the union of all named graphs (what kg.nt holds) in ONE named
  graph, the dataset IRI ``<base>dataset``. A single named graph never
  touches the endpoint's default graph or anybody else's data, and one PUT
  replaces the whole previous push (documents dropped from the corpus go too).
* ``--graph-per-document``: every named graph of the store (one per
  document, plus ``<base>graph/entities``) under its own IRI, as in kg.trig,
  so ``GRAPH ?g`` still reaches one document at the endpoint. Graphs of
  documents dropped from the corpus since an earlier push stay there.

Credentials come from ``--user`` and an environment variable (never from a
command-line password, which would show in ``ps`` and shell history) and
appear in no message or log line; neither does user:password@ in the URL.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger(__name__)

PASSWORD_ENV = "KAMERKG_PUSH_PASSWORD"
USER_ENV = "KAMERKG_PUSH_USER"
NTRIPLES = "application/n-triples"
TIMEOUT = (10, 600)  # connect, read (seconds)


class PushError(Exception):
    """The push cannot go on: a one-line message, free of credentials."""


@dataclass
class PushedGraph:
    iri: str
    triples: int
    status: int


@dataclass
class PushReport:
    endpoint: str
    graphs: list[PushedGraph] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(graph.triples for graph in self.graphs)


def safe_url(url: str) -> str:
    """The URL without user:password@, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def credentials(user: str | None, password_env: str = PASSWORD_ENV) -> tuple[str, str] | None:
    """(user, password) for HTTP basic auth, or None; the password only from the environment."""
    user = user or os.environ.get(USER_ENV) or None
    password = os.environ.get(password_env)
    if user is None:
        return None
    if not password:
        raise PushError(f"--user {user} needs a password in the environment variable {password_env}")
    return user, password


def graph_payloads(out: Path, per_document: bool) -> list[tuple[str, list]]:
    """(graph IRI, sorted triples) to upload, read from OUT/store."""
    import pyoxigraph as ox

    from kg.graph import iris

    from kg.graph.store import StoreMissing, open_build_store

    try:
        store = open_build_store(out)
    except StoreMissing as error:
        raise PushError(str(error)) from error

    def key(t: ox.Triple) -> tuple[str, str, str]:
        return str(t.subject), str(t.predicate), str(t.object)

    if not per_document:
        triples = {ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(None, None, None, None)}
        return [(str(iris.dataset()), sorted(triples, key=key))]
    payloads = []
    for graph in sorted(store.named_graphs(), key=str):
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(None, None, None, graph)]
        payloads.append((graph.value, sorted(triples, key=key)))
    return payloads


def push(out: Path, endpoint: str, *, per_document: bool = False, user: str | None = None,
         password_env: str = PASSWORD_ENV, on_graph: Callable[[PushedGraph], None] | None = None) -> PushReport:
    """PUT each graph of the build to the Graph Store Protocol ``endpoint``."""
    import pyoxigraph as ox
    import requests

    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise PushError(f"--endpoint must be an http(s) URL, not {safe_url(endpoint)!r}")
    auth = credentials(user, password_env)
    report = PushReport(endpoint=safe_url(endpoint))
    with requests.Session() as session:
        session.auth = auth
        for iri, triples in graph_payloads(out, per_document):
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            try:
                response = session.put(endpoint, params={"graph": iri}, data=body,
                                       headers={"Content-Type": NTRIPLES}, timeout=TIMEOUT)
            except requests.RequestException as error:
                raise PushError(f"{report.endpoint}: cannot upload graph <{iri}> "
                                f"({error.__class__.__name__})") from None
            if response.status_code >= 300:
                detail = " ".join(response.text.split())[:200]
                raise PushError(f"{report.endpoint}: HTTP {response.status_code} for graph <{iri}>"
                                + (f": {detail}" if detail else ""))
            pushed = PushedGraph(iri=iri, triples=len(triples), status=response.status_code)
            log.info("pushed <%s>: %d triples (HTTP %d)", iri, pushed.triples, pushed.status)
            report.graphs.append(pushed)
            if on_graph:
                on_graph(pushed)
    return report
