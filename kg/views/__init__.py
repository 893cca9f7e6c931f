"""kamerkg views stage: offline HTML read from a build's store.

``write_views(OUT, store)`` writes OUT/graph.html, OUT/index.html,
OUT/ontology.html and OUT/views/ (a page per entity and document, and the
who-did-what page). Every page opens from disk with no network.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.views.data import ViewData

log = logging.getLogger(__name__)

# The entity pages of the most named actors list thousands of relations (NCTV's: 6,570 edges,
# 3 MB of HTML at 10M words). glibc kept what each such page freed but did not reuse it for
# the next one: at 10M words the pages grew the heap by ~140 MB, all of it free. Freed memory
# is handed back each time this many characters of pages have been built.
TRIM_EVERY = 2_000_000


def write_views(folder: Path, store: Any, outputs: set[str] | None = None) -> dict[str, int]:
    """All HTML of a build from its store (rdflib Dataset, pyoxigraph Store or store folder).

    ``outputs`` names the files the index links to; by default those now in
    ``folder``. A build passes the names it writes, since other outputs may
    still be being written beside the views. Given a store folder, the views
    close the store once they have read it, and its caches (~165 MB at 10M
    words) are gone before the pages are built; an open Store stays open."""
    from kg.libc import trim_heap
    from kg.views.data import load_view_data
    from kg.views.index import write_index
    from kg.views.ontology import write_ontology
    from kg.views.overview import write_overview_page
    from kg.views.whodidwhat import write_whodidwhat

    folder = Path(folder)
    pages = folder / "views"
    pages.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".views-") as scratch:
        data = load_view_data(store, Path(scratch))
        # A store given by path is closed by now: its caches go back before the pages are built.
        trim_heap()
        counts = {"overview nodes": write_overview_page(folder / "graph.html", data)}
        trim_heap()  # the overview's payload and layout arrays, before the pages' own
        counts.update(write_node_pages(pages, data))
        write_whodidwhat(pages, data)
        write_ontology(folder)
        write_index(folder, data, outputs)
    log.info("views: %s", counts)
    return counts


def write_node_pages(folder: Path, data: ViewData) -> dict[str, int]:
    """A page per entity (Organization, Person, Measure, Motion) and per document,
    cited-only documents included, in one pass over ``data.edges_by_node``."""
    from kg.libc import trim_heap
    from kg.views.document import actions_by_document, document_page
    from kg.views.ego import entity_page
    from kg.views.html import file_name

    titles, actions = data.titles(), actions_by_document(data)
    counts = {"entity pages": 0, "document pages": 0}
    built = 0  # characters of pages built since the heap was last trimmed
    for iri, edges in data.edges_by_node():
        node = data.nodes[iri]
        if node.type != "Document":
            html, kind = entity_page(data, node, edges, titles), "entity pages"
        elif iri in data.documents:
            html, kind = document_page(data, iri, edges, actions.get(data.documents[iri].id, [])), "document pages"
        else:
            continue
        (folder / file_name(iri)).write_text(html, encoding="utf-8")
        counts[kind] += 1
        built += len(html)
        if built >= TRIM_EVERY:
            trim_heap(collect=False)
            built = 0
    return counts
