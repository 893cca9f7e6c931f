"""OUT/ontology.html: the documentation of ontology/kg.ttl.

pyLODE writes it when it is installed and works; its pages link fonts and
scripts on CDNs, so every external <script>/<link> is dropped and the page
is checked for remaining http(s) resources. Otherwise (pyLODE missing or
broken, as some releases are on import) a plain rendering of the classes and
properties with their labels, comments, domains and ranges is written.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from kg.paths import ontology_dir
from kg.views.html import esc, page

log = logging.getLogger(__name__)

_EXTERNAL = re.compile(
    r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>|<link[^>]*\bhref=[\"']https?://[^>]*>", re.I)


def offline(html_text: str) -> str:
    """Drop external scripts and stylesheets (CDN links) from a generated page."""
    return _EXTERNAL.sub("", html_text)


def _pylode(ttl: Path) -> str | None:
    try:
        from pylode import OntPub
    except Exception as error:  # pyLODE fails on import in some installs (missing pyproject.toml)
        log.info("pyLODE unavailable (%s: %s); writing the plain ontology page", type(error).__name__, error)
        return None
    try:
        return offline(OntPub(ontology=str(ttl)).make_html())
    except Exception as error:  # any pyLODE failure falls back to the plain page
        log.warning("pyLODE could not document %s (%s); writing the plain ontology page", ttl, error)
        return None


def plain_ontology(ttl: Path) -> str:
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS

    graph = Graph().parse(ttl)

    def text(node, prop) -> str:
        values = sorted(str(v) for v in graph.objects(node, prop))
        return "; ".join(values)

    def qname(node) -> str:
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # not every IRI has a prefix
            return str(node)

    sections = []
    for title, cls in (("Klassen", OWL.Class), ("Objecteigenschappen", OWL.ObjectProperty),
                       ("Gegevenseigenschappen", OWL.DatatypeProperty)):
        rows = []
        for term in sorted(set(graph.subjects(RDF.type, cls)), key=str):
            rows.append(f'<tr id="{esc(qname(term))}"><td><code>{esc(qname(term))}</code></td><td>{esc(text(term, RDFS.label))}</td>'
                        f"<td>{esc(text(term, RDFS.comment))}</td>"
                        f"<td>{esc('; '.join(qname(d) for d in graph.objects(term, RDFS.domain)))}</td>"
                        f"<td>{esc('; '.join(qname(r) for r in graph.objects(term, RDFS.range)))}</td></tr>")
        sections.append(f"<h2>{esc(title)} ({len(rows)})</h2><table><tr><th>term</th><th>label</th>"
                        f"<th>uitleg</th><th>domein</th><th>bereik</th></tr>{''.join(rows)}</table>")
    prefixes = "".join(f"<tr><td>{esc(p)}</td><td>{esc(str(n))}</td></tr>"
                       for p, n in sorted(graph.namespaces()) if p)
    body = ("<h1>Ontologie kamerkg</h1><p>Uit <code>ontology/kg.ttl</code>; "
            "hergebruikt dcterms, FOAF, W3C ORG, SKOS, PROV en Web Annotation (oa:).</p>"
            + "".join(sections) + f"<h2>Prefixen</h2><table>{prefixes}</table>")
    return page("kamerkg: ontologie", body)


def write_ontology(folder: Path, use_pylode: bool = True) -> Path:
    ttl = ontology_dir() / "kg.ttl"
    path = Path(folder) / "ontology.html"
    text = _pylode(ttl) if use_pylode else None
    path.write_text(text if text is not None else plain_ontology(ttl), encoding="utf-8")
    return path
