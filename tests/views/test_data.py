"""The view data's mention pass streams its rows through the external sort and keeps
the mention edges on disk; it must give what holding and sorting every row gave."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.views import data as view_data
from kg.views import edge_file
from kg.views.data import DocInfo, Evidence, Node, ViewData

DOCS = [f"https://example.org/doc/d{i}" for i in range(3)]
ENTITIES = [f"https://example.org/e{i}" for i in range(3)]

rows = st.lists(st.fixed_dictionaries({
    "e": st.sampled_from(ENTITIES + ["https://example.org/unknown"]),
    "d": st.sampled_from(DOCS + ["https://example.org/doc/uncatalogued"]),
    "sentence": st.sampled_from(["", "A."] + [f"Zin {i}." for i in range(16)]),
    "exact": st.sampled_from(["x", "y"]),
    "start": st.integers(0, 6).map(str),
}), max_size=60)


def fresh() -> ViewData:
    data = ViewData()
    for iri in DOCS:
        data.documents[iri] = DocInfo(iri=iri, id=iri.rsplit("/", 1)[-1])
        view_data._node_for_document(data, iri)
    for iri in ENTITIES:
        data.nodes[iri] = Node(iri=iri, label=iri, type="Organization")
    return data


def sorted_pass(data: ViewData, found: list[dict]) -> None:
    """The mention pass as it was: every row held and sorted, then taken in order."""
    for row in sorted(found, key=lambda r: (r["d"], int(r["start"] or 0))):
        node, doc_iri = data.nodes.get(row["e"]), row["d"]
        if node is None:
            continue
        view_data._node_for_document(data, doc_iri)
        doc_id = data.doc_id(doc_iri)
        node.documents.add(doc_id)
        node.mentions += 1
        evidence = Evidence(doc_id, row["sentence"], row["exact"], int(row["start"] or 0))
        view_data._add_evidence(node.evidence, evidence)
        edge = data.edge(doc_iri, node.iri, "noemt", "mentions")
        edge.documents.add(doc_id)
        edge.count += 1
        view_data._add_evidence(edge.evidence, evidence, view_data.EDGE_EVIDENCE)


def streamed_pass(data: ViewData, found: list[dict], run_rows: int = 3) -> None:
    """The pass as it is, with sort runs of ``run_rows`` so that a few rows already go to disk."""
    original = view_data._rows, view_data.MENTION_RUN_ROWS, edge_file.RUN_ROWS
    view_data._rows = lambda store, query: iter([dict(row) for row in found])
    view_data.MENTION_RUN_ROWS = edge_file.RUN_ROWS = run_rows
    try:
        view_data._load_mentions(None, data)
    finally:
        view_data._rows, view_data.MENTION_RUN_ROWS, edge_file.RUN_ROWS = original


@settings(max_examples=300, deadline=None)
@given(rows, st.sampled_from([2, 3, 100]))
def test_streamed_mentions_equal_sorted_mentions(found, run_rows):
    expected, streamed = fresh(), fresh()
    sorted_pass(expected, found)
    streamed_pass(streamed, found, run_rows)
    assert list(streamed.nodes) == list(expected.nodes)
    assert streamed.nodes == expected.nodes
    assert not streamed.edges and len(streamed.mention_edges) == len(expected.edges)
    assert list(streamed.all_edges()) == list(expected.edges.values())
    # Each node's edges, as the pages get them, are those of the index over every edge held in memory.
    index = view_data.neighbours(expected)
    by_node = list(streamed.edges_by_node())
    assert [iri for iri, _ in by_node] == sorted(expected.nodes)
    assert by_node == [(iri, index.get(iri, [])) for iri in sorted(expected.nodes)]


def test_the_evidence_kept_is_capped_and_in_corpus_order():
    data = fresh()
    found = [{"e": ENTITIES[0], "d": DOCS[0], "sentence": f"Zin {i}.", "exact": "x", "start": str(100 - i)}
             for i in range(view_data.MAX_EVIDENCE + 5)]
    streamed_pass(data, found)
    kept = data.nodes[ENTITIES[0]].evidence
    assert [e.start for e in kept] == list(range(100 - 16, 100 - 4))
    [edge] = data.all_edges()
    on_edge = edge.evidence
    assert [e.start for e in on_edge] == list(range(100 - 16, 100 - 16 + view_data.EDGE_EVIDENCE))
