"""kg.graphml and kg.gexf: the document/entity network for Gephi, Cytoscape and igraph.

Both come from :func:`kg.analytics.network.to_networkx`, so they hold the
same nodes (type, label, iri and literal attributes) and labelled edges as
the analytics. Only what a format cannot carry is adapted here: GEXF reads
some attribute names (start, end, weight...) as dynamics or drawing hints, so
those are renamed, and networkx's GEXF writer stamps today's date, which we
drop so the file depends on the input only.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

import kg

GEXF_RESERVED = {"start", "end", "pid", "viz", "weight", "id", "parents", "slices", "spells", "key"}
GEXF_EDGE_RESERVED = GEXF_RESERVED | {"type"}


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML with string attributes (typed keys for every attribute name used)."""
    nx.write_graphml(graph, str(path), encoding="utf-8", prettyprint=True, named_key_ids=True)


def _gexf_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute names GEXF will not reinterpret."""
    safe = nx.MultiDiGraph(name=graph.graph.get("name", "kamerkg"))
    for node, data in graph.nodes(data=True):
        safe.add_node(node, **{(f"{k}_" if k in GEXF_RESERVED else k): v for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        attributes = {(f"{k}_" if k in GEXF_EDGE_RESERVED else k): value for k, value in data.items()}
        safe.add_edge(u, v, key=key, id=f"{u} {key} {v}", **attributes)
    return safe


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 without a modification date."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"kamerkg {kg.__version__} (NetworkX {nx.__version__})"
    writer.add_graph(_gexf_safe(graph))
    writer.write(str(path))


def write_networks(source: object, folder: Path) -> nx.MultiDiGraph:
    """Write folder/kg.graphml and folder/kg.gexf from the store (or Dataset) ``source``."""
    from kg.analytics.network import to_networkx

    graph = to_networkx(source)
    write_graphml(graph, folder / "kg.graphml")
    write_gexf(graph, folder / "kg.gexf")
    return graph
