"""One page per document (OUT/views/doc-<id>.html): what it is, the actors,
persons and measures it names, the motions it reports on, who did what in
it, and the documents it cites and is cited by."""
from __future__ import annotations

from kg.views.data import Edge, ViewData
from kg.views.ego import doc_link, evidence_html, node_link
from kg.views.html import TYPE_NAMES, esc, highlight, page


def _section(title: str, rows: list[str], head: str) -> str:
    if not rows:
        return f"<h2>{esc(title)} (0)</h2><p class=muted>Geen.</p>"
    return f"<h2>{esc(title)} ({len(rows)})</h2><table>{head}{''.join(rows)}</table>"


def document_page(data: ViewData, iri: str, edges: list[Edge], actions: list[Edge]) -> str:
    doc = data.documents[iri]
    facts = [("Titel", doc.title), ("Soort", doc.type), ("Datum", doc.date or doc.year),
             ("In het corpus", "ja" if doc.in_corpus else "nee (alleen geciteerd)")]
    body = [f"<h1>{esc(doc.id)}</h1><p>{doc_link(doc.id)} (officielebekendmakingen.nl)</p><table>"
            + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts if v) + "</table>"]
    named = [e for e in edges if e.source == iri and e.kind == "mentions"]
    for type_ in ("Organization", "Person", "Measure"):
        rows = [f"<tr><td>{node_link(data, e.target)}</td><td>{e.count}</td>"
                f"<td>{evidence_html(e.evidence, 1)}</td></tr>"
                for e in sorted(named, key=lambda e: data.nodes[e.target].label.casefold())
                if data.nodes[e.target].type == type_]
        body.append(_section(TYPE_NAMES[type_] + "en" if type_ != "Person" else "personen", rows,
                             "<tr><th>naam</th><th>keer</th><th>eerste zin</th></tr>"))
    motions = [f"<tr><td>{node_link(data, e.target)}</td><td>{esc(e.label)}</td><td>{evidence_html(e.evidence, 1)}</td></tr>"
               for e in edges if e.source == iri and e.kind == "reports on"]
    body.append(_section("moties", motions, "<tr><th>motie</th><th>status</th><th>zin</th></tr>"))
    body.append(_section("wie deed wat", [
        f"<tr><td>{node_link(data, e.source)}</td><td>{esc(e.label)}</td><td>{node_link(data, e.target)}</td>"
        f"<td>{evidence_html(e.evidence, 1)}</td></tr>" for e in actions],
        "<tr><th>wie</th><th>handeling</th><th>wat</th><th>zin</th></tr>"))
    cites = [f"<tr><td>{node_link(data, e.target)}</td><td>{highlight(e.evidence[0].sentence, e.evidence[0].quote) if e.evidence else ''}</td></tr>"
             for e in edges if e.source == iri and e.kind == "cites"]
    body.append(_section("citeert", cites, "<tr><th>document</th><th>zin</th></tr>"))
    cited_by = [f"<tr><td>{node_link(data, e.source)}</td></tr>" for e in edges if e.target == iri and e.kind == "cites"]
    body.append(_section("geciteerd door", cited_by, ""))
    return page(f"kamerkg: {doc.id}", "".join(body), root="../")


def actions_by_document(data: ViewData) -> dict[str, list[Edge]]:
    """Document id -> the actions stated in it, for its page."""
    actions: dict[str, list[Edge]] = {}
    for edge in data.actions():
        for doc_id in edge.documents:
            actions.setdefault(doc_id, []).append(edge)
    return actions
