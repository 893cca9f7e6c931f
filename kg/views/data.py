"""What the HTML views show, read from a build's store with SPARQL.

The views read the graph, never the in-memory extraction results: extraction
streams documents at scale, and the store is the one place where everything
a build found is together. ``load_view_data`` turns a handful of SELECT
queries into plain dataclasses (nodes, edges, documents) that every page
writer shares, the edges kept on disk (kg/views/edge_file.py);
kg/views/layout.py adds the PageRank and positions the overview needs.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from kg.export.sorted_lines import sorted_rows
from kg.views.edge_file import EdgeFile

log = logging.getLogger(__name__)

OFFICIAL = "https://zoek.officielebekendmakingen.nl/"
ENTITY_TYPES = ("Organization", "Person", "Measure", "Motion")
MAX_EVIDENCE = 12  # sentences kept per node: enough to read, small pages
# Sentences kept per edge: no page shows more (the overview and who-did-what
# three, the document and entity tables one). At 10M words the edges hold 416k
# sentences with twelve; most edges are a document naming an entity.
EDGE_EVIDENCE = 3
# Mention rows sorted in memory at a time (a sentence each): ~25 MB at 10M words;
# the same for the other relations' rows, and summed edges (up to three sentences each).
MENTION_RUN_ROWS = 50_000
RELATION_RUN_ROWS = 50_000
EDGE_RUN_ROWS = 20_000

PREFIXES = """
PREFIX kg: <https://w3id.org/kamerkg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

Q_DOCUMENTS = PREFIXES + """
SELECT ?d ?id ?title ?type ?date ?year ?incorpus WHERE {
  ?d a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d kg:documentType ?type }
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d kg:year ?year }
  OPTIONAL { ?d kg:inCorpus ?incorpus }
}"""

Q_ENTITIES = PREFIXES + """
SELECT ?e ?t ?label ?kind WHERE {
  VALUES (?class ?t) { (org:Organization "Organization") (foaf:Person "Person")
                       (kg:Measure "Measure") (kg:Motion "Motion") }
  ?e a ?class ; rdfs:label ?label .
  OPTIONAL { ?e kg:kind ?kind }
}"""

Q_ALIASES = PREFIXES + "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"

Q_ROLES = PREFIXES + """
SELECT ?e ?role ?orglabel WHERE {
  ?m a org:Membership ; org:member ?e ; org:role/rdfs:label ?role .
  OPTIONAL { ?m org:organization/rdfs:label ?orglabel }
}"""

Q_PARTY = PREFIXES + "SELECT ?e ?party ?label WHERE { ?e kg:party ?party . ?party rdfs:label ?label }"

Q_MENTIONS = PREFIXES + """
SELECT ?e ?d ?sentence ?exact ?start WHERE {
  ?m a kg:Mention ; oa:hasBody ?e ; kg:sentence ?sentence ; oa:hasTarget ?t .
  ?t oa:hasSource ?d ; oa:hasSelector ?q , ?p .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  ?p a oa:TextPositionSelector ; oa:start ?start .
}"""

# Every citation, action and motion reference is written with its evidence span, so
# these are flat joins. OPTIONAL blocks and selector type patterns made Oxigraph
# evaluate the optional side over the whole store and join afterwards: 25 s for the
# actions on 15 documents once, and 5-12x slower than these on 200k words.
# (oa:exact and oa:start only occur on the quote and position selectors.)
Q_CITATIONS = PREFIXES + """
SELECT ?from ?to ?sentence ?exact ?start WHERE {
  ?c a kg:Citation ; kg:citing ?from ; kg:cited ?to ; kg:sentence ?sentence ; oa:hasTarget ?t .
  ?t oa:hasSelector ?q , ?p .
  ?q oa:exact ?exact .
  ?p oa:start ?start .
}"""

# The class label is looked up apart (Q_ACTION_CLASSES): it is stated once, in the
# entities graph. Every other triple here is the action's own, in its document's graph,
# so no row repeats, and no DISTINCT holds every row (24 MB of sentences at 20M words).
Q_ACTIONS = PREFIXES + """
SELECT ?agent ?verb ?c ?object ?d ?sentence ?exact ?start WHERE {
  ?a a kg:Action ; kg:agent ?agent ; kg:actionVerb ?verb ; prov:wasDerivedFrom ?d ; kg:evidence ?ev .
  ?ev kg:sentence ?sentence ; oa:hasTarget ?t .
  ?t oa:hasSelector ?q , ?p .
  ?q oa:exact ?exact .
  ?p oa:start ?start .
  OPTIONAL { ?a kg:actionClass ?c }
  OPTIONAL { ?a kg:object ?object }
}"""

Q_ACTION_CLASSES = PREFIXES + "SELECT DISTINCT ?c ?class WHERE { ?c a kg:ActionClass ; rdfs:label ?class }"

Q_MOTION_REFS = PREFIXES + """
SELECT ?d ?motion ?sentence ?exact ?status WHERE {
  ?motion a kg:Motion .
  ?r oa:hasBody ?motion ; kg:sentence ?sentence ; oa:hasTarget ?t .
  ?t oa:hasSource ?d ; oa:hasSelector ?q .
  ?q oa:exact ?exact .
  OPTIONAL { ?r kg:status ?status }
}"""

Q_LINKS = PREFIXES + """
SELECT ?s ?rel ?o WHERE {
  { ?s kg:submitter ?o BIND("submitter" AS ?rel) } UNION { ?s kg:publishedAs ?o BIND("published as" AS ?rel) }
  UNION { ?s kg:party ?o BIND("party" AS ?rel) } UNION { ?s kg:signatory ?o BIND("signatory" AS ?rel) }
}"""


@dataclass(slots=True)  # there are as many as kept sentences: slots make each smaller
class Evidence:
    """A sentence behind a node or an edge, and the words in it to highlight."""

    doc: str
    sentence: str
    quote: str = ""
    start: int = 0

    def as_dict(self) -> dict[str, str]:
        return {"doc": self.doc, "sentence": self.sentence, "quote": self.quote}

    def as_tuple(self) -> tuple[str, str, str, int]:
        """Its fields in order, ``Evidence(*t)`` being it again: what goes to disk (smaller pickles)."""
        return self.doc, self.sentence, self.quote, self.start


@dataclass(slots=True)
class DocInfo:
    iri: str
    id: str
    title: str = ""
    type: str = ""
    date: str = ""
    year: str = ""
    in_corpus: bool = False
    named: int = 0  # distinct nodes it mentions: its mention edges, counted as they are written

    @property
    def url(self) -> str:
        return OFFICIAL + self.id


@dataclass(slots=True)
class Node:
    iri: str
    label: str
    type: str
    kind: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    party: str = ""
    documents: set[str] = field(default_factory=set)  # ids of documents that mention or state it
    evidence: list[Evidence] = field(default_factory=list)
    mentions: int = 0


@dataclass(slots=True)
class Edge:
    """One relation between two nodes, aggregated over the sentences stating it."""

    source: str
    target: str
    label: str
    kind: str  # mentions, cites, action, reports on, submitter, published as, party, signatory
    action_class: str = ""
    documents: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0


@dataclass(slots=True)
class ViewData:
    """Nodes, documents and edges of the views.

    ``load_view_data`` keeps every edge on disk, to be read back as streams:
    the documents' mentions in ``mention_edges`` (as many as all the others
    many times over), the other relations in ``relation_edges``. ``edges``
    holds the edges made in memory with ``edge`` (hand-built data).
    ``all_edges`` and ``edges_by_node`` read all three."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    documents: dict[str, DocInfo] = field(default_factory=dict)  # by IRI
    mention_edges: EdgeFile = field(default_factory=EdgeFile)
    relation_edges: EdgeFile = field(default_factory=EdgeFile)

    def all_edges(self) -> Iterator[Edge]:
        """The mention edges (by document, then first mention), then the others (first stated first)."""
        yield from self.mention_edges
        yield from self.relation_edges
        yield from self.edges.values()

    def actions(self) -> Iterator[Edge]:
        """The action edges, in ``all_edges`` order."""
        return (edge for edge in chain(self.relation_edges, self.edges.values()) if edge.kind == "action")

    def edges_by_node(self) -> Iterator[tuple[str, list[Edge]]]:
        """Every node in IRI order with the edges at either end of it, in ``all_edges`` order.

        Only one node's spooled edges are held at a time."""
        index = neighbours(self)
        streams = [self.mention_edges.by_endpoint(), self.relation_edges.by_endpoint()]
        heads = [next(stream, None) for stream in streams]
        for iri in sorted(self.nodes):
            found: list[Edge] = []
            for number, stream in enumerate(streams):
                while heads[number] is not None and heads[number][0] < iri:  # an end that is no node: skipped
                    heads[number] = next(stream, None)
                if heads[number] is not None and heads[number][0] == iri:
                    found += heads[number][1]
                    heads[number] = next(stream, None)
            yield iri, found + index.get(iri, [])

    def doc_id(self, iri: str) -> str:
        doc = self.documents.get(iri)
        return doc.id if doc else iri.rsplit("/", 1)[-1]

    def edge(self, source: str, target: str, label: str, kind: str, **extra: Any) -> Edge:
        key = (source, target, label)
        found = self.edges.get(key)
        if found is None:
            found = self.edges[key] = Edge(source, target, label, kind, **extra)
        return found

    def by_type(self, type_: str) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.type == type_), key=lambda n: n.label.casefold())

    def titles(self) -> dict[str, str]:
        """Document id -> title, built once per page set (not per page: that made
        writing the entity pages entities x documents, a minute at 10M words)."""
        return {d.id: d.title for d in self.documents.values()}


def open_store(source: Any):
    """A pyoxigraph Store from a Dataset (oxrdflib), a Store, or a store folder."""
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, (str, Path)):
        return ox.Store.read_only(str(source))
    return source.store._inner  # rdflib Dataset on oxrdflib's OxigraphStore


def _rows(store, query: str) -> Iterator[dict[str, str]]:
    """The query's solutions one at a time (never all at once: at 10M words the
    mention rows alone, held as Python dicts, were most of a gigabyte)."""
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for s in result:
        yield {n: (s[n].value if s[n] is not None else "") for n in names}


def _add_evidence(items: list[Evidence], evidence: Evidence, limit: int = MAX_EVIDENCE) -> None:
    if evidence.sentence and len(items) < limit and evidence not in items:
        items.append(evidence)


def _node_for_document(data: ViewData, iri: str) -> Node:
    node = data.nodes.get(iri)
    if node is None:
        doc = data.documents.get(iri) or DocInfo(iri=iri, id=iri.rsplit("/", 1)[-1])
        data.documents.setdefault(iri, doc)
        node = data.nodes[iri] = Node(iri=iri, label=doc.id, type="Document", kind=doc.type,
                                      aliases=[doc.title] if doc.title else [], documents={doc.id})
    return node


def load_view_data(source: Any, scratch: Path | None = None) -> ViewData:
    """Everything the pages show, from a Dataset, pyoxigraph Store or store folder.

    The edges and the sorts behind them go to files in ``scratch`` (by
    default a temporary folder that lives as long as the returned data)."""
    store = open_store(source)
    data = ViewData(mention_edges=EdgeFile(scratch), relation_edges=EdgeFile(scratch))
    for row in _rows(store, Q_DOCUMENTS):
        data.documents[row["d"]] = DocInfo(
            iri=row["d"], id=row["id"], title=row["title"], type=row["type"], date=row["date"],
            year=row["year"] or row["date"][:4], in_corpus=row["incorpus"] == "true")
    for iri in sorted(data.documents):
        _node_for_document(data, iri)
    for row in _rows(store, Q_ENTITIES):
        data.nodes.setdefault(row["e"], Node(iri=row["e"], label=row["label"], type=row["t"], kind=row["kind"]))
    for row in _rows(store, Q_ALIASES):
        node = data.nodes.get(row["e"])
        if node and row["alias"] not in node.aliases and row["alias"] != node.label:
            node.aliases.append(row["alias"])
    for row in _rows(store, Q_ROLES):
        node = data.nodes.get(row["e"])
        if node and row["role"] != "partijlid":
            role = row["role"] + (f" ({row['orglabel']})" if row["orglabel"] and row["orglabel"] not in row["role"] else "")
            if role not in node.roles:
                node.roles.append(role)
    for row in _rows(store, Q_PARTY):
        if row["e"] in data.nodes:
            data.nodes[row["e"]].party = row["label"]
    _load_mentions(store, data)
    _load_relations(store, data)
    for node in data.nodes.values():
        node.aliases.sort(key=str.casefold)
        node.roles.sort(key=str.casefold)
    log.info("views: %d nodes, %d edges (%d of them mentions), %d documents", len(data.nodes),
             len(data.edges) + len(data.mention_edges) + len(data.relation_edges), len(data.mention_edges),
             len(data.documents))
    return data


def _load_mentions(store, data: ViewData) -> None:
    """Mention counts, documents and evidence of every node, and the document -> node edges.

    The rows go through the external sort by (document IRI, offset), so a
    node's evidence is its first sentences in corpus order, and a document's
    edges are whole when the next document starts: they are written to
    ``data.mention_edges`` in the order of their first mention, and let go."""
    rows = ((row["d"], int(row["start"] or 0), row["e"], row["sentence"], row["exact"])
            for row in _rows(store, Q_MENTIONS) if row["e"] in data.nodes)
    ordered = sorted_rows(rows, itemgetter(0, 1), data.mention_edges.folder(), MENTION_RUN_ROWS)
    for doc_iri, group in groupby(ordered, key=itemgetter(0)):
        if doc_iri not in data.documents:
            _node_for_document(data, doc_iri)
        doc = data.documents[doc_iri]
        edges: dict[str, Edge] = {}
        for _, start, iri, sentence, exact in group:
            node = data.nodes[iri]
            evidence = Evidence(doc.id, sentence, exact, start)
            node.documents.add(doc.id)
            node.mentions += 1
            _add_evidence(node.evidence, evidence)
            edge = edges.get(iri)
            if edge is None:
                edge = edges[iri] = Edge(doc.iri, iri, "noemt", "mentions", documents={doc.id})
            edge.count += 1
            _add_evidence(edge.evidence, evidence, EDGE_EVIDENCE)
        for edge in edges.values():
            data.mention_edges.append(edge)
        doc.named = len(edges)  # a document's rows come together: this is all of them


def _load_relations(store, data: ViewData) -> None:
    """Citations, actions, motion references and links: each node's share of them
    (its evidence, documents) as the rows come, and the edges they make.

    A row is one statement of an edge; the edge sums all of its statements. The
    rows go through the external sort by edge and order of arrival, each
    edge's rows are summed as they come out together, and the edges, put back
    in the order of their first statement, go to ``data.relation_edges``. Held
    in memory, they were ~45 MB of the views' ~100 MB of Python objects at 10M words."""
    folder = data.relation_edges.folder()
    ordered = sorted_rows(_relation_rows(store, data), itemgetter(0, 1, 2, 3), folder, RELATION_RUN_ROWS)
    edges = sorted_rows(_summed(ordered), itemgetter(0), folder, EDGE_RUN_ROWS)
    for _, edge in edges:
        data.relation_edges.append(edge)


LINK_LABELS = {"submitter": "ingediend door", "published as": "gepubliceerd als", "party": "partij",
               "signatory": "ondertekend door"}


def _relation_rows(store, data: ViewData) -> Iterator[tuple]:
    """(source, target, label, number, kind, action class, document id, evidence) per
    statement of a relation, numbered in the order the queries give them."""
    number = 0
    for row in _rows(store, Q_CITATIONS):
        source, target = _node_for_document(data, row["from"]), _node_for_document(data, row["to"])
        doc_id = data.doc_id(row["from"])
        evidence = Evidence(doc_id, row["sentence"], row["exact"])
        _add_evidence(target.evidence, evidence)  # where this document is cited
        number += 1
        yield source.iri, target.iri, "citeert", number, "cites", "", doc_id, evidence.as_tuple()
    classes = {row["c"]: row["class"] for row in _rows(store, Q_ACTION_CLASSES)}
    for row in _rows(store, Q_ACTIONS):
        agent = data.nodes.get(row["agent"]) or (
            _node_for_document(data, row["agent"]) if row["agent"] in data.documents else None)
        if agent is None:
            continue
        doc_iri = row["d"]
        doc_id = data.doc_id(doc_iri)
        target = row["object"] if row["object"] in data.nodes else _node_for_document(data, doc_iri).iri
        evidence = Evidence(doc_id, row["sentence"], row["exact"], int(row["start"] or 0))
        agent.documents.add(doc_id)
        _add_evidence(agent.evidence, evidence)
        number += 1
        yield agent.iri, target, row["verb"], number, "action", classes.get(row["c"], ""), doc_id, evidence.as_tuple()
    for row in _rows(store, Q_MOTION_REFS):
        motion = data.nodes.get(row["motion"])
        if motion is None:
            continue
        doc = _node_for_document(data, row["d"])
        label = "meldt" + (f" ({row['status']})" if row["status"] else "")
        evidence = Evidence(doc.label, row["sentence"], row["exact"])
        _add_evidence(motion.evidence, evidence)
        motion.documents.add(doc.label)
        number += 1
        yield doc.iri, motion.iri, label, number, "reports on", "", doc.label, evidence.as_tuple()
    for row in _rows(store, Q_LINKS):
        if row["s"] not in data.nodes:
            continue
        if row["o"] not in data.nodes:
            if row["rel"] != "published as":
                continue
            _node_for_document(data, row["o"])
        number += 1
        yield row["s"], row["o"], LINK_LABELS[row["rel"]], number, row["rel"], "", None, None


def _summed(rows: Iterator[tuple]) -> Iterator[tuple[int, Edge]]:
    """Each edge of rows sorted by edge, then number: (number of its first statement, the edge).
    Its kind and action class are those first stated; documents, count and the first
    EDGE_EVIDENCE distinct sentences gather over all statements, in order."""
    for (source, target, label), group in groupby(rows, key=itemgetter(0, 1, 2)):
        first, edge = 0, None
        for _, _, _, number, kind, action_class, doc_id, evidence in group:
            if edge is None:
                first, edge = number, Edge(source, target, label, kind, action_class=action_class)
            if doc_id is not None:
                edge.documents.add(doc_id)
            edge.count += 1
            if evidence is not None:
                _add_evidence(edge.evidence, Evidence(*evidence), EDGE_EVIDENCE)
        yield first, edge


def neighbours(data: ViewData) -> dict[str, list[Edge]]:
    """The edges held in memory (all but the mentions) by the nodes at either end."""
    index: dict[str, list[Edge]] = defaultdict(list)
    for edge in data.edges.values():
        index[edge.source].append(edge)
        if edge.target != edge.source:
            index[edge.target].append(edge)
    return index
