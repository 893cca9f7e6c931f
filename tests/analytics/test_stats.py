"""kg.analytics.stats against values worked out by hand on tiny graphs."""
from __future__ import annotations

import numpy as np
import networkx as nx
import pytest

from kg.analytics.stats import (centrality, co_mentions, communities, compute, measures_per_actor, most_cited,
                                timeline, undirected, who_did_what)

A, B, C, M, P, MO = "ex:A", "ex:B", "ex:C", "ex:M", "ex:P", "ex:motion"
D1, D2, D3 = "ex:d1", "ex:d2", "ex:d3"


def _mentions(graph: nx.MultiDiGraph, doc: str, entity: str, count: int, sentences: str) -> None:
    graph.add_edge(doc, entity, key="kg:mentions", kind="relation", label="mentions", mentions=count,
                   sentences=sentences)


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    """A and B act on measure M (A twice), B is a member of C and of party P; three documents.

    Undirected projection: A -2- M -1- B, B -1- C, B -1- P (a tree of five nodes).
    """
    g = nx.MultiDiGraph()
    for node, type_ in ((A, "Organization"), (B, "Person"), (C, "Organization"), (M, "Measure"),
                        (P, "Organization")):
        g.add_node(node, type=type_, label=node[3:])
    g.add_node(D1, type="Document", label="d1", identifier="kst-1", year="2020")
    g.add_node(D2, type="Document", label="d2", identifier="kst-2", year="2021")
    g.add_node(D3, type="Document", label="d3", identifier="kst-3", title="Cited")
    g.add_edge(A, M, key="ex:action/1", kind="action", label="inzetten")
    g.add_edge(A, M, key="ex:action/2", kind="action", label="evalueren")
    g.add_edge(B, M, key="ex:action/3", kind="action", label="verzoeken")
    g.add_edge(B, C, key="ex:membership/1", kind="membership", label="lid")
    g.add_edge(B, P, key="kg:party", kind="relation", label="party")
    _mentions(g, D1, A, 3, "s1 s2")
    _mentions(g, D1, B, 1, "s1")
    _mentions(g, D1, C, 1, "s3")
    _mentions(g, D1, M, 1, "s1")  # a measure: not an actor, never paired
    _mentions(g, D2, A, 1, "s9")
    _mentions(g, D2, B, 1, "s9")
    _mentions(g, D2, C, 1, "s1")  # same key as d1's s1, other document: no sentence pair with A
    _mentions(g, D3, A, 5, "s4")  # no year: left out of the timeline
    g.add_edge(D1, D3, key="dcterms:references", kind="relation", label="references")
    g.add_edge(D2, D3, key="dcterms:references", kind="relation", label="references")
    g.add_edge(D2, D1, key="dcterms:references", kind="relation", label="references")
    return g


def test_who_did_what_keeps_actions_and_memberships_not_documents(graph):
    network = who_did_what(graph)
    assert set(network) == {A, B, C, M, P}
    assert network.number_of_edges() == 5
    simple = undirected(network)
    assert {(min(u, v), max(u, v), d["weight"]) for u, v, d in simple.edges(data=True)} == {
        (A, M, 2), (B, M, 1), (B, C, 1), (B, P, 1)}


def test_submitters_point_from_the_person_to_the_motion(graph):
    graph.add_node(MO, type="Motion", label="motie")
    graph.add_edge(MO, B, key="kg:submitter", kind="relation", label="submitter")
    assert who_did_what(graph).has_edge(B, MO, key="kg:submitter")


def test_degree_and_betweenness_by_hand(graph):
    rows = {r.iri: r for r in centrality(who_did_what(graph), types=("Organization", "Person", "Measure"))}
    assert {n: r.degree for n, r in rows.items()} == {A: 2, M: 3, B: 3, C: 1, P: 1}
    # pairs (of 6 = 4*3/2 possible among the other four) whose shortest path runs through the node:
    # M: A-B, A-C, A-P -> 3/6; B: A-C, A-P, M-C, M-P, C-P -> 5/6; leaves and A: none
    assert rows[M].betweenness == pytest.approx(3 / 6, abs=1e-6)
    assert rows[B].betweenness == pytest.approx(5 / 6, abs=1e-6)
    assert rows[A].betweenness == rows[C].betweenness == rows[P].betweenness == 0


def test_pagerank_solves_the_hand_written_equations(graph):
    rows = {r.iri: r for r in centrality(who_did_what(graph), types=("Organization", "Person", "Measure"))}
    # PR(v) = 0.15/5 + 0.85 * sum over neighbours u of PR(u) * w(u,v) / W(u); W: A 2, M 3, B 3, C 1, P 1
    order = [A, M, B, C, P]
    share = {(A, M): 1.0, (M, A): 2 / 3, (M, B): 1 / 3, (B, M): 1 / 3, (B, C): 1 / 3, (B, P): 1 / 3,
             (C, B): 1.0, (P, B): 1.0}  # (u, v): w(u,v)/W(u)
    matrix = np.eye(5)
    for (u, v), s in share.items():
        matrix[order.index(v), order.index(u)] -= 0.85 * s
    expected = np.linalg.solve(matrix, np.full(5, 0.03))
    for node, value in zip(order, expected):
        assert rows[node].pagerank == pytest.approx(value, abs=1e-5)
    actors = centrality(who_did_what(graph))
    assert [r.iri for r in actors] == [B, A, C, P]  # B (0.30...) > A > C = P, ties by label
    assert all(r.type in ("Organization", "Person") for r in actors)


def test_louvain_splits_two_triangles_joined_by_one_edge():
    g = nx.MultiDiGraph()
    xs, ys = ["ex:x1", "ex:x2", "ex:x3"], ["ex:y1", "ex:y2", "ex:y3"]
    for n in xs + ys + ["ex:alone"]:
        g.add_node(n, type="Organization", label=n[3:])
    for group in (xs, ys):
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                g.add_edge(u, v, key=f"{u}-{v}", kind="action")
    g.add_edge("ex:x3", "ex:y1", key="bridge", kind="action")
    assert communities(g) == [xs, ys]  # the isolated node is in none
    assert communities(g) == communities(g, seed=42)


def test_co_mentions_count_shared_sentences_and_documents(graph):
    pairs = {(p.a, p.b): (p.sentences, p.documents) for p in co_mentions(graph)}
    # A-B share d1/s1 and d2/s9; C shares documents d1 and d2 with both but no sentence; D3 has A alone
    assert pairs == {(A, B): (2, 2), (A, C): (0, 2), (B, C): (0, 2)}
    assert (co_mentions(graph)[0].a, co_mentions(graph)[0].b) == (A, B)


def test_timeline_sums_mentions_per_year(graph):
    assert timeline(graph) == {A: {"2020": 3, "2021": 1}, B: {"2020": 1, "2021": 1}, C: {"2020": 1, "2021": 1}}


def test_most_cited_counts_citing_documents(graph):
    rows = most_cited(graph)
    assert [(r.identifier, r.cited_by, r.citing) for r in rows] == [
        ("kst-3", 2, ["kst-1", "kst-2"]), ("kst-1", 1, ["kst-2"])]
    assert rows[0].title == "Cited"


def test_measures_per_actor(graph):
    rows = measures_per_actor(graph)
    assert [(r.label, r.measures, r.actions, r.names) for r in rows] == [("A", 1, 2, ["M"]), ("B", 1, 1, ["M"])]


def test_compute_resolves_labels_and_cuts_to_top(graph):
    result = compute(graph, top=1)
    assert result["graph"] == {"nodes": 5, "edges": 5, "actions": 3}
    assert [r["label"] for r in result["centrality"]] == ["B"]
    assert result["co_mentions"] == [{"a": "A", "b": "B", "sentences": 2, "documents": 2}]
    assert {r["actor"] for r in result["timeline"]} == {"A"}  # the most-mentioned actor's years
    assert len(compute(graph)["centrality"]) == 4
