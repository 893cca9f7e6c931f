"""Write every output of a build into one folder.

The store is loaded first, compacted and closed; everything else only reads
it. With ``jobs`` > 1 a second process builds part of the quads while this
one loads the rest (``load_store``); then it writes the network files and
HTML views while this one writes the RDF, JSON-LD, table and VoID files:
the two halves take about as long (the networks' and views' SPARQL joins on
the on-disk store are their largest cost). Both open the store read-only
(Oxigraph allows any number of read-only openers once no writer has it), and
the outputs are the same either way.
"""
from __future__ import annotations

import gc
import itertools
from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import Extraction
from kg.resolve import Resolution

if TYPE_CHECKING:
    from kg.export.rdf import GraphSpool

# With jobs > 1, the second process builds the quads of this share of the documents
# (the last ones) while this one builds and loads the rest and then loads the second's.
SIDE_SHARE = 0.55
SIDE_SPOOL = ".graphs-side.spool"
NETWORK_FILES = frozenset({"kg.graphml", "kg.gexf"})  # written by write_network_outputs
# The files the index page links to, all written here (kg.views.index.OUTPUT_FILES).
WRITTEN = frozenset({"kg.ttl", "kg.trig", "kg.nt", "kg.nq", "kg.jsonld", "context.jsonld", "void.ttl", "csv",
                     "store"}) | NETWORK_FILES


def spool_documents(folder: Path, extractions: Sequence[Extraction], resolution: Resolution) -> dict:
    """The quads of ``extractions`` (their graphs and what they add to the entities graph)
    in a spool of their own, folder/SIDE_SPOOL: the second process's share of the load."""
    from kg.export.rdf import GraphSpool
    from kg.graph.build import document_batches
    from kg.graph.store import ox_quads

    spool = GraphSpool(Path(folder), SIDE_SPOOL)
    try:
        for batch in document_batches(extractions, resolution):
            spool.add(list(ox_quads(batch, {})))
    finally:
        segments = spool.close()
    return segments


def load_store(folder: Path, extractions: Sequence[Extraction], resolution: Resolution,
               spool: GraphSpool | None = None, side: Executor | None = None) -> None:
    """folder/store with every quad of the build, flushed and closed; ``spool`` gets each batch too.

    Building the quads in Python is most of the load. With a ``side`` process,
    that process builds the last SIDE_SHARE of the documents' quads into its own
    spool while this one builds and loads the rest; its spool (N-Quads) is then
    loaded and joins ``spool``. The dataset is the same either way."""
    from kg.graph.build import all_quads, document_batches, entity_quads
    from kg.graph.store import inner_store, load, load_nquads, open_dataset

    dataset = open_dataset(folder / "store")
    on_batch = spool.add if spool is not None else None
    split = len(extractions) - round(len(extractions) * SIDE_SHARE)
    if side is None or split == len(extractions):
        load(dataset, all_quads(extractions, resolution), on_batch)
    else:
        theirs = side.submit(spool_documents, folder, extractions[split:], resolution)
        load(dataset, itertools.chain([entity_quads(resolution)],
                                      document_batches(extractions[:split], resolution)), on_batch)
        segments = theirs.result()
        load_nquads(dataset, folder / SIDE_SPOOL)
        if spool is not None:
            spool.adopt(folder / SIDE_SPOOL, segments)
        else:
            (folder / SIDE_SPOOL).unlink()
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


def write_network_outputs(folder: Path) -> None:
    """The GraphML/GEXF networks and the HTML views, from folder/store opened read-only.

    Both read the whole document-entity network from the store; they are the half
    of the writing that a second process takes when there is a second core."""
    import pyoxigraph as ox

    from kg.export.network import write_networks
    from kg.views import write_views

    folder = Path(folder)
    store = ox.Store.read_only(str(folder / "store"))
    write_networks(store, folder)
    write_views(folder, store, outputs=set(WRITTEN))


def write_outputs(folder: Path, extractions: list[Extraction], resolution: Resolution, jobs: int = 1,
                  views: bool = True) -> int:
    """Store, RDF files, table exports, dataset description and (``views``) network files and HTML views.

    Returns the number of distinct triples.
    """
    import pyoxigraph as ox

    from kg.export.jsonld import write_jsonld
    from kg.export.rdf import NQUADS, GraphSpool, write_rdf_files
    from kg.export.tables import write_tables
    from kg.export.void import write_void

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
        if views and side is not None:
            networks = side.submit(write_network_outputs, folder)
        triples = write_rdf_files(spool, folder)
        write_jsonld(folder / NQUADS, folder / "kg.jsonld")
        write_tables(folder / "csv", extractions, resolution)
        write_void(ox.Store.read_only(str(folder / "store")), folder / "void.ttl",
                   coming=NETWORK_FILES if views else ())
        if views and side is not None:
            networks.result()
        elif views:
            write_network_outputs(folder)
    finally:
        if side is not None:
            side.shutdown(cancel_futures=True)
    gc.collect()
    return triples
