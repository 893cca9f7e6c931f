"""Write every output of a build into one folder.

The store is loaded first, compacted and closed; everything else only reads
it. With ``jobs`` > 1 the network files and HTML views are written by a
second process while this one writes the RDF, JSON-LD, table and VoID files:
the two halves take about as long (the networks' and views' SPARQL joins on
the on-disk store are their largest cost). Both open the store read-only
(Oxigraph allows any number of read-only openers once no writer has it), and
the outputs are the same either way.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from kg.model import Extraction
from kg.resolve import Resolution

NETWORK_FILES = frozenset({"kg.graphml", "kg.gexf"})  # written by write_network_outputs
# The files the index page links to, all written here (kg.views.index.OUTPUT_FILES).
WRITTEN = frozenset({"kg.ttl", "kg.trig", "kg.nt", "kg.nq", "kg.jsonld", "context.jsonld", "void.ttl", "csv",
                     "store"}) | NETWORK_FILES


def load_store(folder: Path, extractions: list[Extraction], resolution: Resolution,
               on_batch: Callable[[list], None] | None = None) -> None:
    """folder/store with every quad of the build, flushed and closed (``on_batch`` sees each batch)."""
    from kg.graph.build import all_quads
    from kg.graph.store import inner_store, load, open_dataset

    dataset = open_dataset(folder / "store")
    load(dataset, all_quads(extractions, resolution), on_batch)
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
    load_store(folder, extractions, resolution, spool.add)
    side = None
    if views and jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: this process has had RocksDB's background threads running.
        side = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        networks = side.submit(write_network_outputs, folder)
    try:
        triples = write_rdf_files(spool, folder)
        write_jsonld(folder / NQUADS, folder / "kg.jsonld")
        write_tables(folder / "csv", extractions, resolution)
        write_void(ox.Store.read_only(str(folder / "store")), folder / "void.ttl",
                   coming=NETWORK_FILES if views else ())
        if side is not None:
            networks.result()
        elif views:
            write_network_outputs(folder)
    finally:
        if side is not None:
            side.shutdown(cancel_futures=True)
    gc.collect()
    return triples
