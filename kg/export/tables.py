"""OUT/csv/: the graph as flat tables for spreadsheets, pandas and R.

Built from the plain extraction results (not the RDF), so every table exists
whatever the graph builder already turns into triples. The column names are
a contract (``COLUMNS``): scripts read them by name, new columns are only
ever appended. Rows are sorted and every file has its header even when it
has no rows, so the same corpus gives byte-identical files. Several values
in one cell (aliases, submitters) are joined with ``"; "``. Documents are
named by their id, never by a local path, so the files are the same on
every machine.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.export.sorted_lines import sorted_rows
from kg.graph import iris
from kg.model import Extraction
from kg.resolve import Resolution

SEPARATOR = "; "

COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("iri", "key", "type", "label", "kind", "party", "aliases", "roles", "documents", "mentions"),
    "mentions": ("document", "entity", "key", "type", "text", "start", "end", "sentence_start", "sentence"),
    "actions": ("document", "agent", "agent_key", "agent_label", "action", "action_class",
                "object", "object_key", "object_label", "text", "start", "end", "sentence"),
    "roles": ("entity", "key", "label", "role", "document", "first_start"),
    "motions": ("document", "label", "text", "submitters", "parties", "cites", "status", "start", "end", "sentence"),
    "citations": ("citing", "cited", "cited_iri", "text", "kind", "page", "start", "end", "sentence"),
}

Row = tuple[object, ...]


def _join(values: Iterable[object]) -> str:
    return SEPARATOR.join("" if v is None else str(v) for v in values)


def _entity_ref(value: str | None, resolution: Resolution, doc_id: str | None = None) -> tuple[str, str, str]:
    """(iri, key, label) of a relation's agent or object: a resolved key, or kept as written."""
    if not value:
        return "", "", ""
    value = resolution.key_for(value, doc_id)
    entity = resolution.entities.get(value)
    if entity is not None:
        return str(iris.entity(value)), value, entity.label
    if value.startswith(("http://", "https://")):
        return value, "", ""
    return "", value, ""


def entity_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    documents: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for extraction in extractions:
        for mention in extraction.mentions:
            key = resolution.mention_key(extraction.document.id, mention)
            documents.setdefault(key, set()).add(extraction.document.id)
            counts[key] = counts.get(key, 0) + 1
    for entity in resolution.sorted_entities():
        yield (str(iris.entity(entity.key)), entity.key, entity.type, entity.label, entity.kind or "",
               entity.party or "", _join(entity.aliases), _join(entity.roles),
               len(documents.get(entity.key, ())), counts.get(entity.key, 0))


def mention_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    for extraction in extractions:
        doc_id = extraction.document.id
        for m in extraction.mentions:
            key = resolution.mention_key(doc_id, m)
            if key in resolution.entities:
                yield (doc_id, str(iris.entity(key)), key, m.type, m.text, m.start, m.end,
                       m.sentence_start, m.sentence)


def action_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    for extraction in extractions:
        for r in extraction.relations:
            doc_id = extraction.document.id
            yield (doc_id, *_entity_ref(r.agent, resolution, doc_id), r.action, r.action_class,
                   *_entity_ref(r.object, resolution, doc_id), r.text, r.start, r.end, r.sentence)


def role_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    """Each role a document gives an entity, once per document, with its first offset."""
    first: dict[tuple[str, str, str], int] = {}
    for extraction in extractions:
        for m in extraction.mentions:
            entity = resolution.mention_key(extraction.document.id, m)
            if entity not in resolution.entities:
                continue
            for role in m.roles:
                key = (entity, role, extraction.document.id)
                first[key] = min(first.get(key, m.start), m.start)
    for (key, role, doc_id), start in first.items():
        yield (str(iris.entity(key)), key, resolution.entities[key].label, role, doc_id, start)


def motion_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    for extraction in extractions:
        for m in extraction.motions:
            yield (extraction.document.id, m.label, m.text, _join(m.submitters), _join(m.parties),
                   m.cites or "", m.status or "", m.start, m.end, m.sentence)


def citation_rows(extractions: list[Extraction], resolution: Resolution) -> Iterator[Row]:
    for extraction in extractions:
        for c in extraction.citations:
            yield (extraction.document.id, c.id, str(iris.document(c.id)), c.text, c.kind, c.page or "",
                   c.start, c.end, c.sentence)


ROWS = {"entities": entity_rows, "mentions": mention_rows, "actions": action_rows,
        "roles": role_rows, "motions": motion_rows, "citations": citation_rows}


def _sort_key(row: Row) -> tuple:
    """Numbers sort as numbers, text as text; None never reaches here."""
    return tuple((0, value, "") if isinstance(value, int) else (1, 0, str(value)) for value in row)


def write_tables(folder: Path, extractions: list[Extraction], resolution: Resolution) -> dict[str, int]:
    """Write folder/<table>.csv for every table; returns the row count per table."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, columns in COLUMNS.items():
        count = 0
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            # Sorted on disk: the mentions table alone holds a sentence per mention.
            for row in sorted_rows(ROWS[name](extractions, resolution), _sort_key, folder):
                writer.writerow(row)
                count += 1
        counts[name] = count
    return counts
