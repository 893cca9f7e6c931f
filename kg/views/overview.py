"""The overview page (OUT/graph.html): every entity and document in one graph.

vis-network (the library pyvis drives; its files are taken from the pyvis
package and inlined) draws nodes at positions computed in Python, physics
off, so a few thousand nodes draw in seconds. The page's own script
(assets/overview.js) adds filters, search, a "top N by centrality" control
and the details panel; it builds every piece of text with textContent, and
the data reaches it as escaped JSON, so nothing from a document runs.
"""
from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from kg.views.data import Edge, ViewData, load_view_data
from kg.views.html import (COLOURS, SHAPES, TYPE_NAMES, esc, file_name, official_url, page_chunks,
                           script_json_chunks, vis_network, write_chunks)
from kg.views.layout import centrality, positions

log = logging.getLogger(__name__)

MAX_NODES = 2000  # never hand vis.js more; the page says how many were left out
# Nor more edges: among the 2,000 most central nodes of a 10M-word build ran 89k,
# most of them documents naming an entity, in a 58 MB page. Actions, citations,
# motions and memberships go first, then the mentions stated most often.
MAX_EDGES = 10_000
EDGE_COLOURS = {"mentions": "#c8c8c8", "cites": "#8c8c8c", "action": "#d62728", "reports on": "#9467bd",
                "submitter": "#bcbd22", "published as": "#9467bd", "party": "#17becf", "signatory": "#7f7f7f"}


def overview_payload(data: ViewData, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> dict[str, Any]:
    """The JSON the overview script reads: nodes (most central first), edges, documents."""
    rank = centrality(data.nodes, ((e.source, e.target) for e in data.all_edges()))
    order = sorted(data.nodes, key=lambda iri: (-rank.get(iri, 0.0), data.nodes[iri].label, iri))
    kept = order[:max_nodes]
    if len(order) > max_nodes:
        log.info("overview: %d of %d nodes kept (top by centrality)", max_nodes, len(order))
    kept_set = set(kept)
    total_edges = 0

    def among_kept() -> Iterator[Edge]:
        nonlocal total_edges
        for edge in data.all_edges():
            if edge.source in kept_set and edge.target in kept_set:
                total_edges += 1
                yield edge

    # The first max_edges as sorting them all would give, holding no more than those.
    edges = heapq.nsmallest(max_edges, among_kept(),
                            key=lambda e: (e.kind == "mentions", -e.count, e.source, e.target, e.label))
    if total_edges > max_edges:
        log.info("overview: %d of %d edges kept (mentions stated least often left out)", max_edges, total_edges)
    where = positions(kept, [(e.source, e.target) for e in edges])

    doc_ids = sorted({d.id for d in data.documents.values()})
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    titles = data.titles()
    year_of = {d.id: d.year for d in data.documents.values()}
    node_docs: dict[str, set[str]] = {iri: set(data.nodes[iri].documents) for iri in kept}
    for edge in edges:
        node_docs[edge.source] |= edge.documents
        node_docs[edge.target] |= edge.documents
    top = max(rank.values(), default=1.0) or 1.0
    ids = {iri: i for i, iri in enumerate(kept)}
    nodes = []
    for iri in kept:
        node = data.nodes[iri]
        docs = sorted(node_docs[iri])
        x, y = where.get(iri, (0.0, 0.0))
        nodes.append({
            "id": ids[iri], "label": node.label, "type": node.type, "x": x, "y": y,
            "value": round(math.sqrt(rank.get(iri, 0.0) / top), 4),
            "docs": [doc_index[d] for d in docs if d in doc_index],
            "years": sorted({year_of[d] for d in docs if year_of.get(d)}),
            "info": {"iri": iri, "kind": node.kind, "aliases": node.aliases, "roles": node.roles,
                     "party": node.party, "page": "views/" + file_name(iri),
                     "ev": [ev.as_dict() for ev in node.evidence]},
        })
    edge_rows = []
    for i, edge in enumerate(sorted(edges, key=lambda e: (e.source, e.target, e.label))):
        docs = sorted(edge.documents)
        edge_rows.append({
            "id": i, "from": ids[edge.source], "to": ids[edge.target], "label": edge.label, "kind": edge.kind,
            "cls": edge.action_class, "count": edge.count, "docs": [doc_index[d] for d in docs if d in doc_index],
            "years": sorted({year_of[d] for d in docs if year_of.get(d)}),
            "ev": [ev.as_dict() for ev in edge.evidence],
        })
    style = {t: {"colour": COLOURS[t], "shape": SHAPES[t], "name": TYPE_NAMES[t]} for t in COLOURS}
    return {"nodes": nodes, "edges": edge_rows, "total": len(order), "totalEdges": total_edges,
            "edgeColours": EDGE_COLOURS,
            "docs": [{"id": d, "title": titles.get(d, ""), "url": official_url(d)} for d in doc_ids],
            "style": style}


def _options(values: list[str], everything: str) -> str:
    return f'<option value="">{esc(everything)}</option>' + "".join(
        f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)


def render_overview(payload: dict[str, Any], top_n: int | None = None) -> str:
    """The overview page's HTML for a payload (see ``overview_payload``)."""
    return "".join(overview_chunks(payload, top_n))


def overview_chunks(payload: dict[str, Any], top_n: int | None = None) -> Iterator[str]:
    """``render_overview`` in pieces: the payload's JSON (14 MB at 10M words) is
    written member by member, never held as one text beside the page's."""
    script, vis_css = vis_network()
    nodes, edges = payload["nodes"], payload["edges"]
    types = [t for t in COLOURS if any(n["type"] == t for n in nodes)]
    legend = "".join(
        f'<label class="legend-item"><input type="checkbox" class="kg-type" value="{esc(t)}" checked>'
        f'<span class="swatch {esc(SHAPES[t])}" style="background:{esc(COLOURS[t])}"></span>'
        f'{esc(TYPE_NAMES[t])} <small>({sum(1 for n in nodes if n["type"] == t)}, {esc(SHAPES[t])})</small></label>'
        for t in types)
    actions = sorted({e["label"] for e in edges})
    years = sorted({y for n in nodes for y in n["years"]})
    docs = [d["id"] for d in payload["docs"]]
    shown = len(nodes) if top_n is None else min(top_n, len(nodes))
    parts = []
    if payload["total"] > len(nodes):
        parts.append(f"de {len(nodes)} meest centrale van {payload['total']} knopen")
    if payload.get("totalEdges", len(edges)) > len(edges):
        parts.append(f"{len(edges)} van {payload['totalEdges']} verbindingen tussen hen")
    note = f" ({'; '.join(parts)}; zie de pagina's per ding voor de rest)" if parts else ""
    body = f"""<div id="kg-layout">
<aside id="kg-controls">
<h1>Overzicht</h1>
<p id="kg-count">{len(nodes)} knopen, {len(edges)} verbindingen{esc(note)}</p>
<form id="kg-search-form" autocomplete="off"><input id="kg-search" type="search" placeholder="zoek een naam…" list="kg-names">
<datalist id="kg-names"></datalist><button type="submit">zoek</button></form>
<p id="kg-search-result" role="status"></p>
<fieldset><legend>Soort (legenda)</legend>{legend}</fieldset>
<label>Document <select id="kg-doc">{_options(docs, "alle documenten")}</select></label>
<label>Jaar <select id="kg-year">{_options(years, "alle jaren")}</select></label>
<label>Handeling of relatie <select id="kg-action">{_options(actions, "alle")}</select></label>
<label>Top <input id="kg-topn" type="number" min="1" max="{len(nodes)}" value="{shown}"> naar centraliteit</label>
<button id="kg-reset" type="button">alles tonen</button>
<p class="hint">Knoopgrootte: PageRank. Klik op een knoop of verbinding voor details.</p>
</aside>
<main id="kg-network"></main>
<aside id="kg-details"><p class="hint">Klik op een knoop of verbinding.</p></aside>
</div>
<script type="application/json" id="kg-data">"""
    after = f"""</script>
<script>{script}</script>
<script>{asset_js()}</script>"""
    return page_chunks("kamerkg: overzicht", chain([body], script_json_chunks(payload), [after]),
                       style=vis_css + asset_css())


def asset_js() -> str:
    from kg.views.html import asset

    return asset("overview.js").replace("</script", "<\\/script")


def asset_css() -> str:
    from kg.views.html import asset

    return asset("overview.css")


def write_overview_page(path: Path, data: ViewData, *, max_nodes: int = MAX_NODES, top_n: int | None = None) -> int:
    """Write the overview for already-loaded data; returns the number of nodes drawn."""
    payload = overview_payload(data, max_nodes)
    write_chunks(path, overview_chunks(payload, top_n))
    return len(payload["nodes"])


def write_overview(folder: Path, store: Any) -> int:
    """OUT/graph.html from a build's store (Dataset, pyoxigraph Store or store folder)."""
    return write_overview_page(Path(folder) / "graph.html", load_view_data(store))
