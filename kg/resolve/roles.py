"""Roles over time: which role or party each person had, according to which
documents, first and last seen.

A person named as MP in 2020 and as minister in 2022 is one entity with two
role spells; the graph turns each spell into a W3C ORG membership with its
interval.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Extraction

PARTY_ROLE = "partijlid"


@dataclass
class RoleSpell:
    person: str
    role: str
    party: str | None = None  # the party's written form, for party memberships
    first: str | None = None
    last: str | None = None
    documents: list[str] = field(default_factory=list)


def document_when(extraction: Extraction) -> str | None:
    """The date a document speaks for: its full date, else its year."""
    meta = extraction.document.metadata
    if meta.date:
        return meta.date
    return str(meta.year) if meta.year else None


def role_spells(extractions: Iterable[Extraction], canonical: dict[str, str] | None = None) -> list[RoleSpell]:
    """Collect (person, role) and (person, party) spells over all documents."""
    canonical = canonical or {}
    spells: dict[tuple[str, str, str | None], RoleSpell] = {}
    for extraction in extractions:
        when = document_when(extraction)
        doc_id = extraction.document.id
        for mention in extraction.mentions:
            if mention.type != "Person":
                continue
            person = canonical.get(mention.key, mention.key)
            keys = [(person, role, None) for role in mention.roles]
            if mention.party:
                keys.append((person, PARTY_ROLE, mention.party))
            for key in keys:
                spell = spells.get(key)
                if spell is None:
                    spell = spells[key] = RoleSpell(person=key[0], role=key[1], party=key[2])
                if doc_id not in spell.documents:
                    spell.documents.append(doc_id)
                if when:
                    spell.first = min(spell.first or when, when)
                    spell.last = max(spell.last or when, when)
    for spell in spells.values():
        spell.documents.sort()
    return [spells[key] for key in sorted(spells, key=lambda k: (k[0], k[1], k[2] or ""))]
