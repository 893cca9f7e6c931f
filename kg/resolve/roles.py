"""Roles over time: which role or party each person had, according to which
documents, first and last seen.

A person named as MP in 2020 and as minister in 2022 is one entity with two
role spells; the graph turns each spell into a W3C ORG membership with its
interval.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from kg.model import Extraction, Mention

PARTY_ROLE = "partijlid"


@dataclass
class RoleSpell:
    person: str
    role: str
    party: str | None = None  # the party's written form, for party memberships
    first: str | None = None
    last: str | None = None
    documents: list[str] = field(default_factory=list)
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # (document, start, end) of the mentions


def document_when(extraction: Extraction) -> str | None:
    """The date a document speaks for: its full date, else its year."""
    meta = extraction.document.metadata
    if meta.date:
        return meta.date
    return str(meta.year) if meta.year else None


SpellRow = tuple[str, Iterable[str], "str | None", str, "str | None", int, int]
"""(person key, roles, party, document id, date, start, end) of one person mention."""


def role_spells(extractions: Iterable[Extraction],
                canonical: Mapping[str, str] | Callable[[str, Mention], str] | None = None) -> list[RoleSpell]:
    """Collect (person, role) and (person, party) spells over all documents.

    ``canonical`` gives each mention's entity key: a mapping of mention keys,
    or a function of (document id, mention) such as ``Resolution.mention_key``."""
    if canonical is None:
        key_of: Callable[[str, Mention], str] = lambda doc, m: m.key  # noqa: E731
    elif callable(canonical):
        key_of = canonical
    else:
        table = canonical
        key_of = lambda doc, m: table.get(m.key, m.key)  # noqa: E731
    rows = []
    for extraction in extractions:
        when = document_when(extraction)
        doc_id = extraction.document.id
        rows += [(key_of(doc_id, m), m.roles, m.party, doc_id, when, m.start, m.end)
                 for m in extraction.mentions if m.type == "Person"]
    return collect_spells(rows)


def collect_spells(rows: Iterable[SpellRow]) -> list[RoleSpell]:
    """Spells from person-mention rows, sorted; documents sorted, first/last by date."""
    spells: dict[tuple[str, str, str | None], RoleSpell] = {}
    documents: dict[tuple[str, str, str | None], set[str]] = {}
    evidence: dict[tuple[str, str, str | None], set[tuple[str, int, int]]] = {}
    for person, roles, party, doc_id, when, start, end in rows:
        keys = [(person, role, None) for role in roles]
        if party:
            keys.append((person, PARTY_ROLE, party))
        for key in keys:
            spell = spells.get(key)
            if spell is None:
                spell = spells[key] = RoleSpell(person=key[0], role=key[1], party=key[2])
                documents[key] = set()
                evidence[key] = set()
            documents[key].add(doc_id)
            evidence[key].add((doc_id, start, end))
            if when:
                spell.first = min(spell.first or when, when)
                spell.last = max(spell.last or when, when)
    for key, spell in spells.items():
        spell.documents = sorted(documents[key])
        spell.evidence = sorted(evidence[key])
    return [spells[key] for key in sorted(spells, key=lambda k: (k[0], k[1], k[2] or ""))]
