"""The who-did-what page (OUT/views/whodidwhat.html): actors on the left,
what they acted on (measures, motions, documents) on the right, one line
per action labelled with the verb, and the table of actions with their
sentences. Static SVG: no script."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from kg.views.data import ViewData
from kg.views.ego import evidence_html, node_link
from kg.views.html import COLOURS, esc, file_name, page_chunks, write_chunks

ROW = 22
PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def whodidwhat_chunks(data: ViewData) -> Iterator[str]:
    """The page in pieces: one per table row (every action of the corpus)."""
    actions = sorted(data.actions(),
                     key=lambda e: (data.nodes[e.source].label.casefold(), e.label, e.target))
    agents = sorted({e.source for e in actions}, key=lambda i: data.nodes[i].label.casefold())
    objects = sorted({e.target for e in actions}, key=lambda i: (data.nodes[i].type, data.nodes[i].label.casefold()))
    verbs = sorted({e.action_class or e.label for e in actions})
    colour = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(verbs)}
    width, left, right = 900, 230, 670
    height = ROW * (max(len(agents), len(objects)) + 1)
    y_of = {iri: ROW * (i + 1) for i, iri in enumerate(agents)}
    y_obj = {iri: ROW * (i + 1) for i, iri in enumerate(objects)}
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="wie deed wat">']
    for edge in actions:
        y1, y2 = y_of[edge.source], y_obj[edge.target]
        c = colour[edge.action_class or edge.label]
        svg.append(f'<line x1="{left}" y1="{y1}" x2="{right}" y2="{y2}" stroke="{c}" stroke-width="{1 + min(edge.count, 5)}" '
                   f'opacity=".6"><title>{esc(data.nodes[edge.source].label)} {esc(edge.label)} '
                   f'{esc(data.nodes[edge.target].label)}</title></line>'
                   f'<text x="{(left + right) / 2:.0f}" y="{(y1 + y2) / 2 - 2:.0f}" fill="{c}">{esc(edge.label)}</text>')
    for iri, y in y_of.items():
        svg.append(f'<a href="{esc(file_name(iri))}"><circle cx="{left}" cy="{y}" r="5" fill="{COLOURS.get(data.nodes[iri].type, "#999")}"/>'
                   f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{esc(data.nodes[iri].label[:34])}</text></a>')
    for iri, y in y_obj.items():
        svg.append(f'<a href="{esc(file_name(iri))}"><circle cx="{right}" cy="{y}" r="5" fill="{COLOURS.get(data.nodes[iri].type, "#999")}"/>'
                   f'<text x="{right + 8}" y="{y + 4}">{esc(data.nodes[iri].label[:34])}</text></a>')
    svg.append("</svg>")
    legend = " ".join(f'<span style="color:{c}">■ {esc(v)}</span>' for v, c in colour.items())
    rows = (f"<tr><td>{node_link(data, e.source)}</td><td>{esc(e.label)}</td><td>{node_link(data, e.target)}</td>"
            f"<td>{', '.join(esc(d) for d in sorted(e.documents))}</td><td>{evidence_html(e.evidence, 3)}</td></tr>"
            for e in actions)
    body = [f"<h1>Wie deed wat</h1><p>{len(agents)} actoren, {len(objects)} onderwerpen, {len(actions)} handelingen. "
            f"Lijnen zijn gekleurd per soort handeling: {legend}</p>",
            "".join(svg) if actions else "<p class=muted>Geen handelingen gevonden.</p>",
            "<h2>Handelingen</h2><table><tr><th>wie</th><th>handeling</th><th>wat</th><th>documenten</th>"
            "<th>zinnen</th></tr>"]
    return page_chunks("kamerkg: wie deed wat", chain(body, rows, ["</table>"]), root="../")


def whodidwhat_page(data: ViewData) -> str:
    return "".join(whodidwhat_chunks(data))


def write_whodidwhat(folder: Path, data: ViewData) -> Path:
    return write_chunks(folder / "whodidwhat.html", whodidwhat_chunks(data))
