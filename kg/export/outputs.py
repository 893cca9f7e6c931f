"""Write every output of a build into one folder."""
from __future__ import annotations

from pathlib import Path

from kg.model import Extraction
from kg.resolve import Resolution


def write_outputs(folder: Path, extractions: list[Extraction], resolution: Resolution) -> int:
    """Store, RDF files and HTML views; returns the number of distinct triples."""
    from kg.export.rdf import write_ntriples, write_trig, write_turtle
    from kg.graph.build import all_quads
    from kg.graph.store import count_triples, load, open_dataset, sorted_quads
    from kg.views import write_views

    dataset = open_dataset(folder / "store")
    load(dataset, all_quads(extractions, resolution))
    quads = sorted_quads(dataset)
    write_turtle(quads, folder / "kg.ttl")
    write_ntriples(quads, folder / "kg.nt")
    write_trig(quads, folder / "kg.trig")
    triples = count_triples(dataset)
    write_views(folder, dataset)
    inner = dataset.store._inner
    inner.flush()
    del dataset, inner
    return triples
