"""Centrality and positions for the graph pages, computed in Python.

vis.js's own physics needs minutes to settle a few thousand nodes in a
browser; a seeded networkx layout takes seconds once, at build time, and
gives the same picture on every build.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

SEED = 20240601


def _graph(nodes: Iterable[str], edges: Iterable[tuple[str, str]]):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from((s, t) for s, t in edges if s != t)
    return graph


def centrality(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, float]:
    """PageRank on the undirected graph (degree share when it does not converge)."""
    import networkx as nx

    graph = _graph(nodes, edges)
    if graph.number_of_nodes() == 0:
        return {}
    try:
        return nx.pagerank(graph, max_iter=200)
    except nx.PowerIterationFailedConvergence:
        total = max(1, 2 * graph.number_of_edges())
        return {n: d / total for n, d in graph.degree()}


def positions(nodes: Iterable[str], edges: Iterable[tuple[str, str]], spread: float = 90.0) -> dict[str, tuple[float, float]]:
    """Seeded spring layout scaled to pixels (about ``spread`` px per node on a side)."""
    import networkx as nx

    graph = _graph(nodes, edges)
    count = graph.number_of_nodes()
    if count == 0:
        return {}
    if count == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    k = 1.5 / math.sqrt(count)
    layout = nx.spring_layout(graph, seed=SEED, k=k, iterations=60 if count <= 3000 else 30)
    scale = spread * math.sqrt(count)
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in layout.items()}
