"""void.ttl: a VoID/DCAT description of the dataset, so catalogues and tools can find it.

Counts come from the store by SPARQL (triples, entities, documents, classes,
per-class partitions, per-document graphs); the sources are the
officielebekendmakingen.nl pages of the documents read. The source texts are
Dutch parliamentary papers, free of copyright under art. 11 Auteurswet, which
we mark with the Creative Commons Public Domain Mark on each source and say
in words on the dataset. The kamerkg version is given; no dates, so the file
is byte-identical for the same input. IRIs of the description's parts
(partitions, distributions) hang under ``kg.graph.iris.dataset()``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

import kg
from kg.graph import iris

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_TYPE_TERM = f"<{RDF_TYPE.value}>"  # as N-Triples writes it
OWL_VERSION = ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
PUBLIC_DOMAIN_MARK = ox.NamedNode("http://creativecommons.org/publicdomain/mark/1.0/")
KG = "https://w3id.org/kamerkg/def#"
ENTITY_CLASSES = ("http://www.w3.org/ns/org#Organization", "http://xmlns.com/foaf/0.1/Person",
                  f"{KG}Measure", f"{KG}Motion")
RIGHTS = {
    "en": "The source texts are Dutch parliamentary papers (Kamerstukken, Handelingen), which are free of "
          "copyright under article 11 of the Dutch Copyright Act (Auteurswet); they are marked with the "
          "Public Domain Mark. The knowledge graph was extracted from them automatically by kamerkg.",
    "nl": "De brondocumenten zijn Kamerstukken en Handelingen; daarop rust geen auteursrecht "
          "(artikel 11 Auteurswet). De kennisgraaf is er automatisch door kamerkg uit afgeleid.",
}
DISTRIBUTIONS = {  # file -> media type
    "kg.ttl": "text/turtle", "kg.nt": "application/n-triples", "kg.nq": "application/n-quads",
    "kg.trig": "application/trig", "kg.jsonld": "application/ld+json",
    "kg.graphml": "application/graphml+xml", "kg.gexf": "application/gexf+xml",
}
VOCABULARIES = ("https://w3id.org/kamerkg/def#", "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/",
                "http://www.w3.org/ns/org#", "http://www.w3.org/2004/02/skos/core#",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#")


def _count(store: ox.Store, query: str) -> int:
    result = store.query(query, use_default_graph_as_union=True)
    return int(next(iter(result))["n"].value)


def _number(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def ntriples_counts(path: Path) -> dict[str, object]:
    """Triples, distinct subjects, properties and objects, and subjects per class, of a sorted,
    duplicate-free N-Triples file (kg.nt), read line by line.

    The store's COUNT(DISTINCT ...) holds every distinct term it counts: every
    triple (~2 GB at 10M words), or every object (sentences and quotes: 100 MB
    more than the rest of a 10M-word --no-views build). Here the objects go
    through the external sort instead. Each (subject, class) ``rdf:type`` line is
    one distinct typed subject, since the lines are distinct."""
    from kg.export.sorted_lines import sorted_unique_lines

    counts = {"triples": 0, "subjects": 0}
    properties: set[str] = set()
    classes: dict[str, int] = defaultdict(int)

    def objects(lines: Iterable[str]) -> Iterator[str]:
        previous = None
        for line in lines:
            subject, predicate, rest = line.split(" ", 2)  # IRIs and blank node labels hold no space
            counts["triples"] += 1
            if subject != previous:
                counts["subjects"], previous = counts["subjects"] + 1, subject
            properties.add(predicate)
            term = rest[:-3] if rest.endswith(" .\n") else rest.rstrip("\n")[:-2]
            if predicate == RDF_TYPE_TERM and term.startswith("<"):
                classes[term[1:-1]] += 1
            yield term

    with path.open(encoding="utf-8") as lines:
        distinct_objects = sum(1 for _ in sorted_unique_lines(objects(lines), path.parent))
    return {**counts, "properties": len(properties), "objects": distinct_objects, "classes": dict(classes)}


def statistics(store: ox.Store, ntriples: Path | None = None) -> dict[str, object]:
    """Triple, entity, document and class counts of the union of all graphs; the counts of
    all triples, subjects, properties, objects and class partitions from ``ntriples`` (the
    sorted kg.nt of the same store) when given."""
    classes = " ".join(f"<{c}>" for c in ENTITY_CLASSES)
    if ntriples is None:
        partitions = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c",
                                 use_default_graph_as_union=True)
        counted = {
            "triples": _count(store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"),
            "subjects": _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"),
            "objects": _count(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"),
            "properties": _count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"),
            "classes": {row["c"].value: int(row["n"].value) for row in partitions},
        }
    else:
        counted = ntriples_counts(ntriples)
    stats: dict[str, object] = {
        "triples": counted["triples"],
        "entities": _count(store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) {{ VALUES ?c {{ {classes} }} ?e a ?c }}"),
        "documents": _count(store, f"SELECT (COUNT(DISTINCT ?d) AS ?n) {{ ?d a <{KG}Document> ; <{KG}inCorpus> true }}"),
        "subjects": counted["subjects"],
        "objects": counted["objects"],
        "properties": counted["properties"],
        "classes": counted["classes"],
    }
    sources = store.query(f"SELECT DISTINCT ?page {{ ?d <{KG}inCorpus> true ; "
                          "<http://xmlns.com/foaf/0.1/page> ?page }", use_default_graph_as_union=True)
    stats["sources"] = sorted(row["page"].value for row in sources)
    graphs = store.query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    stats["graphs"] = {row["g"].value: int(row["n"].value) for row in graphs}
    return stats


def void_triples(store: ox.Store, files: Collection[str] = frozenset(DISTRIBUTIONS),
                 ntriples: Path | None = None) -> list[ox.Triple]:
    """The dataset description as triples (IRIs and literals only); ``files`` are the downloads
    there are, ``ntriples`` the sorted kg.nt to count triples and subjects in."""
    stats = statistics(store, ntriples)
    dataset = _n(str(iris.dataset()))
    base = iris.base()
    out: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: str, o: object) -> None:
        out.append(ox.Triple(s, _n(p), o))

    add(dataset, RDF_TYPE.value, _n(f"{VOID}Dataset"))
    add(dataset, RDF_TYPE.value, _n(f"{DCAT}Dataset"))
    add(dataset, f"{DCTERMS}title", ox.Literal("kamerkg: Dutch counter-terrorism policy in parliamentary "
                                               "documents", language="en"))
    add(dataset, f"{DCTERMS}description", ox.Literal(
        "Who did what in Dutch counter-terrorism policy: the actors, persons, measures and motions named in "
        "Kamerstukken, the citations between the documents, and the text span each fact was read from.",
        language="en"))
    for lang, text in RIGHTS.items():
        add(dataset, f"{DCTERMS}rights", ox.Literal(text, language=lang))
    add(dataset, OWL_VERSION.value, ox.Literal(f"kamerkg {kg.__version__}"))
    add(dataset, f"{VOID}uriSpace", ox.Literal(f"{base}id/"))
    add(dataset, f"{VOID}triples", _number(stats["triples"]))
    add(dataset, f"{VOID}entities", _number(stats["entities"]))
    add(dataset, f"{VOID}documents", _number(stats["documents"]))
    add(dataset, f"{VOID}distinctSubjects", _number(stats["subjects"]))
    add(dataset, f"{VOID}distinctObjects", _number(stats["objects"]))
    add(dataset, f"{VOID}properties", _number(stats["properties"]))
    add(dataset, f"{VOID}classes", _number(len(stats["classes"])))
    for vocabulary in VOCABULARIES:
        add(dataset, f"{VOID}vocabulary", _n(vocabulary))
    for source in stats["sources"]:
        add(dataset, f"{DCTERMS}source", _n(source))
        add(_n(source), f"{DCTERMS}license", PUBLIC_DOMAIN_MARK)
    for cls, count in sorted(stats["classes"].items()):
        part = _n(f"{dataset.value}/class/{iris.slug(cls)}")
        add(dataset, f"{VOID}classPartition", part)
        add(part, f"{VOID}class", _n(cls))
        add(part, f"{VOID}entities", _number(count))
    for graph, count in sorted(stats["graphs"].items()):
        add(dataset, f"{VOID}subset", _n(graph))
        add(_n(graph), RDF_TYPE.value, _n(f"{VOID}Dataset"))
        add(_n(graph), f"{VOID}triples", _number(count))
    for name, media_type in DISTRIBUTIONS.items():
        if name not in files:
            continue
        dist = _n(f"{dataset.value}/distribution/{name.replace('.', '-')}")
        add(dataset, f"{DCAT}distribution", dist)
        add(dist, RDF_TYPE.value, _n(f"{DCAT}Distribution"))
        add(dist, f"{DCAT}mediaType", _n(f"https://www.iana.org/assignments/media-types/{media_type}"))
        add(dist, f"{DCAT}downloadURL", _n(f"{base}{name}"))
        add(dist, f"{DCTERMS}title", ox.Literal(name))
    if stats["triples"]:
        add(dataset, f"{VOID}dataDump", _n(f"{base}kg.nt"))
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_void(store: ox.Store, path: Path) -> None:
    """path (void.ttl) describing the files beside it (written last, once they are all there)."""
    prefixes = {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "owl": "http://www.w3.org/2002/07/owl#",
                "xsd": "http://www.w3.org/2001/XMLSchema#"}
    files = {name for name in DISTRIBUTIONS if (path.parent / name).exists()}
    ntriples = path.parent / "kg.nt"
    triples = void_triples(store, files, ntriples if ntriples.exists() else None)
    ox.serialize(triples, str(path), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
