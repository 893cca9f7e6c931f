"""Rankings, communities and trends of a build, all read from :func:`to_networkx`.

Every figure comes from the one typed network (``kg.analytics.network``), so
``kamerkg stats``, the notebooks and the GraphML export see the same graph.

The *who-did-what graph* (:func:`who_did_what`) keeps the resolved entities
(organisations, persons, measures, motions; no documents) and the edges that
say an actor did something or belongs somewhere:

* ``kg:Action`` edges, agent -> object (one per action, so an actor that did
  three things to a measure has three edges);
* W3C ORG memberships and ``kg:party``, person -> organisation/party;
* ``kg:submitter``, turned round to person -> motion (the person did it).

Mentions are left out on purpose: a document naming an actor is not the
actor doing anything, and mention counts would drown the few actions. They
are measured on their own instead: the co-mention pairs and the timeline.

Centrality is computed on the undirected weighted projection (weight = the
number of parallel edges), because the edge directions mean different things
(did-to, member-of, submitted):

* ``degree``: weighted degree, i.e. how many actions and ties touch the node;
* ``betweenness``: ``networkx.betweenness_centrality`` (normalised, unweighted
  shortest paths), how often the node brokers between two others;
* ``pagerank``: ``networkx.pagerank`` with alpha 0.85 over the weights.

Communities are ``networkx.community.louvain_communities(seed=42)`` on the
same projection, nodes without edges left out, so they are stable run to run.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

log = logging.getLogger(__name__)

ACTOR_TYPES = ("Organization", "Person")
ENTITY_TYPES = ("Organization", "Person", "Measure", "Motion")
MEMBER_PREDICATES = {"kg:party"}
REVERSED_PREDICATES = {"kg:submitter"}  # motion -> person in RDF; person -> motion here
SEED = 42


def who_did_what(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The actor network (see the module docstring) of a :func:`to_networkx` graph."""
    result = nx.MultiDiGraph(name="who did what")
    for node, data in graph.nodes(data=True):
        if data.get("type") in ENTITY_TYPES:
            result.add_node(node, **data)
    for u, v, key, data in graph.edges(keys=True, data=True):
        kind = data.get("kind")
        if kind == "relation" and key in REVERSED_PREDICATES:
            u, v = v, u
        elif not (kind in ("action", "membership") or key in MEMBER_PREDICATES):
            continue
        if u in result and v in result:
            result.add_edge(u, v, key=key, **data)
    return result


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected projection; ``weight`` counts the parallel edges, self-loops dropped."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v in graph.edges():
        if u != v:
            weight = simple[u][v]["weight"] + 1 if simple.has_edge(u, v) else 1
            simple.add_edge(u, v, weight=weight)
    return simple


@dataclass
class Centrality:
    iri: str
    label: str
    type: str
    degree: int
    betweenness: float
    pagerank: float


def centrality(graph: nx.MultiDiGraph, types: tuple[str, ...] = ACTOR_TYPES) -> list[Centrality]:
    """Degree, betweenness and PageRank of the ``types`` nodes of a who-did-what graph, best first."""
    simple = undirected(graph)
    if simple.number_of_nodes() == 0:
        return []
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    pagerank = nx.pagerank(simple, alpha=0.85, weight="weight") if simple.number_of_edges() else {
        n: 1 / simple.number_of_nodes() for n in simple}
    rows = [Centrality(n, d.get("label", n), d.get("type", ""), int(simple.degree(n, weight="weight")),
                       round(betweenness[n], 6), round(pagerank[n], 6))
            for n, d in simple.nodes(data=True) if d.get("type") in types]
    return sorted(rows, key=lambda r: (-r.pagerank, -r.degree, -r.betweenness, r.label, r.iri))


def communities(graph: nx.MultiDiGraph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities (node IRIs) of the connected part, largest first, members by label."""
    simple = undirected(graph)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if simple.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    label = lambda n: (str(simple.nodes[n].get("label", n)), n)  # noqa: E731
    groups = [sorted(group, key=label) for group in found]
    return sorted(groups, key=lambda g: (-len(g), label(g[0])))


def _actors(graph: nx.MultiDiGraph) -> set[str]:
    return {n for n, d in graph.nodes(data=True) if d.get("type") in ACTOR_TYPES}


def _mention_edges(graph: nx.MultiDiGraph):
    """(document, entity, data) of every kg:mentions edge."""
    for u, v, key, data in graph.edges(keys=True, data=True):
        if key == "kg:mentions":
            yield u, v, data


@dataclass
class Pair:
    a: str
    b: str
    sentences: int
    documents: int


def co_mentions(graph: nx.MultiDiGraph) -> list[Pair]:
    """Pairs of actors named in the same sentence (and in the same document), strongest first.

    ``sentences`` counts the sentences (document + sentence key) naming both,
    ``documents`` the documents naming both anywhere; pairs sharing only a
    document are kept with ``sentences`` = 0.
    """
    actors = _actors(graph)
    in_sentence: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_document: dict[str, set[str]] = defaultdict(set)
    for document, entity, data in _mention_edges(graph):
        if entity not in actors:
            continue
        in_document[document].add(entity)
        for key in str(data.get("sentences", "")).split():
            in_sentence[(document, key)].add(entity)
    sentences: Counter[tuple[str, str]] = Counter()
    for members in in_sentence.values():
        sentences.update(combinations(sorted(members), 2))
    documents: Counter[tuple[str, str]] = Counter()
    for members in in_document.values():
        documents.update(combinations(sorted(members), 2))
    pairs = [Pair(a, b, sentences[(a, b)], count) for (a, b), count in documents.items()]
    label = lambda n: graph.nodes[n].get("label", n)  # noqa: E731
    return sorted(pairs, key=lambda p: (-p.sentences, -p.documents, label(p.a), label(p.b)))


@dataclass
class Cited:
    iri: str
    identifier: str
    title: str
    cited_by: int
    citing: list[str] = field(default_factory=list)


def most_cited(graph: nx.MultiDiGraph) -> list[Cited]:
    """Documents by the number of distinct documents citing them (``dcterms:references``)."""
    citing: dict[str, set[str]] = defaultdict(set)
    for u, v, key in graph.edges(keys=True):
        if key == "dcterms:references" and u != v:
            citing[v].add(u)
    ident = lambda n: graph.nodes[n].get("identifier") or graph.nodes[n].get("label", n)  # noqa: E731
    rows = [Cited(n, ident(n), graph.nodes[n].get("title", ""), len(s), sorted(ident(c) for c in s))
            for n, s in citing.items()]
    return sorted(rows, key=lambda r: (-r.cited_by, r.identifier))


def timeline(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Mentions per actor per year: ``{actor IRI: {year: mentions}}`` from documents' ``kg:year``.

    Counts ``kg:Mention`` annotations (the ``mentions`` edge attribute, 1 when
    absent); documents without a year are left out.
    """
    actors = _actors(graph)
    result: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for document, entity, data in _mention_edges(graph):
        year = str(graph.nodes[document].get("year", "")).split(";")[0].strip()
        if entity in actors and year:
            result[entity][year] += int(data.get("mentions", 1))
    return {a: dict(sorted(years.items())) for a, years in sorted(result.items())}


@dataclass
class MeasureRow:
    iri: str
    label: str
    measures: int
    actions: int
    names: list[str]


def measures_per_actor(graph: nx.MultiDiGraph) -> list[MeasureRow]:
    """Per actor, the distinct measures it acted on (``kg:Action`` agent -> measure), most first."""
    actors = _actors(graph)
    actions: dict[str, Counter[str]] = defaultdict(Counter)
    for u, v, data in graph.edges(data=True):
        if data.get("kind") == "action" and u in actors and graph.nodes[v].get("type") == "Measure":
            actions[u][v] += 1
    label = lambda n: str(graph.nodes[n].get("label", n))  # noqa: E731
    rows = [MeasureRow(a, label(a), len(c), sum(c.values()), sorted(label(m) for m in c))
            for a, c in actions.items()]
    return sorted(rows, key=lambda r: (-r.measures, -r.actions, r.label))


def compute(graph: nx.MultiDiGraph, top: int | None = None) -> dict[str, Any]:
    """Every statistic of a :func:`to_networkx` graph as plain data (labels resolved), ``top`` rows each."""
    label = lambda n: str(graph.nodes[n].get("label", n)) if n in graph else n  # noqa: E731
    cut = (lambda rows: rows[:top]) if top else (lambda rows: rows)
    network = who_did_what(graph)
    times = timeline(graph)
    totals = sorted(times, key=lambda a: (-sum(times[a].values()), label(a)))
    result = {
        "graph": {"nodes": network.number_of_nodes(), "edges": network.number_of_edges(),
                  "actions": sum(1 for *_, d in network.edges(data=True) if d.get("kind") == "action")},
        "centrality": [asdict(r) for r in cut(centrality(network))],
        "communities": [{"community": i + 1, "size": len(g), "members": [label(n) for n in g]}
                        for i, g in enumerate(cut(communities(network)))],
        "co_mentions": [{"a": label(p.a), "b": label(p.b), "sentences": p.sentences, "documents": p.documents}
                        for p in cut(co_mentions(graph))],
        "most_cited": [asdict(r) for r in cut(most_cited(graph))],
        "timeline": [{"actor": label(a), "iri": a, "year": y, "mentions": n}
                     for a in cut(totals) for y, n in times[a].items()],
        "measures": [asdict(r) for r in cut(measures_per_actor(graph))],
    }
    log.info("stats: %s", result["graph"])
    return result
