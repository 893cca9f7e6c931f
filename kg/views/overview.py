"""The overview page (OUT/graph.html): documents and the entities they name.

Drawn with pyvis. Every string from a document is escaped before it reaches
the page, because vis.js renders tooltips as HTML.
"""
from __future__ import annotations

import html
from pathlib import Path

from kg.model import Extraction
from kg.resolve import Resolution

COLOURS = {
    "Document": "#6c757d",
    "Organization": "#1f77b4",
    "Person": "#ff7f0e",
    "Measure": "#2ca02c",
}
SHAPES = {"Document": "box", "Organization": "dot", "Person": "diamond", "Measure": "triangle"}


def write_overview(path: Path, extractions: list[Extraction], resolution: Resolution) -> None:
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    net.toggle_physics(False)
    for extraction in extractions:
        doc = extraction.document
        title = doc.metadata.title or doc.id
        net.add_node(f"doc:{doc.id}", label=html.escape(doc.id), title=html.escape(title),
                     color=COLOURS["Document"], shape=SHAPES["Document"])
    known_docs = {f"doc:{e.document.id}" for e in extractions}
    for entity in resolution.sorted_entities():
        net.add_node(entity.key, label=html.escape(entity.label),
                     title=html.escape(f"{entity.type}: {entity.label}"),
                     color=COLOURS.get(entity.type, "#999999"), shape=SHAPES.get(entity.type, "dot"))
    for extraction in extractions:
        source = f"doc:{extraction.document.id}"
        for key in sorted({m.key for m in extraction.mentions if m.key in resolution.entities}):
            net.add_edge(source, key, title="mentions")
        for cited in sorted({c.id for c in extraction.citations}):
            target = f"doc:{cited}"
            if target not in known_docs:
                net.add_node(target, label=html.escape(cited), title=html.escape(cited),
                             color="#cccccc", shape="box")
                known_docs.add(target)
            net.add_edge(source, target, title="cites")
    net.write_html(str(path), open_browser=False, notebook=False)
