"""to_networkx's additions for the analytics: memberships, mention counts and sentence keys."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS

from kg.analytics.network import sentence_key, to_networkx
from kg.graph.namespace import KG
from kg.graph.store import add_batch, open_dataset

BASE = "https://example.org/t/"
OA = "http://www.w3.org/ns/oa#"
DOC, PERSON, MINISTRY = URIRef(BASE + "doc/1"), URIRef(BASE + "person/p"), URIRef(BASE + "org/min")
GRAPH = URIRef(BASE + "graph/1")


def _mention(n: int, entity: URIRef, sentence: str) -> list[tuple]:
    m, target = URIRef(f"{BASE}doc/1/mention/{n}"), URIRef(f"{BASE}doc/1/mention/{n}/target")
    return [(m, RDF.type, KG.Mention), (m, URIRef(OA + "hasBody"), entity), (m, URIRef(OA + "hasTarget"), target),
            (target, URIRef(OA + "hasSource"), DOC), (m, KG.sentence, Literal(sentence))]


def test_memberships_and_mention_counts():
    data = open_dataset()
    membership, role = URIRef(BASE + "person/p/membership/minister"), URIRef(BASE + "role/minister")
    quads = [(DOC, RDF.type, KG.Document), (PERSON, RDF.type, FOAF.Person), (MINISTRY, RDF.type, ORG.Organization),
             (DOC, KG.mentions, PERSON),
             (membership, RDF.type, ORG.Membership), (membership, ORG.member, PERSON),
             (membership, ORG.organization, MINISTRY), (membership, ORG.role, role), (role, RDFS.label, Literal("minister")),
             *_mention(1, PERSON, "De minister schrijft."), *_mention(2, PERSON, "De minister  schrijft."),
             *_mention(3, PERSON, "Zij antwoordt."), *_mention(4, MINISTRY, "Het ministerie.")]
    add_batch(data, [(s, p, o, GRAPH) for s, p, o in quads])
    graph = to_networkx(data)
    edge = graph.edges[str(PERSON), str(MINISTRY), str(membership)]
    assert (edge["kind"], edge["label"]) == ("membership", "minister")
    mentions = graph.edges[str(DOC), str(PERSON), "kg:mentions"]
    assert mentions["mentions"] == 3
    # two sentences: the second differs from the first only in white space
    assert mentions["sentences"] == " ".join(sorted({sentence_key("De minister schrijft."),
                                                      sentence_key("Zij antwoordt.")}))
    # a mention without a kg:mentions triple still gets its edge
    assert graph.edges[str(DOC), str(MINISTRY), "kg:mentions"]["mentions"] == 1
