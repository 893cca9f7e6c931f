"""RDF files from the store: N-Quads, TriG, N-Triples and Turtle, byte-identical per input.

Output is sorted and built only from IRIs and literals (no blank nodes, no
timestamps). The order is that of the N-Quads text: graph by graph (each
graph's IRI as ``<iri>``), and within a graph line by line, which is the order
of (subject, predicate, object) as N-Triples text. Turtle and N-Triples merge
all named graphs into one set of triples.

Nothing holds the whole dataset in Python: each named graph is serialised and
sorted on its own and appended to kg.nq; the triples go through an external
sort (:mod:`kg.export.sorted_lines`) into kg.nt; TriG and Turtle are Oxigraph's
serialisers streaming over Oxigraph's parse of those two files.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.export.sorted_lines import sorted_unique_lines
from kg.graph.build import PREFIXES

NQUADS = "kg.nq"
NTRIPLES = "kg.nt"
TRIG = "kg.trig"
TURTLE = "kg.ttl"


def _graph_lines(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> list[str]:
    quads = store.quads_for_pattern(None, None, None, graph)
    text = ox.serialize(quads, None, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(text.splitlines())


def quad_lines(store: ox.Store) -> Iterator[tuple[str, list[str]]]:
    """(graph term as N-Quads text, that graph's sorted N-Quads lines), graph by graph in order.

    The default graph, should anything be in it, comes last with the term ""."""
    for graph in sorted(store.named_graphs(), key=str):
        yield str(graph), _graph_lines(store, graph)
    default = _graph_lines(store, ox.DefaultGraph())
    if default:
        yield "", default


def write_nquads(store: ox.Store, path: Path, triples_path: Path) -> None:
    """``path``: every quad, sorted; ``triples_path``: the same statements without their graph, unsorted."""
    with path.open("w", encoding="utf-8", newline="\n") as quads, \
            triples_path.open("w", encoding="utf-8", newline="\n") as triples:
        for graph, lines in quad_lines(store):
            quads.writelines(f"{line}\n" for line in lines)
            cut = len(graph) + 3  # " <graph> ." at the end of each line
            triples.writelines(f"{line[:-cut]} .\n" if graph else f"{line}\n" for line in lines)


def write_ntriples(unsorted: Path, path: Path, scratch: Path) -> None:
    """The distinct triple lines of ``unsorted``, sorted, in bounded memory."""
    with unsorted.open(encoding="utf-8", newline="\n") as lines, \
            path.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(f"{line}\n" for line in sorted_unique_lines((s.rstrip("\n") for s in lines), scratch))


def write_rdf_files(store: ox.Store, folder: Path) -> None:
    """kg.nq, kg.trig, kg.nt and kg.ttl of the store, in ``folder``."""
    unsorted = folder / ".triples.unsorted"
    try:
        write_nquads(store, folder / NQUADS, unsorted)
        write_ntriples(unsorted, folder / NTRIPLES, folder)
    finally:
        unsorted.unlink(missing_ok=True)
    ox.serialize(ox.parse(path=str(folder / NQUADS), format=ox.RdfFormat.N_QUADS), str(folder / TRIG),
                 format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    ox.serialize(ox.parse(path=str(folder / NTRIPLES), format=ox.RdfFormat.N_TRIPLES), str(folder / TURTLE),
                 format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
