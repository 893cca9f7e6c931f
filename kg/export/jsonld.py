"""kg.jsonld: the dataset as JSON-LD, one named graph per document, plus context.jsonld.

The published context (``ontology/context.jsonld``, copied to
OUT/context.jsonld) maps kamerkg's prefixes; kg.jsonld carries the same
mapping inline rather than as a URL because JSON-LD readers without a
document loader (pyoxigraph, offline tools) cannot fetch a remote context,
and a relative reference only resolves for readers that know the file's
location. Both come from the one file, so they cannot drift apart.

We write the JSON ourselves from the sorted quads (a flattened form: nodes
sorted by IRI, properties by name, values by their N-Triples text) so the
file is byte-identical for the same input, which no generic JSON-LD
serialiser promises.
"""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.paths import ontology_dir

CONTEXT_FILE = "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def context_path() -> Path:
    return ontology_dir() / CONTEXT_FILE


def load_context() -> dict[str, str]:
    """The prefix mapping of the published context."""
    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


class Compactor:
    """IRI -> prefix:name with the context's prefixes (longest namespace first)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(((ns, prefix) for prefix, ns in prefixes.items()), key=lambda p: -len(p[0]))

    def __call__(self, iri: str) -> str:
        for namespace, prefix in self.prefixes:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def _value(term: Any, compact: Compactor) -> Any:
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value}
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if datatype == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(datatype)}
    raise ValueError(f"kg.jsonld: no blank nodes or triple terms allowed, got {term}")


def _nodes(quads: list[ox.Quad], compact: Compactor) -> list[dict[str, Any]]:
    """Node objects of one graph, in a stable order."""
    by_subject: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        if not isinstance(quad.subject, ox.NamedNode):
            raise ValueError(f"kg.jsonld: no blank nodes allowed, got subject {quad.subject}")
        node = by_subject[quad.subject.value]
        if quad.predicate.value == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node["@type"].append((str(quad.object), compact(quad.object.value)))
        else:
            node[compact(quad.predicate.value)].append((str(quad.object), _value(quad.object, compact)))
    nodes = []
    for subject in sorted(by_subject):
        node: dict[str, Any] = {"@id": subject}
        properties = by_subject[subject]
        for key in sorted(properties, key=lambda k: (k != "@type", k)):
            values = [value for _, value in sorted(dict(properties[key]).items())]
            node[key] = values
        nodes.append(node)
    return nodes


def to_jsonld(quads: list[ox.Quad], context: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON-LD document of a dataset: default-graph nodes, then one entry per named graph."""
    context = context if context is not None else load_context()
    compact = Compactor(context)
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    default: list[ox.Quad] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad)
        elif isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(quad)
        else:
            raise ValueError(f"kg.jsonld: no blank graph names allowed, got {quad.graph_name}")
    entries: list[dict[str, Any]] = _nodes(default, compact)
    entries += [{"@id": name, "@graph": _nodes(graphs[name], compact)} for name in sorted(graphs)]
    return {"@context": context, "@graph": entries}


def write_jsonld(quads: list[ox.Quad], path: Path) -> None:
    """kg.jsonld and, beside it, the published context.jsonld."""
    document = to_jsonld(quads)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(context_path(), path.with_name(CONTEXT_FILE))
