"""The view data's passes stream their rows through the external sort and keep
the edges on disk; they must give what holding every edge in memory gave."""
from __future__ import annotations

from unittest import mock

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
    rows = lambda store, query: iter([dict(row) for row in found])  # noqa: E731
    with mock.patch.multiple(view_data, _rows=rows, MENTION_RUN_ROWS=run_rows), \
            mock.patch.object(edge_file, "RUN_ROWS", run_rows):
        view_data._load_mentions(None, data)


@settings(max_examples=300, deadline=None)
@given(rows, st.sampled_from([2, 3, 100]))
def test_streamed_mentions_equal_sorted_mentions(found, run_rows):
    expected, streamed = fresh(), fresh()
    sorted_pass(expected, found)
    streamed_pass(streamed, found, run_rows)
    assert_as_held(streamed, expected, streamed.mention_edges)


def assert_as_held(streamed: ViewData, expected: ViewData, spooled) -> None:
    """``streamed`` keeps on disk (in ``spooled``) the edges ``expected`` holds, and equals it otherwise."""
    assert list(streamed.nodes) == list(expected.nodes)
    assert streamed.nodes == expected.nodes
    assert not streamed.edges and len(spooled) == len(expected.edges)
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


# --- the other relations: citations, actions, motion references, links -----------------------

MOTION = "https://example.org/motion/m0"
UNKNOWN = "https://example.org/unknown"
SENTENCES = st.sampled_from(["", "A."] + [f"Zin {i}." for i in range(8)])
ANY_DOC = st.sampled_from(DOCS + ["https://example.org/doc/uncatalogued"])
relation_rows = st.fixed_dictionaries({
    "citations": st.lists(st.fixed_dictionaries({
        "from": ANY_DOC, "to": ANY_DOC, "sentence": SENTENCES, "exact": st.sampled_from(["x", "y"]),
        "start": st.just("0")}), max_size=12),
    "actions": st.lists(st.fixed_dictionaries({
        "agent": st.sampled_from(ENTITIES + DOCS + [UNKNOWN]), "verb": st.sampled_from(["invoeren", "citeert"]),
        "c": st.sampled_from(["c1", "c2", ""]), "object": st.sampled_from(ENTITIES + [MOTION, UNKNOWN, ""]),
        "d": ANY_DOC, "sentence": SENTENCES, "exact": st.sampled_from(["x", "y"]),
        "start": st.integers(0, 6).map(str)}), max_size=12),
    "motions": st.lists(st.fixed_dictionaries({
        "d": ANY_DOC, "motion": st.sampled_from([MOTION, UNKNOWN]), "sentence": SENTENCES,
        "exact": st.just("m"), "status": st.sampled_from(["", "aangenomen"])}), max_size=8),
    "links": st.lists(st.fixed_dictionaries({
        "s": st.sampled_from(ENTITIES + [MOTION, UNKNOWN]),
        "rel": st.sampled_from(["submitter", "published as", "party", "signatory"]),
        "o": st.sampled_from(ENTITIES + DOCS + [UNKNOWN, "https://example.org/doc/elsewhere"])}), max_size=8),
})


def with_motion() -> ViewData:
    data = fresh()
    data.nodes[MOTION] = Node(iri=MOTION, label="motie", type="Motion")
    return data


def held_relations(data: ViewData, found: dict) -> None:
    """The relations pass as it was: every edge held in ``data.edges`` as its rows came."""
    for row in found["citations"]:
        source, target = view_data._node_for_document(data, row["from"]), view_data._node_for_document(data, row["to"])
        doc_id = data.doc_id(row["from"])
        edge = data.edge(source.iri, target.iri, "citeert", "cites")
        edge.documents.add(doc_id)
        edge.count += 1
        evidence = Evidence(doc_id, row["sentence"], row["exact"])
        view_data._add_evidence(edge.evidence, evidence, view_data.EDGE_EVIDENCE)
        view_data._add_evidence(target.evidence, evidence)
    for row in found["actions"]:
        agent = data.nodes.get(row["agent"]) or (
            view_data._node_for_document(data, row["agent"]) if row["agent"] in data.documents else None)
        if agent is None:
            continue
        doc_id = data.doc_id(row["d"])
        target = row["object"] if row["object"] in data.nodes else view_data._node_for_document(data, row["d"]).iri
        evidence = Evidence(doc_id, row["sentence"], row["exact"], int(row["start"] or 0))
        edge = data.edge(agent.iri, target, row["verb"], "action", action_class={"c1": "Eén"}.get(row["c"], ""))
        edge.documents.add(doc_id)
        edge.count += 1
        view_data._add_evidence(edge.evidence, evidence, view_data.EDGE_EVIDENCE)
        agent.documents.add(doc_id)
        view_data._add_evidence(agent.evidence, evidence)
    for row in found["motions"]:
        motion = data.nodes.get(row["motion"])
        if motion is None:
            continue
        doc = view_data._node_for_document(data, row["d"])
        edge = data.edge(doc.iri, motion.iri, "meldt" + (f" ({row['status']})" if row["status"] else ""), "reports on")
        edge.documents.add(doc.label)
        edge.count += 1
        evidence = Evidence(doc.label, row["sentence"], row["exact"])
        view_data._add_evidence(edge.evidence, evidence, view_data.EDGE_EVIDENCE)
        view_data._add_evidence(motion.evidence, evidence)
        motion.documents.add(doc.label)
    for row in found["links"]:
        if row["s"] not in data.nodes:
            continue
        if row["o"] not in data.nodes:
            if row["rel"] != "published as":
                continue
            view_data._node_for_document(data, row["o"])
        data.edge(row["s"], row["o"], view_data.LINK_LABELS[row["rel"]], row["rel"]).count += 1


def streamed_relations(data: ViewData, found: dict, run_rows: int) -> None:
    """The pass as it is, its rows and edges sorted in runs of ``run_rows``."""
    by_query = {view_data.Q_CITATIONS: found["citations"], view_data.Q_ACTIONS: found["actions"],
                view_data.Q_MOTION_REFS: found["motions"], view_data.Q_LINKS: found["links"],
                view_data.Q_ACTION_CLASSES: [{"c": "c1", "class": "Eén"}]}
    rows = lambda store, query: iter([dict(row) for row in by_query[query]])  # noqa: E731
    with mock.patch.multiple(view_data, _rows=rows, RELATION_RUN_ROWS=run_rows, EDGE_RUN_ROWS=run_rows):
        view_data._load_relations(None, data)


@settings(max_examples=300, deadline=None)
@given(relation_rows, st.sampled_from([2, 3, 100]))
def test_streamed_relations_equal_held_relations(found, run_rows):
    expected, streamed = with_motion(), with_motion()
    held_relations(expected, found)
    streamed_relations(streamed, found, run_rows)
    assert_as_held(streamed, expected, streamed.relation_edges)
    assert list(streamed.actions()) == [e for e in expected.edges.values() if e.kind == "action"]
