"""Write every output of a build into one folder.

The store is loaded first, compacted and closed; everything else only reads
it. With ``jobs`` > 1 a second process builds part of the quads while this
one loads the rest (``load_store``); then it writes the HTML views and the
second half of the JSON-LD while this one writes the RDF files, first half of
the JSON-LD, the networks, the tables and VoID: the two halves take about as
long. Both open the store read-only (Oxigraph allows any number of read-only
openers once no writer has it), and the outputs are the same either way.
"""
from __future__ import annotations

import gc
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Extraction
from kg.resolve import Resolution

if TYPE_CHECKING:
    from kg.export.rdf import GraphSpool

# With jobs > 1, the second process builds the quads of this share of the documents (the
# last ones) in SIDE_PARTS parts, while this one builds and loads the rest and loads the
# second's parts as they come (see load_store). This one also does all the bulk loading,
# so the second takes most of the building: at 1.5M words, with 70% the second was done
# 7 s before this one finished loading; with 85% the load took 12.4 s instead of 15.9 s
# (95% gave the same: the bulk loading alone is then the load's length).
SIDE_SHARE = 0.85
SIDE_PARTS = 6
SIDE_SPOOL = ".graphs-side-{}.spool"
JSONLD = "kg.jsonld"
NETWORK_FILES = frozenset({"kg.graphml", "kg.gexf"})
# The files the index page links to, all written here (kg.views.index.OUTPUT_FILES).
WRITTEN = frozenset({"kg.ttl", "kg.trig", "kg.nt", "kg.nq", JSONLD, "context.jsonld", "void.ttl", "csv",
                     "store"}) | NETWORK_FILES


def spool_documents(path: Path, extractions: Sequence[Extraction], resolution: Resolution) -> dict:
    """The quads of ``extractions`` (their graphs and what they add to the entities graph)
    in a spool of their own at ``path``: a part of the second process's share of the load."""
    from kg.export.rdf import GraphSpool
    from kg.graph.build import document_batches
    from kg.graph.store import ox_quads

    spool = GraphSpool(path.parent, path.name)
    try:
        for batch in document_batches(extractions, resolution):
            spool.add(list(ox_quads(batch, {})))
    finally:
        segments = spool.close()
    return segments


def _parts(start: int, stop: int, count: int) -> list[tuple[int, int]]:
    """[start, stop) cut into ``count`` ranges as even as can be (empty ones left out)."""
    bounds = [start + (stop - start) * i // count for i in range(count + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _load_side_parts(dataset: Any, pending: deque, spool: GraphSpool | None, wait: bool) -> None:
    """Load the side process's finished parts, in order (all of them when ``wait``)."""
    from kg.graph.store import load_nquads

    while pending and (wait or pending[0][1].done()):
        path, future = pending.popleft()
        segments = future.result()
        load_nquads(dataset, path)
        if spool is not None:
            spool.adopt(path, segments)
        else:
            path.unlink()


def load_store(folder: Path, extractions: Sequence[Extraction], resolution: Resolution,
               spool: GraphSpool | None = None, side: Executor | None = None) -> None:
    """folder/store with every quad of the build, flushed and closed; ``spool`` gets each batch too.

    Building the quads in Python is most of the load, and only one process can
    write the store. With a ``side`` process, that process builds the quads of
    the last SIDE_SHARE of the documents, part by part, each into an N-Quads
    spool of its own; this one builds and loads the rest part by part, and
    between its parts loads the side's finished ones, which then join ``spool``.
    The dataset is the same either way."""
    from kg.graph.build import all_quads, document_batches, entity_quads
    from kg.graph.store import inner_store, load, open_dataset

    dataset = open_dataset(folder / "store")
    on_batch = spool.add if spool is not None else None
    count = len(extractions)
    split = count - round(count * SIDE_SHARE)
    if side is None or split == count:
        load(dataset, all_quads(extractions, resolution), on_batch)
    else:
        pending: deque = deque()
        for number, (a, b) in enumerate(_parts(split, count, SIDE_PARTS)):
            path = folder / SIDE_SPOOL.format(number)
            pending.append((path, side.submit(spool_documents, path, extractions[a:b], resolution)))
        load(dataset, [entity_quads(resolution)], on_batch)
        for a, b in _parts(0, split, SIDE_PARTS):
            load(dataset, document_batches(extractions[a:b], resolution), on_batch)
            _load_side_parts(dataset, pending, spool, wait=False)
        _load_side_parts(dataset, pending, spool, wait=True)
    inner = inner_store(dataset)
    inner.flush()
    # Each bulk_extend call leaves its own sorted files; merged into one sorted run,
    # every later lookup (the views, networks, VoID here; queries and serve
    # afterwards) seeks one file per index instead of dozens: 1.5-2x faster
    # queries on 1M triples, for ~2 s of compaction.
    inner.optimize()
    # Close the store now, not whenever the garbage collector gets to rdflib's
    # reference cycles: an open RocksDB instance compacts in the background and
    # would pull files from under a reader opening the store next.
    dataset.store.close()
    del dataset, inner
    gc.collect()


def write_side_outputs(folder: Path, extractions: Sequence[Extraction], resolution: Resolution,
                       views: bool = True, tables: bool = True) -> None:
    """The HTML views (``views``) and the tables (``tables``): what a second process writes.

    The views open the store themselves (by its path), so that it closes once
    they have read it, before they build their pages.

    On 1.5M words the views took about as long as the RDF, JSON-LD and network
    files together (their SPARQL joins on the on-disk store are most of it);
    the dataset description, which reads the RDF and network files, stays with those."""
    from kg.export.tables import write_tables
    from kg.libc import trim_heap
    from kg.views import write_views

    folder = Path(folder)
    if views:
        trim_heap()  # what the store load and the other files freed, before the views' peak
        write_views(folder, folder / "store", outputs=set(WRITTEN))
    if tables:
        write_tables(folder / "csv", extractions, resolution)


def write_outputs(folder: Path, extractions: Sequence[Extraction], resolution: Resolution, jobs: int = 1,
                  views: bool = True) -> int:
    """Store, RDF files, table exports, dataset description and (``views``) network files and HTML views.

    Returns the number of distinct triples.
    """
    import pyoxigraph as ox

    from kg.export.jsonld import assemble_jsonld, write_jsonld, write_jsonld_entries
    from kg.export.network import write_networks
    from kg.export.rdf import NQUADS, GraphSpool, write_rdf_files
    from kg.export.tables import write_tables
    from kg.export.void import write_void
    from kg.libc import trim_heap

    spool = GraphSpool(folder)
    side = None
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: the extraction pool's threads (or Dask's) have run in this
        # process, and RocksDB's will. One process serves the load, then the views.
        side = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        load_store(folder, extractions, resolution, spool, side)
        trim_heap()  # the load's buffers and the writer's caches, freed in other threads' arenas
        # With a side process the tables are written here: the views take longer than
        # the RDF, JSON-LD and network files (1.5M words: 14 s against 15 s with the tables here, 17 s there).
        other = side.submit(write_side_outputs, folder, extractions, resolution, views, False) if side else None
        triples = write_rdf_files(spool, folder)
        if side is None:
            write_jsonld(folder / NQUADS, folder / JSONLD)
        else:  # the second process writes the second half of the graphs once it is done with the views
            parts = [folder / f".{JSONLD}.part{number}" for number in (0, 1)]
            cut = spool.middle()
            second_half = side.submit(write_jsonld_entries, folder / NQUADS, parts[1], cut)
            write_jsonld_entries(folder / NQUADS, parts[0], 0, cut)
        if views:
            write_networks(ox.Store.read_only(str(folder / "store")), folder)
            trim_heap()  # the store's read caches, gone with the closed store
        if side is not None:
            write_tables(folder / "csv", extractions, resolution)
            second_half.result()
            assemble_jsonld(folder / JSONLD, parts)
        # Last of this process's files: it describes the RDF, JSON-LD and network files beside it.
        write_void(ox.Store.read_only(str(folder / "store")), folder / "void.ttl")
        if other is not None:
            other.result()
        else:
            write_side_outputs(folder, extractions, resolution, views)
    finally:
        if side is not None:
            side.shutdown(cancel_futures=True)
    gc.collect()
    return triples
