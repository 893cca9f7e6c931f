"""The trigger-verb lexicon of ``ontology/actions.ttl`` as plain data.

Only ``kg/graph`` parses Turtle; the extraction component asks this module
for the verbs and gets dicts back, so the word list stays data (SKOS in
``ontology/``) while ``kg/extract`` never touches rdflib.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.paths import ontology_dir

log = logging.getLogger(__name__)

ACTIONS_FILE = "actions.ttl"
ACTION_NS = "https://w3id.org/kamerkg/def/action/"
VERB_NS = "https://w3id.org/kamerkg/def/verb#"


def lexicon_path() -> Path:
    return ontology_dir() / ACTIONS_FILE


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> dict[str, Any]:
    """``{"classes": {notation: {"iri", "label"}}, "verbs": [{"lemma", "class",
    "particle", "irregular", "iri"}]}`` sorted by lemma, so callers get the same
    order on every run. Verbs whose class has no notation are skipped with a
    warning (a typo in the data must not silently drop the class)."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, SKOS

    kgv = Namespace(VERB_NS)
    graph = Graph()
    graph.parse(path or lexicon_path(), format="turtle")
    scheme = URIRef(ACTION_NS)

    classes: dict[str, dict[str, str]] = {}
    class_of_iri: dict[URIRef, str] = {}
    for concept in graph.subjects(SKOS.topConceptOf, scheme):
        notation = graph.value(concept, SKOS.notation)
        if notation is None:
            log.warning("action class %s has no skos:notation; skipped", concept)
            continue
        labels = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel) if isinstance(lit, Literal)}
        classes[str(notation)] = {"iri": str(concept), "label": labels.get("en") or str(notation)}
        class_of_iri[concept] = str(notation)

    verbs: list[dict[str, Any]] = []
    for concept in graph.subjects(SKOS.broader, None):
        if (concept, RDF.type, SKOS.Concept) not in graph:
            continue
        parent = graph.value(concept, SKOS.broader)
        cls = class_of_iri.get(parent)
        if cls is None:
            log.warning("verb %s is narrower than %s, which is no action class; skipped", concept, parent)
            continue
        lemma = next((str(l) for l in graph.objects(concept, SKOS.prefLabel) if getattr(l, "language", None) == "nl"), None)
        if not lemma:
            log.warning("verb %s has no Dutch skos:prefLabel; skipped", concept)
            continue
        particle = graph.value(concept, kgv.particle)
        verbs.append({
            "lemma": lemma,
            "class": cls,
            "particle": str(particle) if particle is not None else None,
            "irregular": sorted(str(l) for l in graph.objects(concept, SKOS.hiddenLabel)),
            "iri": str(concept),
        })
    verbs.sort(key=lambda v: (v["lemma"], v["class"]))
    log.debug("action lexicon: %d classes, %d verbs", len(classes), len(verbs))
    return {"classes": dict(sorted(classes.items())), "verbs": verbs}
