"""kamerkg views stage: offline HTML read from a build's store.

``write_views(OUT, store)`` writes OUT/graph.html, OUT/index.html,
OUT/ontology.html and OUT/views/ (a page per entity and document, and the
who-did-what page). Every page opens from disk with no network.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def write_views(folder: Path, store: Any, outputs: set[str] | None = None) -> dict[str, int]:
    """All HTML of a build from its store (rdflib Dataset, pyoxigraph Store or store folder).

    ``outputs`` names the files the index links to; by default those now in
    ``folder``. A build passes the names it writes, since other outputs may
    still be being written beside the views."""
    from kg.views.data import load_view_data, neighbours
    from kg.views.document import write_document_pages
    from kg.views.ego import write_entity_pages
    from kg.views.index import write_index
    from kg.views.ontology import write_ontology
    from kg.views.overview import write_overview_page
    from kg.views.whodidwhat import write_whodidwhat

    folder = Path(folder)
    data = load_view_data(store)
    pages = folder / "views"
    pages.mkdir(parents=True, exist_ok=True)
    index = neighbours(data)
    counts = {
        "overview nodes": write_overview_page(folder / "graph.html", data),
        "entity pages": write_entity_pages(pages, data, index),
        "document pages": write_document_pages(pages, data, index),
    }
    write_whodidwhat(pages, data)
    write_ontology(folder)
    write_index(folder, data, outputs)
    log.info("views: %s", counts)
    return counts
