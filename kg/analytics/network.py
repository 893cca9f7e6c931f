"""The knowledge graph as a typed networkx MultiDiGraph, read from the store.

One conversion shared by GraphML/GEXF exports, stats and views, so they all
see the same network. Nodes are the things people draw: documents and the
resolved entities (organisations, persons, measures, motions), keyed by IRI,
with ``type``, ``label``, ``iri`` and every literal the graph gives them
(one string per property, several values joined with ``"; "``). Edges are

* every IRI-valued triple between two nodes (``dcterms:references``,
  ``kg:mentions``, ``kg:submitter``, ``kg:party``...), keyed by the
  compact predicate and labelled with its local name (``kind`` = "relation");
* every ``kg:Action`` (who did what) from its agent to its object, keyed by
  the action's IRI and labelled with the action verb (``kind`` = "action");
* every ``org:Membership`` with an organisation, from the person to the
  organisation, keyed by the membership's IRI and labelled with the role
  (``kind`` = "membership").

``kg:mentions`` edges also carry ``mentions`` (how many ``kg:Mention``
annotations of the entity the document holds) and ``sentences`` (short,
stable keys of the sentences they stand in, space-separated), so the
analytics can count mentions per year and co-mentions per sentence from the
same graph.

Read through SPARQL on Oxigraph with the union of all graphs as the default
graph; nodes and edges are added in sorted order so writers are stable.
"""
from __future__ import annotations

import hashlib
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:
    import networkx as nx

SEPARATOR = "; "

NODE_TYPES: dict[str, str] = {  # class IRI -> node type, first match wins
    "https://w3id.org/kamerkg/def#Document": "Document",
    "https://w3id.org/kamerkg/def#Motion": "Motion",
    "http://xmlns.com/foaf/0.1/Person": "Person",
    "http://www.w3.org/ns/org#Organization": "Organization",
    "https://w3id.org/kamerkg/def#Measure": "Measure",
}
PRIORITY = {iri: rank for rank, iri in enumerate(NODE_TYPES)}
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://purl.org/dc/terms/title", "http://purl.org/dc/terms/identifier")
PREFIXES = {
    "https://w3id.org/kamerkg/def#": "kg", "http://purl.org/dc/terms/": "dcterms",
    "http://xmlns.com/foaf/0.1/": "foaf", "http://www.w3.org/ns/org#": "org",
    "http://www.w3.org/2004/02/skos/core#": "skos", "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/oa#": "oa", "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/ns/opengov#": "opengov",
}
_VALUES = " ".join(f"<{iri}>" for iri in NODE_TYPES)

NODES = f"SELECT DISTINCT ?node ?class WHERE {{ VALUES ?class {{ {_VALUES} }} ?node a ?class }}"
# No DISTINCT below: their rows are grouped after an external sort, which drops repeats,
# and Oxigraph's DISTINCT holds every row it has seen.
NODE_LITERALS = f"""SELECT ?node ?p ?o WHERE {{
  VALUES ?class {{ {_VALUES} }} ?node a ?class . ?node ?p ?o . FILTER(isLiteral(?o)) }}"""
LINKS = f"""SELECT ?s ?p ?o WHERE {{
  VALUES ?c1 {{ {_VALUES} }} VALUES ?c2 {{ {_VALUES} }}
  ?s a ?c1 . ?o a ?c2 . ?s ?p ?o . FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }}"""
ACTIONS = """PREFIX kg: <https://w3id.org/kamerkg/def#>
SELECT ?action ?agent ?object ?verb ?class ?graph WHERE {
  ?action a kg:Action ; kg:agent ?agent ; kg:object ?object .
  FILTER(isIRI(?agent) && isIRI(?object))
  OPTIONAL { ?action kg:actionVerb ?verb }
  OPTIONAL { ?action kg:actionClass ?class }
  OPTIONAL { GRAPH ?graph { ?action a kg:Action } }
}"""


MEMBERSHIPS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?membership ?person ?organisation ?role ?roleLabel WHERE {
  ?membership a org:Membership ; org:member ?person ; org:organization ?organisation .
  OPTIONAL { ?membership org:role ?role . OPTIONAL { ?role rdfs:label ?roleLabel } }
}"""
MENTIONS = """PREFIX kg: <https://w3id.org/kamerkg/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?mention ?document ?entity ?sentence WHERE {
  ?mention a kg:Mention ; oa:hasBody ?entity ; oa:hasTarget/oa:hasSource ?document .
  OPTIONAL { ?mention kg:sentence ?sentence }
}"""
MENTIONS_KEY = "kg:mentions"
MENTIONS_PREDICATE = "https://w3id.org/kamerkg/def#mentions"


def sentence_key(sentence: str) -> str:
    """A short stable key for a sentence, so co-mentions can be counted without storing the text twice."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:12]


def _store(source: Any) -> ox.Store:
    """A pyoxigraph Store from a Store, an rdflib Dataset on Oxigraph, OUT or OUT/store."""
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, (str, Path)):
        path = Path(source)
        if (path / "store").is_dir():
            path = path / "store"
        if not path.is_dir():
            raise FileNotFoundError(f"{source}: no Oxigraph store here (run kamerkg build first)")
        return ox.Store.read_only(str(path))
    inner = getattr(getattr(source, "store", None), "_inner", None)  # rdflib Dataset on oxrdflib
    if isinstance(inner, ox.Store):
        return inner
    raise TypeError(f"to_networkx needs an Oxigraph store, an rdflib Dataset on one or a path, not {type(source)}")


def local_name(iri: str) -> str:
    """The part after the last '#' or '/': the readable name of a predicate or class."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def compact(iri: str) -> str:
    for namespace, prefix in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _rows(store: ox.Store, query: str) -> Iterator[dict[str, Any]]:
    """The solutions one by one: a large store's rows are never all in memory at once."""
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for solution in result:
        yield {name: solution[name] for name in names}


@dataclass
class NetworkStream:
    """The network as sorted streams, for writers that must not hold it (GraphML and
    GEXF at scale: networkx plus the XML trees took 1.4 GB more at 10M words).

    ``nodes`` yields (IRI, attributes) by IRI, the typed nodes first, then the
    "Other" ends of actions; ``edges`` yields (source, target, key, attributes)
    sorted by those three. ``node_attributes`` names every node attribute used."""

    node_attributes: list[str]
    nodes: Iterator[tuple[str, dict[str, str]]]
    edges: Iterator[tuple[str, str, str, dict[str, Any]]]


EDGE_ATTRIBUTES: dict[str, type] = {"kind": str, "label": str, "predicate": str, "mentions": int, "sentences": str,
                                    "action": str, "action_class": str, "graph": str, "role": str}


def stream_network(source: Any, scratch: Path, run_rows: int | None = None) -> NetworkStream:
    """The typed network of ``source`` as streams, sorted in bounded memory under ``scratch``.

    Only the node IRIs and their types are held (edges need to know which
    ends are nodes); literals and edges go through an external sort, so a
    node's or an edge's rows meet without the network being in memory.
    ``run_rows`` is the sort's run length (tests make it small to merge many runs)."""
    store = _store(source)
    types: dict[str, str] = {}
    for row in _rows(store, NODES):
        node, cls = row["node"], row["class"].value
        if not isinstance(node, ox.NamedNode):
            continue
        current = types.get(node.value)
        if current is None or PRIORITY[cls] < PRIORITY[current]:
            types[node.value] = cls
    names: set[str] = {"type", "label", "iri"}

    def literal_rows() -> Iterator[tuple[str, str, str]]:
        for row in _rows(store, NODE_LITERALS):
            if row["node"].value in types:
                names.add(local_name(row["p"].value))
                yield row["node"].value, row["p"].value, row["o"].value

    literals = _spooled(literal_rows(), itemgetter(0), scratch, run_rows)
    others: set[str] = set()  # ends of actions that are not typed nodes
    edges = _spooled(_edge_rows(store, types, others, scratch, run_rows), itemgetter(0), scratch, run_rows)
    return NetworkStream(sorted(names), _nodes(types, literals, others), _merged_edges(edges))


def _spooled(rows: Iterator[Any], key: Any, scratch: Path, run_rows: int | None = None) -> Iterator[Any]:
    """``sorted_rows`` with its input read now, not at the first ``next``: what
    the input records on the way (attribute names, action ends) is then complete."""
    from kg.export.sorted_lines import RUN_ROWS, sorted_rows

    merged = sorted_rows(rows, key, scratch, run_rows or RUN_ROWS)
    first = next(merged, None)
    return iter(()) if first is None else chain([first], merged)


def _nodes(types: dict[str, str], literals: Iterator[tuple[str, str, str]],
           others: set[str]) -> Iterator[tuple[str, dict[str, str]]]:
    groups = groupby(literals, key=itemgetter(0))
    group = next(groups, None)
    for iri in sorted(types):
        values: dict[str, set[str]] = defaultdict(set)
        if group is not None and group[0] == iri:
            for _, predicate, value in group[1]:
                values[predicate].add(value)
            group = next(groups, None)
        attributes = {local_name(p): SEPARATOR.join(sorted(v)) for p, v in sorted(values.items())}
        label = next((min(values[p]) for p in LABELS if values.get(p)), local_name(iri))
        attributes.update(type=NODE_TYPES[types[iri]], label=label, iri=iri)
        yield iri, dict(sorted(attributes.items()))
    for iri in sorted(others):
        yield iri, {"type": "Other", "label": local_name(iri), "iri": iri}


def _edge_rows(store: ox.Store, types: dict[str, str], others: set[str], scratch: Path,
               run_rows: int | None) -> Iterator[tuple[tuple[str, str, str], tuple]]:
    """((source, target, key), payload) for every edge row, in no order; ``others``
    gets the action ends that are not typed nodes. Memberships and mention counts
    are kept only between nodes, those ends included."""
    for row in _rows(store, LINKS):
        if isinstance(row["s"], ox.NamedNode) and isinstance(row["o"], ox.NamedNode):
            yield (row["s"].value, row["o"].value, compact(row["p"].value)), ("link", row["p"].value)
    for action, attributes, agents, objects in _actions(store, scratch, run_rows):
        for agent in agents:
            for obj in objects:
                others.update(end for end in (agent, obj) if end not in types)
                yield (agent, obj, action), ("action", attributes)

    def is_node(iri: str) -> bool:
        return iri in types or iri in others

    memberships: dict[str, tuple[str, str, str]] = {}  # one per person and role: few, and not per document
    for row in _rows(store, MEMBERSHIPS):
        person, organisation = row["person"].value, row["organisation"].value
        if is_node(person) and is_node(organisation):
            role = row["roleLabel"].value if row["roleLabel"] is not None else ""
            current = memberships.get(row["membership"].value)
            if current is None or (person, organisation, role) < current:
                memberships[row["membership"].value] = (person, organisation, role)
    for membership, (person, organisation, role) in memberships.items():
        yield (person, organisation, membership), ("membership", {
            "kind": "membership", "label": role or "member", "role": role, "predicate": "org:Membership"})
    for row in _rows(store, MENTIONS):
        document, entity = row["document"].value, row["entity"].value
        if is_node(document) and is_node(entity):
            sentence = sentence_key(row["sentence"].value) if row["sentence"] is not None else None
            yield (document, entity, MENTIONS_KEY), ("mention", row["mention"].value, sentence)


def _actions(store: ox.Store, scratch: Path, run_rows: int | None) -> Iterator[tuple[str, dict[str, str], list[str], list[str]]]:
    """Each action once, with its attributes and its agents and objects (an action's
    rows are many when it has several verbs, classes or graphs)."""
    fields = ("agent", "object", "verb", "class", "graph")
    rows = (tuple(None if row[name] is None else row[name].value for name in ("action", *fields))
            for row in _rows(store, ACTIONS))
    for action, group in groupby(_spooled(rows, itemgetter(0), scratch, run_rows), key=itemgetter(0)):
        entry: dict[str, set[str]] = {name: set() for name in fields}
        for row in group:
            for name, value in zip(fields, row[1:]):
                if value is not None:
                    entry[name].add(value)
        verb = min(entry["verb"], default="")
        attributes = {"kind": "action", "label": verb or local_name(min(entry["class"], default=action)),
                      "action": verb, "action_class": SEPARATOR.join(sorted(entry["class"])),
                      "graph": SEPARATOR.join(sorted(entry["graph"])), "predicate": "kg:Action"}
        yield action, attributes, sorted(entry["agent"]), sorted(entry["object"])


def _merged_edges(rows: Iterator[tuple[tuple[str, str, str], tuple]]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """One edge per (source, target, key): a link's or an action's attributes, and on
    ``kg:mentions`` edges the count of distinct mentions and their sentence keys."""
    for (source, target, key), group in groupby(rows, key=itemgetter(0)):
        attributes: dict[str, Any] | None = None
        mentions: set[tuple[str, str | None]] = set()
        for _, payload in group:
            if payload[0] == "mention":
                mentions.add(payload[1:])
            elif attributes is None:
                attributes = ({"kind": "relation", "label": local_name(payload[1]), "predicate": payload[1]}
                              if payload[0] == "link" else dict(payload[1]))
        if mentions:
            attributes = attributes or {"kind": "relation", "label": "mentions", "predicate": MENTIONS_PREDICATE}
            attributes.update(mentions=len(mentions),
                              sentences=" ".join(sorted({s for _, s in mentions if s is not None})))
        yield source, target, key, attributes


def to_networkx(source: Any) -> nx.MultiDiGraph:
    """The typed network of ``source`` (see the module docstring) as a networkx graph."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="kamerkg")
    with tempfile.TemporaryDirectory(prefix="kamerkg-network-") as scratch:
        stream = stream_network(source, Path(scratch))
        for iri, attributes in stream.nodes:
            graph.add_node(iri, **attributes)
        for source_iri, target, key, attributes in stream.edges:
            graph.add_edge(source_iri, target, key=key, **attributes)
    return graph
