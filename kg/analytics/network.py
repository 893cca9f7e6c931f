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
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

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
NODE_LITERALS = f"""SELECT DISTINCT ?node ?p ?o WHERE {{
  VALUES ?class {{ {_VALUES} }} ?node a ?class . ?node ?p ?o . FILTER(isLiteral(?o)) }}"""
LINKS = f"""SELECT DISTINCT ?s ?p ?o WHERE {{
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
SELECT DISTINCT ?mention ?document ?entity ?sentence WHERE {
  ?mention a kg:Mention ; oa:hasBody ?entity ; oa:hasTarget/oa:hasSource ?document .
  OPTIONAL { ?mention kg:sentence ?sentence }
}"""
MENTIONS_KEY = "kg:mentions"


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


def to_networkx(source: Any) -> nx.MultiDiGraph:
    """The typed network of documents and entities in ``source`` (see the module docstring)."""
    store = _store(source)
    types: dict[str, str] = {}
    for row in _rows(store, NODES):
        node, cls = row["node"], row["class"].value
        if not isinstance(node, ox.NamedNode):
            continue
        current = types.get(node.value)
        if current is None or PRIORITY[cls] < PRIORITY[current]:
            types[node.value] = cls
    literals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _rows(store, NODE_LITERALS):
        if row["node"].value in types:
            literals[row["node"].value][row["p"].value].add(row["o"].value)

    graph = nx.MultiDiGraph(name="kamerkg")
    for iri in sorted(types):
        values = literals.get(iri, {})
        attributes = {local_name(p): SEPARATOR.join(sorted(v)) for p, v in sorted(values.items())}
        label = next((min(values[p]) for p in LABELS if values.get(p)), local_name(iri))
        attributes.update(type=NODE_TYPES[types[iri]], label=label, iri=iri)
        graph.add_node(iri, **dict(sorted(attributes.items())))

    links = sorted((r["s"].value, r["p"].value, r["o"].value) for r in _rows(store, LINKS)
                   if isinstance(r["s"], ox.NamedNode) and isinstance(r["o"], ox.NamedNode))
    for s, p, o in links:
        graph.add_edge(s, o, key=compact(p), kind="relation", label=local_name(p), predicate=p)

    actions: dict[str, dict[str, Any]] = {}
    for row in _rows(store, ACTIONS):
        entry = actions.setdefault(row["action"].value, {"agent": set(), "object": set(), "verb": set(),
                                                         "class": set(), "graph": set()})
        for name in entry:
            if row[name] is not None:
                entry[name].add(row[name].value)
    for action in sorted(actions):
        entry = actions[action]
        verb = min(entry["verb"], default="")
        attributes = {"kind": "action", "label": verb or local_name(min(entry["class"], default=action)),
                      "action": verb, "action_class": SEPARATOR.join(sorted(entry["class"])),
                      "graph": SEPARATOR.join(sorted(entry["graph"])), "predicate": "kg:Action"}
        for agent in sorted(entry["agent"]):
            for obj in sorted(entry["object"]):
                for end in (agent, obj):
                    if end not in graph:
                        graph.add_node(end, type="Other", label=local_name(end), iri=end)
                graph.add_edge(agent, obj, key=action, **attributes)
    _add_memberships(store, graph)
    _add_mention_counts(store, graph)
    return graph


def _add_memberships(store: ox.Store, graph: nx.MultiDiGraph) -> None:
    """Person -> organisation for each W3C ORG membership whose ends are nodes."""
    rows = {}
    for row in _rows(store, MEMBERSHIPS):
        person, organisation = row["person"].value, row["organisation"].value
        if person in graph and organisation in graph:
            role = row["roleLabel"].value if row["roleLabel"] is not None else ""
            current = rows.get(row["membership"].value)
            if current is None or (person, organisation, role) < current:
                rows[row["membership"].value] = (person, organisation, role)
    for membership in sorted(rows):
        person, organisation, role = rows[membership]
        graph.add_edge(person, organisation, key=membership, kind="membership", label=role or "member",
                       role=role, predicate="org:Membership")


def _add_mention_counts(store: ox.Store, graph: nx.MultiDiGraph) -> None:
    """``mentions`` and ``sentences`` on each document -> entity ``kg:mentions`` edge."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(store, MENTIONS):
        pair = (row["document"].value, row["entity"].value)
        if pair[0] not in graph or pair[1] not in graph:
            continue
        counts[pair] += 1
        if row["sentence"] is not None:
            sentences[pair].add(sentence_key(row["sentence"].value))
    for (document, entity), count in sorted(counts.items()):
        if not graph.has_edge(document, entity, key=MENTIONS_KEY):
            graph.add_edge(document, entity, key=MENTIONS_KEY, kind="relation", label="mentions",
                           predicate="https://w3id.org/kamerkg/def#mentions")
        graph.edges[document, entity, MENTIONS_KEY].update(
            mentions=count, sentences=" ".join(sorted(sentences[(document, entity)])))
