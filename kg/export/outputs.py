"""Write every output of a build into one folder."""
from __future__ import annotations

import gc
from pathlib import Path

from kg.model import Extraction
from kg.resolve import Resolution


def write_outputs(folder: Path, extractions: list[Extraction], resolution: Resolution) -> int:
    """Store, RDF files, network and table exports, dataset description and HTML views.

    Returns the number of distinct triples.
    """
    from kg.export.jsonld import write_jsonld
    from kg.export.network import write_networks
    from kg.export.rdf import NQUADS, write_rdf_files
    from kg.export.tables import write_tables
    from kg.export.void import write_void
    from kg.graph.build import all_quads
    from kg.graph.store import count_triples, inner_store, load, open_dataset
    from kg.views import write_views

    dataset = open_dataset(folder / "store")
    load(dataset, all_quads(extractions, resolution))
    write_rdf_files(inner_store(dataset), folder)
    write_jsonld(folder / NQUADS, folder / "kg.jsonld")
    write_networks(dataset, folder)
    write_void(inner_store(dataset), folder / "void.ttl")
    write_tables(folder / "csv", extractions, resolution)
    triples = count_triples(dataset)
    write_views(folder, dataset)
    inner = inner_store(dataset)
    inner.flush()
    # Close the store now, not whenever the garbage collector gets to rdflib's
    # reference cycles: an open RocksDB instance compacts in the background and
    # would pull files from under a reader opening OUT/store next.
    dataset.store.close()
    del dataset, inner
    gc.collect()
    return triples
