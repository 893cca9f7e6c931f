"""Persons' roles and party memberships over time as W3C ORG.

Each role spell (kg.resolve.roles) becomes an org:Membership of the person
in the organisation the role belongs to, with org:role and an
org:memberDuring interval from the first to the last document that states it.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import iris
from kg.graph.gazetteer import GazetteerEntry, load_actors
from kg.resolve import Resolution, fold_name
from kg.resolve.roles import PARTY_ROLE, RoleSpell

TIME = Namespace("http://www.w3.org/2006/time#")

Triple = tuple[URIRef, URIRef, object]

# Roles whose organisation is fixed; ministers' organisation is their ministry.
ROLE_ORGANISATIONS = {"tweede kamerlid": "Tweede Kamer", "eerste kamerlid": "Eerste Kamer"}


def _time_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYear)


@lru_cache(maxsize=1)
def _actors_by_name() -> dict[str, GazetteerEntry]:
    """Every actor of the gazetteer by each of its folded names (dated names included)."""
    index: dict[str, GazetteerEntry] = {}
    for entry in load_actors():
        for name in (entry.label, *entry.labels, *(n.label for n in entry.names)):
            index.setdefault(fold_name(name), entry)
    return index


def _organisation(name: str, resolution: Resolution) -> str | None:
    """An organisation by name: one the documents name, else one the gazetteer knows."""
    key = resolution.lookup("Organization", name)
    if key:
        return key
    entry = _actors_by_name().get(fold_name(name))
    return entry.key if entry else None


def role_organisation(spell: RoleSpell, resolution: Resolution) -> str | None:
    """The key of the organisation a role is held in, when it can be told.

    A minister's title names the ministry even when the text never names the
    ministry itself; the gazetteer's dated names make "Veiligheid en Justitie"
    (until 2017) and "Justitie en Veiligheid" one organisation."""
    if spell.role == PARTY_ROLE:
        return _organisation(spell.party or "", resolution)
    lowered = spell.role.lower()
    if lowered in ROLE_ORGANISATIONS:
        return _organisation(ROLE_ORGANISATIONS[lowered], resolution)
    head, sep, portfolio = spell.role.partition(" van ")
    if sep and head.lower() in {"minister", "staatssecretaris"}:
        return _organisation(f"Ministerie van {portfolio}", resolution) or _organisation(portfolio, resolution)
    return None


def _gazetteer_entity_triples(key: str) -> Iterator[Triple]:
    """Describe an organisation known only from the gazetteer (a ministry named in a title)."""
    from kg.graph.namespace import KG

    entry = next((e for e in _actors_by_name().values() if e.key == key), None)
    if entry is None:
        return
    node = iris.entity(key)
    yield node, RDF.type, ORG.Organization
    yield node, RDFS.label, Literal(entry.label)
    yield node, SKOS.prefLabel, Literal(entry.label)
    if entry.kind:
        yield node, KG.kind, Literal(entry.kind)


def membership_triples(spell: RoleSpell, resolution: Resolution) -> Iterator[Triple]:
    if spell.person not in resolution.entities:
        return
    person = iris.entity(spell.person)
    organisation = role_organisation(spell, resolution)
    node = iris.membership(spell.person, spell.role, spell.party or "")
    role = iris.role(spell.role)
    label = resolution.entities[spell.person].label
    yield node, RDF.type, ORG.Membership
    yield node, RDFS.label, Literal(f"{label}: {spell.role}" + (f" ({spell.party})" if spell.party else ""))
    yield node, ORG.member, person
    yield node, ORG.role, role
    yield role, RDF.type, ORG.Role
    yield role, RDFS.label, Literal(spell.role)
    if organisation:
        yield node, ORG.organization, iris.entity(organisation)
        if organisation not in resolution.entities:
            yield from _gazetteer_entity_triples(organisation)
    for doc_id in spell.documents:
        yield node, PROV.wasDerivedFrom, iris.document(doc_id)
    for doc_id, start, end in spell.evidence:
        # The mention that states the role: its span, sentence and extractor (kg:Mention).
        yield node, PROV.wasDerivedFrom, iris.span(doc_id, "mention", start, end, spell.person)
    if spell.first and spell.last:
        during = iris.interval(node)
        begin, end = iris.instant(during, "begin"), iris.instant(during, "end")
        yield node, ORG.memberDuring, during
        yield during, RDF.type, TIME.Interval
        yield during, TIME.hasBeginning, begin
        yield during, TIME.hasEnd, end
        for instant, value in ((begin, spell.first), (end, spell.last)):
            yield instant, RDF.type, TIME.Instant
            yield instant, TIME.inXSDDate if len(value) == 10 else TIME.inXSDgYear, _time_literal(value)


def people_triples(resolution: Resolution) -> Iterator[Triple]:
    """Memberships, and each person's party as kg:party."""
    from kg.graph.namespace import KG

    for spell in resolution.roles:
        yield from membership_triples(spell, resolution)
        if spell.role == PARTY_ROLE and spell.person in resolution.entities:
            party = resolution.lookup("Organization", spell.party or "")
            if party:
                yield iris.entity(spell.person), KG.party, iris.entity(party)
