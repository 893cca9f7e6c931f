"""What a document says about motions and about who did what.

A motion reference becomes an annotation in the document's graph linking the
motion and the letter's own words on it; the motion itself (its submitters,
the Kamerstuk it is published as) is described once, in the entities graph.
An action becomes an n-ary kg:Action with agent, verb,
class, object, document, date and evidence span.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, XSD, Namespace

from kg.graph import iris
from kg.graph.namespace import KG
from kg.model import Motion, Question, Relation
from kg.resolve import Resolution

OA = Namespace("http://www.w3.org/ns/oa#")

Triple = tuple[URIRef, URIRef, object]
SpanTriples = Callable[[URIRef, URIRef, str, int, int, str], Iterator[Triple]]


def motion_key(motion: Motion) -> str:
    """Motions are known by the Kamerstuk they are published as, else by their submitters."""
    if motion.cites:
        return f"motion/{motion.cites}"
    return "motion/" + "-".join(iris.slug(s) for s in motion.submitters or [motion.label])


def cited_document_triples(doc_id: str) -> Iterator[Triple]:
    """What a citation or motion states of the document it names (shared: see below)."""
    cited = iris.document(doc_id)
    yield cited, RDF.type, KG.Document
    yield cited, DCTERMS.identifier, Literal(doc_id)
    yield cited, FOAF.page, iris.official_page(doc_id)


def shared_motion_triples(motion: Motion, doc_id: str, resolution: Resolution) -> Iterator[Triple]:
    """The motion itself (type, label, submitters, the Kamerstuk it is published as),
    stated once in the entities graph like ``shared_action_triples``: every document
    reporting on a motion would otherwise restate it, and a query joining its type and
    label over the union of the graphs got (documents reporting on it)^2 rows."""
    node = iris.entity(motion_key(motion))
    yield node, RDF.type, KG.Motion
    yield node, RDFS.label, Literal(motion.label)
    if motion.cites:
        yield node, KG.publishedAs, iris.document(motion.cites)
        yield from cited_document_triples(motion.cites)
    for submitter in motion.submitters:
        person = resolution.lookup("Person", submitter, doc_id)
        if person:
            yield node, KG.submitter, iris.entity(person)


def motion_triples(motion: Motion, doc_id: str, span_triples: SpanTriples) -> Iterator[Triple]:
    """The document's report on a motion, with its evidence (the motion: ``shared_motion_triples``)."""
    doc_iri = iris.document(doc_id)
    node = iris.entity(motion_key(motion))
    yield doc_iri, KG.reportsOn, node
    reference = iris.span(doc_id, "motion", motion.start, motion.end)
    yield reference, RDF.type, OA.Annotation
    yield reference, OA.hasBody, node
    yield reference, PROV.wasGeneratedBy, iris.extraction(doc_id)
    if motion.status:
        yield reference, KG.status, Literal(motion.status)
    yield from span_triples(reference, doc_iri, motion.text, motion.start, motion.end, motion.sentence)


def _resolve_key(key: str | None, resolution: Resolution, doc_id: str | None = None) -> URIRef | None:
    """An action's agent or object: an entity key, or a document id."""
    if not key:
        return None
    key = resolution.key_for(key, doc_id)
    if key in resolution.entities or key.startswith(("org/", "person/", "measure/", "motion/")):
        return iris.entity(key)
    return iris.document(key)


def shared_action_triples(relation: Relation, doc_id: str, resolution: Resolution) -> Iterator[Triple]:
    """What every document with such an action would otherwise state again: its action
    class, and an agent the documents imply rather than name ("wij", "het kabinet").

    These go to the entities graph once. Restated in each document graph they made a
    store serving the union of its graphs (Oxigraph, kamerkg serve) repeat every row
    joined with them once per document: the saved actions query grew quadratically."""
    agent = _resolve_key(relation.agent, resolution, doc_id)
    if agent is None:
        return
    agent_key = resolution.key_for(relation.agent, doc_id)
    if agent_key not in resolution.entities and agent_key.startswith("org/"):
        yield agent, RDF.type, ORG.Organization
        yield agent, RDFS.label, Literal(agent_key.partition("/")[2].replace("-", " "))
        yield agent, KG.kind, Literal("government")
    yield iris.action_class(relation.action_class), RDF.type, KG.ActionClass
    yield iris.action_class(relation.action_class), RDFS.label, Literal(relation.action_class)


def action_triples(relation: Relation, doc_id: str, when: str | None, resolution: Resolution,
                   span_triples: SpanTriples) -> Iterator[Triple]:
    """The action node, its evidence and date (see also :func:`shared_action_triples`)."""
    agent = _resolve_key(relation.agent, resolution, doc_id)
    if agent is None:
        return
    doc_iri = iris.document(doc_id)
    node = iris.span(doc_id, "action", relation.start, relation.end, relation.agent)
    yield node, RDF.type, KG.Action
    yield node, KG.agent, agent
    yield node, KG.actionVerb, Literal(relation.action)
    yield node, KG.actionClass, iris.action_class(relation.action_class)
    obj = _resolve_key(relation.object, resolution, doc_id)
    if obj is not None:
        yield node, KG.object, obj
    yield node, PROV.wasDerivedFrom, doc_iri
    yield node, PROV.wasGeneratedBy, iris.extraction(doc_id)
    if when:
        yield node, DCTERMS.date, Literal(when, datatype=XSD.date if len(when) == 10 else XSD.gYear)
    evidence = iris.selector(node, "evidence")
    yield node, KG.evidence, evidence
    yield from span_triples(evidence, doc_iri, relation.text, relation.start, relation.end, relation.sentence)


def question_triples(question: Question, doc_id: str, exact: str, answerers: list[str], when: str | None,
                     resolution: Resolution, span_triples: SpanTriples,
                     question_number: str | None = None) -> Iterator[Triple]:
    """A question or answer as a node; answers link to their question and answerer."""
    doc_iri = iris.document(doc_id)
    node = iris.question(doc_id, question.kind, question.number)
    yield node, RDF.type, KG.Question if question.kind == "question" else KG.Answer
    yield node, RDFS.label, Literal(f"{'Vraag' if question.kind == 'question' else 'Antwoord'} {question.number}")
    yield node, KG.questionNumber, Literal(question.number)
    yield node, KG.text, Literal(question.text)
    yield node, DCTERMS.isPartOf, doc_iri
    if question_number:
        # The vraagnummer: joins Gegevensmagazijn's Zaak.Nummer.
        yield node, DCTERMS.identifier, Literal(question_number)
    for related in question.related:
        yield node, KG.relatedQuestion, Literal(related)
    if question.kind == "question":
        for asker in question.askers:
            asker = resolution.key_for(asker, doc_id)
            if asker in resolution.entities:
                yield node, KG.askedBy, iris.entity(asker)
        if question.submitted:
            yield node, DCTERMS.dateSubmitted, Literal(question.submitted, datatype=XSD.date)
    else:
        yield node, KG.answers, iris.question(doc_id, "question", question.number)
        for answerer in answerers:
            yield node, KG.answeredBy, iris.entity(answerer)
        if when and len(when) == 10:
            yield node, DCTERMS.dateAccepted, Literal(when, datatype=XSD.date)
    evidence = iris.selector(node, "evidence")
    yield node, KG.evidence, evidence
    yield from span_triples(evidence, doc_iri, exact, question.start, question.end, question.text)
