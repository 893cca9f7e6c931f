"""Persons' roles and party memberships over time as W3C ORG.

Each role spell (kg.resolve.roles) becomes an org:Membership of the person
in the organisation the role belongs to, with org:role and an
org:memberDuring interval from the first to the last document that states it.
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, XSD

from kg.graph import iris
from kg.resolve import Resolution
from kg.resolve.roles import PARTY_ROLE, RoleSpell

TIME = Namespace("http://www.w3.org/2006/time#")

Triple = tuple[URIRef, URIRef, object]

# Roles whose organisation is fixed; ministers' organisation is their ministry.
ROLE_ORGANISATIONS = {"tweede kamerlid": "Tweede Kamer", "eerste kamerlid": "Eerste Kamer"}


def _time_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYear)


def role_organisation(spell: RoleSpell, resolution: Resolution) -> str | None:
    """The key of the organisation a role is held in, when it can be told."""
    if spell.role == PARTY_ROLE:
        return resolution.lookup("Organization", spell.party or "")
    lowered = spell.role.lower()
    if lowered in ROLE_ORGANISATIONS:
        return resolution.lookup("Organization", ROLE_ORGANISATIONS[lowered])
    head, sep, portfolio = spell.role.partition(" van ")
    if sep and head.lower() in {"minister", "staatssecretaris"}:
        return (resolution.lookup("Organization", f"Ministerie van {portfolio}")
                or resolution.lookup("Organization", portfolio))
    return None


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
    for doc_id in spell.documents:
        yield node, PROV.wasDerivedFrom, iris.document(doc_id)
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
