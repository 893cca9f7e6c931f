"""OUT/index.html: what a build holds, with counts and links to every page,
the ontology documentation and a SPARQL how-to."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from kg.views.data import ViewData
from kg.views.ego import doc_link
from kg.views.html import esc, file_name, page_chunks, write_chunks

OUTPUT_FILES = ("kg.ttl", "kg.trig", "kg.nt", "kg.jsonld", "kg.graphml", "void.ttl")

SPARQL_HOWTO = """<h2 id="sparql">SPARQL</h2>
<p>De graaf staat in <code>store/</code> (Oxigraph). Elk document heeft een eigen benoemde graaf; zoekvragen
zien de vereniging van alle grafen als standaardgraaf, en <code>GRAPH ?g {{ … }}</code> bereikt één document.</p>
<pre>kamerkg query {out} --saved actions          # wie deed wat, met bewijszin
kamerkg query {out} --saved evidence --param entity=https://w3id.org/kamerkg/id/org/nctv
kamerkg query {out} 'PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
  SELECT ?label WHERE {{ ?e a &lt;http://www.w3.org/ns/org#Organization&gt; ; rdfs:label ?label }}' --format csv
kamerkg serve {out}                          # SPARQL 1.1-server met zoekscherm op http://127.0.0.1:7878</pre>
<p>Opgeslagen zoekvragen: {saved}.</p>"""

SECTIONS = (("Organization", "Actoren (organisaties)"), ("Person", "Personen"),
            ("Measure", "Maatregelen"), ("Motion", "Moties"))


def _saved_queries() -> str:
    from kg.graph.query import saved_queries

    items = []
    for name, path in saved_queries().items():
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ") if path.stat().st_size else ""
        items.append(f"<code>{esc(name)}</code> ({esc(first)})")
    return "; ".join(items) or "geen"


PLOT_DIR = "plots"


def plot_images(folder: Path) -> list[str]:
    """PNG charts of ``kamerkg stats --plot`` inside the build: OUT/plots/*.png and OUT/*/{timeline,centrality}.png.

    Relative POSIX paths, sorted, so the page links them offline."""
    folder = Path(folder)
    found = set(folder.glob(f"{PLOT_DIR}/*.png")) if folder.is_dir() else set()
    for name in ("timeline.png", "centrality.png"):
        found.update(folder.glob(f"*/{name}") if folder.is_dir() else ())
    return sorted(p.relative_to(folder).as_posix() for p in found if p.is_file())


def _plots_section(images: list[str]) -> str:
    if not images:
        return ""
    figures = "".join(f'<figure><a href="{esc(src)}"><img src="{esc(src)}" alt="{esc(Path(src).stem)}" '
                      f'style="max-width:100%"></a><figcaption>{esc(src)}</figcaption></figure>' for src in images)
    return f'<h2 id="plots">Statistieken</h2><p>Gemaakt met <code>kamerkg stats OUT --plot DIR</code>.</p>{figures}'


def index_chunks(data: ViewData, present: set[str] | None = None, images: list[str] | None = None) -> Iterator[str]:
    """The index in pieces: the table of documents row by row (every document of the corpus)."""
    present = present if present is not None else set(OUTPUT_FILES)
    files = " · ".join(f'<a href="{name}">{name}</a>' for name in OUTPUT_FILES if name in present)
    docs = sorted((d for d in data.documents.values() if d.in_corpus), key=lambda d: (d.date or d.year, d.id))
    cited = len(data.documents) - len(docs)
    rows = (
        f'<tr><td><a href="views/{esc(file_name(d.iri))}">{esc(d.id)}</a></td><td>{esc(d.type)}</td>'
        f"<td>{esc(d.date or d.year)}</td><td>{esc(d.title)}</td><td>{d.named}</td>"
        f"<td>{doc_link(d.id)}</td></tr>" for d in docs)
    counts = [("documenten", len(docs)), ("alleen geciteerde documenten", cited)]
    parts = [f"<h1>kamerkg: kennisgraaf terrorismebestrijding</h1>"
             f'<p><a href="graph.html">Overzichtsgraaf</a> · <a href="views/whodidwhat.html">Wie deed wat</a> · '
             f'<a href="ontology.html">Ontologie</a> · <a href="#sparql">SPARQL</a></p><p>Bestanden: {files}</p>']
    sections = []
    for type_, title in SECTIONS:
        nodes = data.by_type(type_)
        counts.append((title.lower(), len(nodes)))
        items = "".join(
            f'<tr><td><a href="views/{esc(file_name(n.iri))}">{esc(n.label)}</a></td>'
            f"<td>{esc(n.kind or '; '.join(n.roles[:2]) or n.party)}</td><td>{n.mentions}</td><td>{len(n.documents)}</td></tr>"
            for n in nodes)
        sections.append(f'<h2 id="{type_.lower()}">{esc(title)} ({len(nodes)})</h2>'
                        + (f"<table><tr><th>naam</th><th>soort / rol</th><th>vermeldingen</th><th>documenten</th></tr>{items}</table>"
                           if nodes else "<p class=muted>Geen gevonden.</p>"))
    parts.append("<table>" + "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in counts) + "</table>")
    parts.append(f"<h2 id=documents>Documenten ({len(docs)})</h2><table><tr><th>id</th><th>soort</th><th>datum</th>"
                 f"<th>titel</th><th>entiteiten</th><th>bron</th></tr>")
    tail = [*sections, _plots_section(images or []), SPARQL_HOWTO.format(out="OUT", saved=_saved_queries())]
    return page_chunks("kamerkg", chain(parts, rows, ["</table>"], tail))


def index_page(data: ViewData, present: set[str] | None = None, images: list[str] | None = None) -> str:
    return "".join(index_chunks(data, present, images))


def write_index(folder: Path, data: ViewData, outputs: set[str] | None = None) -> Path:
    folder = Path(folder)
    if outputs is not None:
        present = set(outputs)
    else:
        present = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    return write_chunks(folder / "index.html", index_chunks(data, present | {"kg.ttl", "kg.trig", "kg.nt"}, plot_images(folder)))


def refresh_index(folder: Path) -> Path:
    """Write OUT/index.html again from OUT/store, e.g. after ``kamerkg stats --plot`` added charts."""
    from kg.views.data import load_view_data

    folder = Path(folder)
    return write_index(folder, load_view_data(folder / "store"))
