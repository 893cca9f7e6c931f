"""RDF files of a build: N-Quads, TriG, N-Triples and Turtle, byte-identical per input.

Output is sorted and built only from IRIs and literals (no blank nodes, no
timestamps). The order is that of the N-Quads text: graph by graph (each
graph's IRI as ``<iri>``), and within a graph line by line, which is the order
of (subject, predicate, object) as N-Triples text. Turtle and N-Triples merge
all named graphs into one set of triples.

Nothing holds the whole dataset in Python, and nothing reads it back from the
store (iterating an on-disk Oxigraph store costs about 9 us a quad): a
:class:`GraphSpool` takes each batch on its way into the store, keeps its
sorted N-Quads lines in a scratch file, and at the end writes kg.nq graph by
graph; the triples go through an external sort (:mod:`kg.export.sorted_lines`)
into kg.nt; TriG and Turtle are Oxigraph's serialisers streaming over
Oxigraph's parse of those two files.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export.sorted_lines import sorted_unique_lines
from kg.graph.build import PREFIXES

NQUADS = "kg.nq"
NTRIPLES = "kg.nt"
TRIG = "kg.trig"
TURTLE = "kg.ttl"
WRITE_LINES = 20_000  # lines of one graph written at a time

Segment = tuple[int, int, int]  # one graph's lines in one batch: (spool file, offset, size)


class GraphSpool:
    """Batches of quads in, kg.nq (sorted) and the unsorted triple lines out.

    Each batch is split by graph and written as that graph's sorted, distinct
    N-Quads lines to a scratch file; :meth:`finish` copies the graphs out in
    order, merging a graph that came in more than one batch. A spool written
    by another process joins this one with :meth:`adopt` (its file is N-Quads
    too, so the store can load it as it is).
    """

    def __init__(self, scratch: Path, name: str = ".graphs.spool") -> None:
        self.path = scratch / name
        self._files: list[BinaryIO] = [self.path.open("w+b")]
        self._segments: dict[str, list[Segment]] = defaultdict(list)  # graph -> (file, offset, size)
        self.graph_starts: list[int] = []  # where each graph begins in kg.nq, once finished
        self.nquads_size = 0

    def add(self, quads: list[ox.Quad]) -> None:
        handle = self._files[0]
        by_graph: dict[object, list[ox.Quad]] = defaultdict(list)
        for quad in quads:
            by_graph[quad.graph_name].append(quad)
        for graph, group in by_graph.items():
            text = ox.serialize(group, None, format=ox.RdfFormat.N_QUADS).decode("utf-8")
            data = "".join(f"{line}\n" for line in sorted(set(text.splitlines()))).encode("utf-8")
            name = "" if isinstance(graph, ox.DefaultGraph) else str(graph)
            self._segments[name].append((0, handle.tell(), len(data)))
            handle.write(data)

    def close(self) -> dict[str, list[Segment]]:
        """Stop writing and keep the file, for another process's spool to :meth:`adopt`."""
        for handle in self._files:
            handle.close()
        return dict(self._segments)

    def adopt(self, path: Path, segments: dict[str, list[Segment]]) -> None:
        """Take over a closed spool's file and graphs; it is deleted with this spool's own."""
        self._files.append(path.open("rb"))
        number = len(self._files) - 1
        for graph, parts in segments.items():
            self._segments[graph] += [(number, offset, size) for _, offset, size in parts]

    def _lines(self, segments: list[Segment]) -> Iterator[str]:
        """One graph's sorted, distinct lines, streamed: the graph of shared statements
        grows with the corpus (every cited document and motion), and held whole it
        was the peak of writing the RDF files."""
        def read() -> Iterator[str]:
            for number, offset, size in segments:
                handle = self._files[number]
                handle.seek(offset)
                yield from handle.read(size).decode("utf-8").splitlines()

        return read() if len(segments) == 1 else sorted_unique_lines(read(), self.path.parent)

    def middle(self) -> int:
        """The start in kg.nq of the graph nearest its middle, to cut it in two halves of whole graphs."""
        if not self.graph_starts:
            return 0
        half = self.nquads_size // 2
        return min(self.graph_starts, key=lambda start: (abs(start - half), start))

    def finish(self, nquads: Path, triples: Path) -> None:
        """Write ``nquads`` sorted (named graphs by IRI, the default graph last) and
        ``triples``: the same statements without their graph, unsorted; then drop the spool."""
        try:
            with nquads.open("wb") as quads_out, \
                    triples.open("w", encoding="utf-8", newline="\n") as triples_out:
                for graph in sorted(self._segments, key=lambda name: (name == "", name)):
                    lines = self._lines(self._segments[graph])
                    self.graph_starts.append(quads_out.tell())
                    cut = len(graph) + 3  # " <graph> ." at the end of each line
                    while block := list(islice(lines, WRITE_LINES)):
                        quads_out.write("".join(f"{line}\n" for line in block).encode("utf-8"))
                        triples_out.writelines(f"{line[:-cut]} .\n" if graph else f"{line}\n" for line in block)
                self.nquads_size = quads_out.tell()
        finally:
            for handle in self._files:
                handle.close()
                Path(handle.name).unlink(missing_ok=True)


def write_ntriples(unsorted: Path, path: Path, scratch: Path) -> int:
    """The distinct triple lines of ``unsorted``, sorted, in bounded memory; returns how many."""
    count = 0
    with unsorted.open(encoding="utf-8", newline="\n") as lines, \
            path.open("w", encoding="utf-8", newline="\n") as out:
        for line in sorted_unique_lines((s.rstrip("\n") for s in lines), scratch):
            out.write(f"{line}\n")
            count += 1
    return count


def write_rdf_files(spool: GraphSpool, folder: Path) -> int:
    """kg.nq, kg.trig, kg.nt and kg.ttl in ``folder`` from the spooled batches.

    Returns the number of distinct triples (the lines of kg.nt)."""
    unsorted = folder / ".triples.unsorted"
    try:
        spool.finish(folder / NQUADS, unsorted)
        triples = write_ntriples(unsorted, folder / NTRIPLES, folder)
    finally:
        unsorted.unlink(missing_ok=True)
    ox.serialize(ox.parse(path=str(folder / NQUADS), format=ox.RdfFormat.N_QUADS), str(folder / TRIG),
                 format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    ox.serialize(ox.parse(path=str(folder / NTRIPLES), format=ox.RdfFormat.N_TRIPLES), str(folder / TURTLE),
                 format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return triples
