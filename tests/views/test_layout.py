"""The overview's PageRank runs on arrays, not on a networkx graph; it must give networkx's numbers."""
from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.views.layout import centrality

NODES = [f"https://example.org/n{i}" for i in range(12)]
OUTSIDERS = ["https://example.org/x0", "https://example.org/x1"]  # ends of edges that are no node

graphs = st.tuples(
    st.lists(st.sampled_from(NODES), unique=True),
    st.lists(st.tuples(st.sampled_from(NODES + OUTSIDERS), st.sampled_from(NODES + OUTSIDERS)), max_size=40))


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_centrality_is_networkx_pagerank(graph):
    nodes, edges = graph
    expected = nx.Graph()
    expected.add_nodes_from(sorted(nodes))
    expected.add_edges_from((s, t) for s, t in edges if s != t)
    ranks = centrality(nodes, edges)
    assert list(ranks) == list(expected)  # the same nodes in the same order, outsiders after
    assert ranks == (nx.pagerank(expected, max_iter=200) if len(expected) else {})


def test_centrality_falls_back_to_degree_share_when_it_does_not_converge(monkeypatch):
    from kg.views import layout

    monkeypatch.setattr(layout, "_pagerank", lambda adjacency, degree: None)
    ranks = centrality(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    assert ranks == {"a": 0.25, "b": 0.5, "c": 0.25}
