"""Centrality and positions for the graph pages, computed in Python with numpy and scipy.

vis.js's own physics needs minutes to settle a few thousand nodes in a
browser; a seeded layout takes seconds once, at build time, and gives the
same picture on every build.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Iterable

SEED = 20240601
BLOCK = 250  # nodes whose pushes are summed at a time


def centrality(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, float]:
    """PageRank on the undirected simple graph of the edges (degree share when it does not converge).

    networkx's ``pagerank`` (alpha 0.85, tolerance 1e-6, at most 200 steps) and
    the same sparse arithmetic, without building a networkx graph: for the
    270k edges of a 10M-word build that graph held ~100 MB; the pairs here
    take 8 bytes each."""
    import numpy as np
    from scipy import sparse

    order = sorted(set(nodes))
    index = {n: i for i, n in enumerate(order)}

    def at(node: str) -> int:
        found = index.get(node)
        if found is None:  # an end that is not among the nodes: networkx would add it, after them
            found = index[node] = len(order)
            order.append(node)
        return found

    pairs = array("q")
    for source, target in edges:
        if source != target:
            a, b = at(source), at(target)
            pairs.append(min(a, b) << 32 | max(a, b))
    count = len(order)
    if count == 0:
        return {}
    unique = np.unique(np.frombuffer(pairs, dtype=np.int64)) if pairs else np.zeros(0, dtype=np.int64)
    low, high = unique >> 32, unique & 0xFFFFFFFF
    rows, cols = np.concatenate((low, high)), np.concatenate((high, low))
    adjacency = sparse.coo_array((np.ones(len(rows)), (rows, cols)), shape=(count, count)).tocsr()
    degree = adjacency.sum(axis=1)
    ranks = _pagerank(adjacency, degree)
    if ranks is None:
        total = max(1, len(rows))
        return {n: float(d) / total for n, d in zip(order, degree)}
    return dict(zip(order, map(float, ranks)))


def _pagerank(adjacency, degree, alpha: float = 0.85, tol: float = 1e-6, max_iter: int = 200):  # noqa: ANN001, ANN202 - scipy/numpy
    """networkx's power iteration (``_pagerank_scipy``) step for step; None when it does not converge."""
    import numpy as np
    from scipy import sparse

    count = len(degree)
    scale = degree.copy()
    scale[scale != 0] = 1.0 / scale[scale != 0]
    transition = sparse.dia_array((scale.T, 0), shape=adjacency.shape).tocsr() @ adjacency
    x = np.repeat(1.0 / count, count)
    p = np.repeat(1.0 / count, count)
    dangling = np.where(degree == 0)[0]
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ transition + sum(x[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < count * tol:
            return x
    return None


def _force_layout(count: int, src, dst, seed: int, iterations: int):
    """Fruchterman-Reingold, vectorised with numpy over all pairs (float32).

    networkx's spring_layout switches to a per-node Python loop above 500
    nodes (40 s for 2,000 nodes on our machines); all pairs, summed BLOCK
    rows at a time, take about a second for the 2,000 nodes the overview
    draws at most."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(count))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    x, y = pos[:, 0], pos[:, 1]
    disp = np.empty_like(pos)
    for _ in range(iterations):
        for low in range(0, count, BLOCK):  # rows of pairs at a time: all 2,000 x 2,000 at once held ~80 MB
            high = min(count, low + BLOCK)
            dx = x[low:high, None] - x[None, :]
            dy = y[low:high, None] - y[None, :]
            push = dx * dx
            push += dy * dy
            np.maximum(push, np.float32(1e-4), out=push)
            np.divide(k * k, push, out=push)  # repulsion k²/d along each pair
            disp[low:high, 0] = (dx * push).sum(axis=1)
            disp[low:high, 1] = (dy * push).sum(axis=1)
        if len(src):
            pull = pos[src] - pos[dst]
            pull *= np.sqrt((pull * pull).sum(axis=1))[:, None] / k  # attraction d²/k along each edge
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), np.float32(1e-6))
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    return pos / max(float(np.abs(pos).max()), 1e-6)


def positions(nodes: Iterable[str], edges: Iterable[tuple[str, str]], spread: float = 90.0) -> dict[str, tuple[float, float]]:
    """Seeded force layout scaled to pixels (about ``spread`` px per node on a side)."""
    import numpy as np

    order = sorted(set(nodes))
    count = len(order)
    if count <= 1:
        return {n: (0.0, 0.0) for n in order}
    index = {n: i for i, n in enumerate(order)}
    pairs = sorted({(index[s], index[t]) for s, t in edges if s != t and s in index and t in index})
    src = np.array([a for a, _ in pairs], dtype=np.intp)
    dst = np.array([b for _, b in pairs], dtype=np.intp)
    layout = _force_layout(count, src, dst, SEED, iterations=80 if count <= 500 else 50)
    _ring_isolates(layout, src, dst)
    scale = spread * math.sqrt(count)
    return {n: (round(float(layout[i, 0]) * scale, 1), round(float(layout[i, 1]) * scale, 1))
            for i, n in enumerate(order)}


def _ring_isolates(layout, src, dst) -> None:  # noqa: ANN001 - numpy arrays
    """Nodes without edges go on a ring just around the connected ones: repulsion
    alone pushes them far out, and one stray node made the whole picture tiny."""
    import numpy as np

    linked = np.zeros(len(layout), dtype=bool)
    linked[src] = True
    linked[dst] = True
    lonely = np.flatnonzero(~linked)
    if not len(lonely) or not linked.any():
        return
    centre = layout[linked].mean(axis=0)
    radius = float(np.max(np.linalg.norm(layout[linked] - centre, axis=1))) * 1.15 or 1.0
    angles = 2 * math.pi * np.arange(len(lonely)) / len(lonely)
    layout[lonely, 0] = centre[0] + radius * np.cos(angles)
    layout[lonely, 1] = centre[1] + radius * np.sin(angles)
