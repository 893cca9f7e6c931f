"""The extraction JSON of DESIGN.md ("Extraction JSON (stable)").

Per document: its metadata, the entities it names (with IRIs, aliases,
roles, party and every mention's offsets and sentence), its citations,
motions and relations. Other programs rely on this shape.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.graph import iris
from kg.model import Extraction, Mention
from kg.resolve import Resolution

log = logging.getLogger(__name__)


def _entity_json(key: str, mentions: list[Mention], resolution: Resolution) -> dict[str, Any]:
    entity = resolution.entities[key]
    roles = sorted({role for m in mentions for role in m.roles})
    parties = sorted({m.party for m in mentions if m.party})
    return {
        "type": entity.type,
        "kind": entity.kind,
        "label": entity.label,
        "iri": str(iris.entity(key)),
        "aliases": sorted({m.text for m in mentions} - {entity.label}),
        "roles": roles,
        "party": parties[0] if parties else None,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}
                     for m in mentions],
    }


def document_json(extraction: Extraction, resolution: Resolution) -> dict[str, Any]:
    document = extraction.document
    meta = document.metadata
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in extraction.mentions:
        key = resolution.mention_key(document.id, mention)
        if key in resolution.entities:
            by_key[key].append(mention)
    return {
        "source": document.source,
        "id": document.id,
        "iri": str(iris.document(document.id)),
        "metadata": {"type": meta.type, "date": meta.date, "vergaderjaar": meta.vergaderjaar,
                     "dossier": meta.dossier, "number": meta.number, "title": meta.title,
                     "signatories": list(meta.signatories), "addressee": meta.addressee,
                     "official_id": meta.id},
        "entities": [_entity_json(key, by_key[key], resolution) for key in sorted(by_key)],
        "citations": [{"id": c.id, "text": c.text, "start": c.start, "end": c.end, "page": c.page,
                       "kind": c.kind} for c in extraction.citations],
        "motions": [{"label": m.label, "submitters": m.submitters, "parties": m.parties, "cites": m.cites,
                     "status": m.status, "text": m.text, "start": m.start, "end": m.end}
                    for m in extraction.motions],
        "relations": [{"agent": r.agent, "action": r.action, "action_class": r.action_class,
                       "object": r.object, "text": r.text, "sentence": r.sentence,
                       "start": r.start, "end": r.end} for r in extraction.relations],
    }


def extract_files(paths: list[Path], model: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """Ingest, extract and resolve FILES; returns the JSON payload and the problems met."""
    from kg.extract.pipeline import build_nlp, extract_document
    from kg.ingest import IngestError, read_document
    from kg.resolve import resolve

    nlp = build_nlp(model)
    extractions: list[Extraction] = []
    problems: list[str] = []
    for path in paths:
        try:
            document = read_document(path)
        except IngestError as error:
            problems.append(str(error))
            continue
        extractions.append(extract_document(nlp, document))
    resolution = resolve(extractions)
    return {"documents": [document_json(e, resolution) for e in extractions]}, problems
