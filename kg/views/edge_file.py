"""The views' edges, kept on disk and read back as streams.

At 10M words the documents' mention edges were most of the views' memory:
269k of them, each with its document and up to three sentences, ~250 MB of
Python objects held until the last page was written; the other relations
(71k: citations, actions, motion references, links) held ~45 MB more. Here
they are written once, in the order the pages list them, to a file of pickles
under a scratch folder; the overview, the index and the entity and document
pages each read them back as a stream, and ``by_endpoint`` hands each node its
own edges through the external sort.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from kg.export.sorted_lines import sorted_rows

if TYPE_CHECKING:
    from kg.views.data import Edge

# An endpoint's row holds a whole edge with its sentences (~1 KB): a run of the
# external sort is kept smaller than the tables' to hold ~20 MB at a time.
RUN_ROWS = 20_000


def _pack(edge: Edge) -> tuple:
    return (edge.source, edge.target, edge.label, edge.kind, edge.action_class, sorted(edge.documents), edge.count,
            [ev.as_tuple() for ev in edge.evidence])


def _unpack(row: tuple) -> Edge:
    from kg.views.data import Edge, Evidence

    source, target, label, kind, action_class, documents, count, evidence = row
    return Edge(source, target, label, kind, action_class, set(documents), [Evidence(*ev) for ev in evidence], count)


class EdgeFile:
    """Edges appended once, then read back in the order they were appended, as often as needed.

    The file lives in ``scratch`` (a build passes a folder inside OUT, which it
    removes); without one, in a temporary folder of its own that goes with this
    object. Nothing touches the disk until the first edge is appended."""

    def __init__(self, scratch: Path | None = None) -> None:
        self._scratch = Path(scratch) if scratch is not None else None
        self._path: Path | None = None
        self._writer = None
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def folder(self) -> Path:
        """The scratch folder, made on first use when none was given."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="kg-views-"))
            # Removed with this object, quietly: TemporaryDirectory would warn each time.
            weakref.finalize(self, shutil.rmtree, self._scratch, True)
        return self._scratch

    def append(self, edge: Edge) -> None:
        if self._writer is None:
            if self._path is not None:
                raise ValueError("edges can only be appended before they are first read")
            handle, name = tempfile.mkstemp(prefix="edges-", dir=self.folder())
            self._path, self._writer = Path(name), os.fdopen(handle, "wb")
        pickle.dump(_pack(edge), self._writer, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def _rows(self) -> Iterator[tuple]:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._path is None:
            return
        with self._path.open("rb") as handle:
            for _ in range(self._count):
                yield pickle.load(handle)

    def __iter__(self) -> Iterator[Edge]:
        return map(_unpack, self._rows())

    def by_endpoint(self) -> Iterator[tuple[str, list[Edge]]]:
        """Each node at either end of an edge, in IRI order, with its edges in file order."""
        if not self._count:
            return
        ends = ((end, row) for row in self._rows() for end in ((row[0],) if row[0] == row[1] else row[:2]))
        for end, group in groupby(sorted_rows(ends, itemgetter(0), self.folder(), RUN_ROWS), key=itemgetter(0)):
            yield end, [_unpack(row) for _, row in group]
