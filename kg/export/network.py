"""kg.graphml and kg.gexf: the document/entity network for Gephi, Cytoscape and igraph.

Both are written from :func:`kg.analytics.network.stream_network`, the same
nodes (type, label, iri and literal attributes) and labelled edges that
:func:`~kg.analytics.network.to_networkx` gives the analytics, but streamed:
networkx's writers build the whole graph and its XML tree first, which took
1.4 GB more than the rest of a 10M-word build. The files keep the layout
networkx writes (keys named after the attributes; GEXF 1.2 with the edge key
in ``networkx_key``), so ``networkx.read_graphml`` / ``read_gexf`` read them
back. GEXF reads some attribute names (start, end, weight...) as dynamics or
drawing hints, so those are renamed; no file carries a date, so a build
depends on its input only.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any

import kg

GEXF_RESERVED = {"start", "end", "pid", "viz", "weight", "id", "parents", "slices", "spells", "key"}
GEXF_EDGE_RESERVED = GEXF_RESERVED | {"type"}
XML_TYPES = {str: "string", int: "long"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _xml(value: Any) -> str:
    """Text or attribute value, escaped (quotes too) and without characters XML forbids."""
    text = _NOT_XML.sub("", str(value))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


def _gexf_name(name: str, reserved: set[str]) -> str:
    return f"{name}_" if name in reserved else name


class GraphMLWriter:
    """GraphML with a typed key for every attribute, nodes then edges, written as they come."""

    def __init__(self, handle: IO[str], node_attributes: list[str], edge_attributes: dict[str, type]) -> None:
        self.out = handle
        handle.write("<?xml version='1.0' encoding='utf-8'?>\n"
                     '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                     'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                     'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                     'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for name, kind in edge_attributes.items():
            handle.write(f'  <key id="{_xml(name)}" for="edge" attr.name="{_xml(name)}" attr.type="{XML_TYPES[kind]}" />\n')
        for name in node_attributes:
            handle.write(f'  <key id="{_xml(name)}" for="node" attr.name="{_xml(name)}" attr.type="string" />\n')
        handle.write('  <key id="name" for="graph" attr.name="name" attr.type="string" />\n'
                     '  <graph edgedefault="directed">\n')

    def node(self, iri: str, attributes: dict[str, str]) -> None:
        self.out.write(f'    <node id="{_xml(iri)}">\n{self._data(attributes)}    </node>\n')

    def edge(self, source: str, target: str, key: str, attributes: dict[str, Any]) -> None:
        self.out.write(f'    <edge source="{_xml(source)}" target="{_xml(target)}" id="{_xml(key)}">\n'
                       f"{self._data(attributes)}    </edge>\n")

    @staticmethod
    def _data(attributes: dict[str, Any]) -> str:
        return "".join(f'      <data key="{_xml(k)}">{_xml(v)}</data>\n' for k, v in attributes.items())

    def close(self) -> None:
        self.out.write('    <data key="name">kamerkg</data>\n  </graph>\n</graphml>\n')


class GEXFWriter:
    """GEXF 1.2: declared attributes (numbered nodes first), nodes, then edges, written as they come."""

    def __init__(self, handle: IO[str], node_attributes: list[str], edge_attributes: dict[str, type]) -> None:
        self.out = handle
        node_names = [n for n in node_attributes if n != "label"]  # the label is the node's own attribute
        edge_names = {**{n: t for n, t in edge_attributes.items() if n != "label"}, "networkx_key": str}
        self.node_ids = {name: str(i) for i, name in enumerate(node_names)}
        self.edge_ids = {name: str(i) for i, name in enumerate(edge_names, start=len(node_names))}
        handle.write("<?xml version='1.0' encoding='utf-8'?>\n"
                     '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                     'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                     f"  <meta>\n    <creator>kamerkg {_xml(kg.__version__)}</creator>\n  </meta>\n"
                     '  <graph defaultedgetype="directed" mode="static" name="kamerkg">\n')
        for cls, names, ids, reserved in (("edge", edge_names, self.edge_ids, GEXF_EDGE_RESERVED),
                                          ("node", {n: str for n in node_names}, self.node_ids, GEXF_RESERVED)):
            handle.write(f'    <attributes mode="static" class="{cls}">\n')
            for name, kind in names.items():
                handle.write(f'      <attribute id="{ids[name]}" title="{_xml(_gexf_name(name, reserved))}" '
                             f'type="{XML_TYPES[kind]}" />\n')
            handle.write("    </attributes>\n")
        handle.write("    <nodes>\n")
        self.in_nodes = True

    @staticmethod
    def _values(ids: dict[str, str], attributes: dict[str, Any]) -> str:
        values = "".join(f'          <attvalue for="{ids[k]}" value="{_xml(v)}" />\n'
                         for k, v in attributes.items() if k != "label")
        return f"        <attvalues>\n{values}        </attvalues>\n" if values else ""

    def node(self, iri: str, attributes: dict[str, str]) -> None:
        self.out.write(f'      <node id="{_xml(iri)}" label="{_xml(attributes.get("label", iri))}">\n'
                       f"{self._values(self.node_ids, attributes)}      </node>\n")

    def edge(self, source: str, target: str, key: str, attributes: dict[str, Any]) -> None:
        if self.in_nodes:
            self.out.write("    </nodes>\n    <edges>\n")
            self.in_nodes = False
        label = f' label="{_xml(attributes["label"])}"' if "label" in attributes else ""
        self.out.write(f'      <edge source="{_xml(source)}" target="{_xml(target)}" '
                       f'id="{_xml(f"{source} {key} {target}")}"{label}>\n'
                       f"{self._values(self.edge_ids, {**attributes, 'networkx_key': key})}      </edge>\n")

    def close(self) -> None:
        if self.in_nodes:
            self.out.write("    </nodes>\n    <edges>\n")
        self.out.write("    </edges>\n  </graph>\n</gexf>\n")


def write_networks(source: object, folder: Path) -> dict[str, int]:
    """Write folder/kg.graphml and folder/kg.gexf from the store (or Dataset) ``source``
    in one pass over its network; returns the node and edge counts."""
    import tempfile

    from kg.analytics.network import EDGE_ATTRIBUTES, stream_network

    counts = {"nodes": 0, "edges": 0}
    with tempfile.TemporaryDirectory(dir=folder, prefix=".network-") as scratch, \
            (folder / "kg.graphml").open("w", encoding="utf-8", newline="\n") as graphml_file, \
            (folder / "kg.gexf").open("w", encoding="utf-8", newline="\n") as gexf_file:
        stream = stream_network(source, Path(scratch))
        writers = (GraphMLWriter(graphml_file, stream.node_attributes, EDGE_ATTRIBUTES),
                   GEXFWriter(gexf_file, stream.node_attributes, EDGE_ATTRIBUTES))
        for iri, attributes in stream.nodes:
            for writer in writers:
                writer.node(iri, attributes)
            counts["nodes"] += 1
        for source_iri, target, key, attributes in stream.edges:
            for writer in writers:
                writer.edge(source_iri, target, key, attributes)
            counts["edges"] += 1
        for writer in writers:
            writer.close()
    return counts
