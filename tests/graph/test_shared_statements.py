"""What many documents state in common (motions, cited documents, action classes)
is stated once, in the entities graph: over the union of the graphs (the default
graph of `kamerkg query` and `serve`) a join of its type and label then gives one
row per thing, however many documents name it, instead of (documents)^2."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from tests.conftest import CORPUS

PREFIXES = """PREFIX kg: <https://w3id.org/kamerkg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def scaled_store(tmp_path_factory) -> ox.Store:
    """A build of the corpus copied three times over under new document numbers."""
    from kg.bench import make_corpus
    from kg.build import build

    folder = tmp_path_factory.mktemp("shared")
    files, _ = make_corpus(CORPUS, folder / "corpus", 30_000)
    assert files >= 12
    report = build(folder / "corpus", folder / "out", views=False)
    assert report.documents == files
    return ox.Store.read_only(str(folder / "out" / "store"))


def rows(store: ox.Store, query: str) -> list[tuple]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [tuple(solution) for solution in result]


def test_each_motion_joins_its_type_and_label_once(scaled_store):
    found = rows(scaled_store, "SELECT ?m ?label WHERE { ?m a kg:Motion ; rdfs:label ?label }")
    reports = rows(scaled_store, "SELECT ?d ?m WHERE { ?d kg:reportsOn ?m }")
    assert found and len(reports) > len({m for _, m in reports}), "motions reported on by several documents"
    assert len(found) == len(set(found))


def test_each_cited_document_joins_its_type_and_identifier_once(scaled_store):
    cited_only = rows(scaled_store, """SELECT ?d ?id WHERE {
      ?d a kg:Document ; dcterms:identifier ?id . FILTER NOT EXISTS { ?d kg:inCorpus true } }""")
    assert cited_only and len(cited_only) == len(set(cited_only))


def test_the_statements_shared_are_in_the_entities_graph_only(scaled_store):
    from kg.graph import iris

    graphs = rows(scaled_store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m a kg:Motion } }")
    assert [g.value for (g,) in graphs] == [str(iris.entities_graph())]
