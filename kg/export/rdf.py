"""RDF files from the store: Turtle, N-Triples, TriG, byte-identical per input.

Output is sorted and built only from IRIs and literals (no blank nodes, no
timestamps), then written by Oxigraph's serialisers.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.graph.build import PREFIXES


def _triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_turtle(quads: list[ox.Quad], path: Path) -> None:
    """All named graphs merged into one Turtle file."""
    ox.serialize(_triples(quads), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_ntriples(quads: list[ox.Quad], path: Path) -> None:
    ox.serialize(_triples(quads), str(path), format=ox.RdfFormat.N_TRIPLES)


def write_trig(quads: list[ox.Quad], path: Path) -> None:
    """One named graph per document (quads must already be sorted by graph)."""
    ox.serialize(quads, str(path), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def write_nquads(quads: list[ox.Quad], path: Path) -> None:
    """Every quad with its graph, one per line: what line-based diffs and bulk loaders want."""
    ox.serialize(quads, str(path), format=ox.RdfFormat.N_QUADS)
