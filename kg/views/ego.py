"""One page per entity (OUT/views/<kind>-<name>.html): its details, evidence
sentences, every relation it takes part in, and a small ego graph.

The ego graph is inline SVG laid out in Python: no script at all, so these
pages are tiny, open anywhere and cannot run anything from a document.
"""
from __future__ import annotations

import math

from kg.views.data import Edge, Node, ViewData
from kg.views.html import COLOURS, TYPE_NAMES, esc, file_name, highlight, official_url, page

MAX_EGO = 40  # neighbours drawn in the ego graph; the table lists them all


def node_link(data: ViewData, iri: str, prefix: str = "") -> str:
    node = data.nodes.get(iri)
    label = node.label if node else iri.rsplit("/", 1)[-1]
    return f'<a href="{prefix}{esc(file_name(iri))}">{esc(label)}</a>'


def doc_link(doc_id: str, title: str = "") -> str:
    return (f'<a href="{esc(official_url(doc_id))}">{esc(doc_id)}</a>'
            + (f' <span class="muted">{esc(title)}</span>' if title else ""))


def evidence_html(items, limit: int = 50) -> str:
    return "".join(f'<p class="evidence"><span class="muted">{esc(ev.doc)}:</span> {highlight(ev.sentence, ev.quote)}</p>'
                   for ev in items[:limit])


def ego_svg(data: ViewData, centre: str, edges: list[Edge], width: int = 640, height: int = 420) -> str:
    """The node in the middle, its neighbours on a circle, edges labelled with the relation."""
    others = []
    for edge in edges:
        other = edge.target if edge.source == centre else edge.source
        if other not in others and other != centre:
            others.append(other)
    others = others[:MAX_EGO]
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 40
    where = {centre: (cx, cy)}
    for i, iri in enumerate(others):
        angle = 2 * math.pi * i / max(1, len(others))
        where[iri] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="ego graph">']
    for edge in edges:
        if edge.source not in where or edge.target not in where:
            continue
        (x1, y1), (x2, y2) = where[edge.source], where[edge.target]
        parts.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#bbb">'
                     f"<title>{esc(edge.label)}</title></line>"
                     f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2:.0f}" fill="#888">{esc(edge.label)}</text>')
    for iri, (x, y) in where.items():
        node = data.nodes.get(iri)
        colour = COLOURS.get(node.type if node else "", "#999")
        label = node.label if node else iri
        size = 9 if iri == centre else 6
        parts.append(f'<a href="{esc(file_name(iri))}"><circle cx="{x:.0f}" cy="{y:.0f}" r="{size}" fill="{colour}">'
                     f"<title>{esc(label)}</title></circle>"
                     f'<text x="{x + 10:.0f}" y="{y + 4:.0f}">{esc(label[:40])}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def relations_table(data: ViewData, iri: str, edges: list[Edge]) -> str:
    rows = []
    for edge in sorted(edges, key=lambda e: (e.kind, e.label, e.source, e.target)):
        direction = "→" if edge.source == iri else "←"
        other = edge.target if edge.source == iri else edge.source
        first = edge.evidence[0] if edge.evidence else None
        rows.append(f"<tr><td>{direction} {esc(edge.label)}</td><td>{node_link(data, other)}</td>"
                    f"<td>{', '.join(esc(d) for d in sorted(edge.documents))}</td>"
                    f"<td>{highlight(first.sentence, first.quote) if first else ''}</td></tr>")
    if not rows:
        return "<p class=muted>Geen verbindingen.</p>"
    return ("<table><tr><th>relatie</th><th>met</th><th>documenten</th><th>zin</th></tr>"
            + "".join(rows) + "</table>")


def entity_page(data: ViewData, node: Node, edges: list[Edge], titles: dict[str, str]) -> str:
    """One entity's page; ``titles`` is ``data.titles()``, built once for all pages."""
    facts = [("Soort", TYPE_NAMES.get(node.type, node.type) + (f" ({node.kind})" if node.kind else "")),
             ("Rollen", "; ".join(node.roles)), ("Partij", node.party), ("Ook genoemd", "; ".join(node.aliases)),
             ("IRI", node.iri)]
    facts_html = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts if v)
    docs = "".join(f"<li>{doc_link(d, titles.get(d, ''))}</li>" for d in sorted(node.documents))
    body = (f"<h1>{esc(node.label)}</h1><table>{facts_html}</table>"
            f"<h2>Ego-graaf</h2>{ego_svg(data, node.iri, edges)}"
            f"<h2>Verbindingen ({len(edges)})</h2>{relations_table(data, node.iri, edges)}"
            f"<h2>Documenten ({len(node.documents)})</h2><ul>{docs}</ul>"
            f"<h2>Bewijszinnen</h2>{evidence_html(node.evidence) or '<p class=muted>Geen.</p>'}")
    return page(f"kamerkg: {node.label}", body, root="../")
