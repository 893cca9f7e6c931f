"""Plain extraction results -> RDF quads, one named graph per document.

Each document's graph holds what that document says (its metadata, the
mentions with their spans, its citations and motion references); the
``entities`` graph describes the resolved entities once. Quads are built as
lists per document and added in one batch through rdflib's Dataset API on
the Oxigraph store (see ``kg.graph.store``).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD, Namespace

import kg
from kg.graph import iris
from kg.graph.namespace import KG
from kg.model import Entity, Extraction
from kg.paths import ontology_dir
from kg.resolve import Resolution
from kg.resolve.roles import document_when
from kg.graph.people import people_triples
from kg.graph.statements import (action_triples, cited_document_triples, motion_triples, question_triples,
                                 shared_action_triples, shared_motion_triples)

OA = Namespace("http://www.w3.org/ns/oa#")
# Shared triples (cited documents, motions, action classes) are handed on in batches of
# about this many, not held to the end: they grow with the corpus, and one batch of all
# of them was the peak of a 10M-word --no-views build. A triple two batches hold is
# stored once all the same (a store is a set; kg.nq is written sorted and distinct).
SHARED_BATCH = 20_000

Triple = tuple[URIRef, URIRef, object]

ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Organization": (ORG.Organization,),
    "Person": (FOAF.Person,),
    "Measure": (KG.Measure, SKOS.Concept),
}

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def gazetteer_hash() -> str:
    """SHA-256 over the ontology data files, so a graph says which gazetteers made it."""
    digest = hashlib.sha256()
    for path in sorted(ontology_dir().glob("*.ttl")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _span_triples(node: URIRef, doc_iri: URIRef, text: str, start: int, end: int, sentence: str) -> Iterator[Triple]:
    """Web Annotation target of a fact: the document, the offsets and the exact text."""
    target = iris.target(node)
    position = iris.selector(node, "position")
    quote = iris.selector(node, "quote")
    yield node, OA.hasTarget, target
    yield node, KG.sentence, Literal(sentence)
    yield target, RDF.type, OA.SpecificResource
    yield target, OA.hasSource, doc_iri
    yield target, OA.hasSelector, position
    yield target, OA.hasSelector, quote
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(start)
    yield position, OA.end, Literal(end)
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(text)


def _document_triples(extraction: Extraction, resolution: Resolution, hash_: str) -> Iterator[Triple]:
    document = extraction.document
    meta = document.metadata
    doc_iri = iris.document(document.id)
    activity = iris.extraction(document.id)
    yield doc_iri, RDF.type, KG.Document
    yield doc_iri, DCTERMS.identifier, Literal(document.id)
    yield doc_iri, KG.inCorpus, Literal(True)
    yield doc_iri, KG.sourceFile, Literal(document.source.rsplit("/", 1)[-1])
    yield doc_iri, KG.sha256, Literal(document.sha256)
    yield doc_iri, KG.documentType, Literal(meta.type)
    if meta.id:
        yield doc_iri, FOAF.page, iris.official_page(meta.id)
    if meta.title:
        yield doc_iri, DCTERMS.title, Literal(meta.title)
    if meta.document_number:
        yield doc_iri, KG.documentNumber, Literal(meta.document_number)
    if meta.date:
        yield doc_iri, DCTERMS.date, Literal(meta.date, datatype=XSD.date)
    year = meta.date[:4] if meta.date else (str(meta.year) if meta.year else None)
    if year:
        yield doc_iri, KG.year, Literal(year, datatype=XSD.gYear)
    for predicate, value in ((KG.vergaderjaar, meta.vergaderjaar), (KG.dossier, meta.dossier),
                             (KG.number, meta.number), (KG.addressee, meta.addressee)):
        if value:
            yield doc_iri, predicate, Literal(value)
    yield doc_iri, PROV.wasGeneratedBy, activity
    yield activity, RDF.type, KG.Extraction
    yield activity, KG.extractorVersion, Literal(f"kamerkg {kg.__version__}")
    yield activity, KG.gazetteerHash, Literal(hash_)

    for mention in extraction.mentions:
        key = resolution.mention_key(document.id, mention)
        if key not in resolution.entities:
            continue
        node = iris.span(document.id, "mention", mention.start, mention.end, key)
        entity = iris.entity(key)
        yield doc_iri, KG.mentions, entity
        yield node, RDF.type, KG.Mention
        yield node, OA.hasBody, entity
        yield node, PROV.wasGeneratedBy, activity
        yield from _span_triples(node, doc_iri, mention.text, mention.start, mention.end, mention.sentence)

    for name in meta.signatories:
        person = resolution.lookup("Person", name, document.id)
        if person:
            yield doc_iri, KG.signatory, iris.entity(person)

    for motion in extraction.motions:
        yield from motion_triples(motion, document.id, _span_triples)
    when = document_when(extraction)
    for relation in extraction.relations:
        yield from action_triples(relation, document.id, when, resolution, _span_triples)
    answerers = [key for key in (resolution.lookup("Person", name, document.id) for name in meta.signatories) if key]
    for question in extraction.questions:
        yield from question_triples(question, document.id, document.text[question.start:question.end],
                                    answerers, when, resolution, _span_triples, meta.question_number)

    for citation in extraction.citations:
        cited = iris.document(citation.id)
        node = iris.span(document.id, "citation", citation.start, citation.end, citation.id)
        yield doc_iri, DCTERMS.references, cited
        yield node, RDF.type, KG.Citation
        yield node, KG.citing, doc_iri
        yield node, KG.cited, cited
        yield node, KG.citationKind, Literal(citation.kind)
        if citation.page:
            yield node, KG.page, Literal(citation.page)
        yield node, PROV.wasGeneratedBy, activity
        yield from _span_triples(node, doc_iri, citation.text, citation.start, citation.end, citation.sentence)


def _entity_triples(entity: Entity, resolution: Resolution) -> Iterator[Triple]:
    node = iris.entity(entity.key)
    for cls in ENTITY_CLASSES.get(entity.type, ()):
        yield node, RDF.type, cls
    yield node, RDFS.label, Literal(entity.label)
    yield node, SKOS.prefLabel, Literal(entity.label)
    for alias in entity.aliases:
        yield node, SKOS.altLabel, Literal(alias)
    if entity.kind:
        yield node, KG.kind, Literal(entity.kind)
    if entity.type == "Person":
        yield node, FOAF.name, Literal(entity.label)
        for role in entity.roles:
            yield node, KG.role, Literal(role)


def document_quads(extraction: Extraction, resolution: Resolution, hash_: str) -> list[tuple]:
    """The quads of one document's named graph (graph IRI as fourth element)."""
    graph = iris.document_graph(extraction.document.id)
    return [(s, p, o, graph) for s, p, o in _document_triples(extraction, resolution, hash_)]


def entity_quads(resolution: Resolution) -> list[tuple]:
    """The entities graph: entity descriptions and people's memberships over time."""
    graph = iris.entities_graph()
    quads = [(s, p, o, graph) for entity in resolution.sorted_entities()
             for s, p, o in _entity_triples(entity, resolution)]
    quads += [(s, p, o, graph) for s, p, o in people_triples(resolution)]
    return quads


def shared_triples(extraction: Extraction, resolution: Resolution) -> Iterator[Triple]:
    """What documents state in common and the entities graph states once: action classes
    and implied agents, motions, and the documents cited (type, identifier, page)."""
    doc_id = extraction.document.id
    for relation in extraction.relations:
        yield from shared_action_triples(relation, doc_id, resolution)
    for motion in extraction.motions:
        yield from shared_motion_triples(motion, doc_id, resolution)
    for citation in extraction.citations:
        yield from cited_document_triples(citation.id)


def all_quads(extractions: Iterable[Extraction], resolution: Resolution) -> Iterator[list[tuple]]:
    """Batches of quads: the entities graph, one batch per document, then the rest of the
    entities graph: what the documents share (``shared_triples``), once."""
    yield entity_quads(resolution)
    yield from document_batches(extractions, resolution)


def document_batches(extractions: Iterable[Extraction], resolution: Resolution) -> Iterator[list[tuple]]:
    """One batch per document, and what these documents add to the entities graph in
    batches of about SHARED_BATCH triples (the last at the end).

    Any split of the documents gives the same dataset once the parts are
    together (the shared triples of each part are a subset of the whole's),
    so two processes can build the quads of one corpus side by side."""
    hash_ = gazetteer_hash()
    graph = iris.entities_graph()
    shared: set[Triple] = set()
    for extraction in extractions:
        yield document_quads(extraction, resolution, hash_)
        shared.update(shared_triples(extraction, resolution))
        if len(shared) >= SHARED_BATCH:
            yield _sorted_quads(shared, graph)
            shared = set()
    if shared:
        yield _sorted_quads(shared, graph)


def _sorted_quads(triples: set[Triple], graph: URIRef) -> list[tuple]:
    return [(s, p, o, graph) for s, p, o in sorted(triples, key=lambda triple: tuple(map(str, triple)))]
