"""kg.jsonld: the dataset as JSON-LD, one named graph per document, plus context.jsonld.

The published context (``ontology/context.jsonld``, copied to
OUT/context.jsonld) maps kamerkg's prefixes; kg.jsonld carries the same
mapping inline rather than as a URL because JSON-LD readers without a
document loader (pyoxigraph, offline tools) cannot fetch a remote context,
and a relative reference only resolves for readers that know the file's
location. Both come from the one file, so they cannot drift apart.

We write the JSON ourselves from the sorted kg.nq (a flattened form: one
entry per named graph in kg.nq's order, nodes sorted by IRI, properties by
name, values by their N-Triples text) so the file is byte-identical for the
same input, which no generic JSON-LD serialiser promises. It is written graph
by graph, so memory holds one graph at a time, with one line per graph entry:
Python's JSON encoder is C code only without indentation, and a line per
document still diffs well. Since graphs are independent, two processes can
write the entries of two halves of kg.nq and the halves be put together
(``write_jsonld_entries``, ``assemble_jsonld``).
"""
from __future__ import annotations

import io
import json
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.paths import ontology_dir

CONTEXT_FILE = "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
ENTRY_SEPARATOR = ",\n  "


def context_path() -> Path:
    return ontology_dir() / CONTEXT_FILE


def load_context() -> dict[str, str]:
    """The prefix mapping of the published context."""
    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


class Compactor:
    """IRI -> prefix:name with the context's prefixes (longest namespace first)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(((ns, prefix) for prefix, ns in prefixes.items()), key=lambda p: -len(p[0]))
        self._seen: dict[str, str] = {}  # predicates, types and datatypes repeat on every node

    def __call__(self, iri: str) -> str:
        compacted = self._seen.get(iri)
        if compacted is None:
            compacted = self._seen[iri] = self._compact(iri)
        return compacted

    def _compact(self, iri: str) -> str:
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


def _node(subject: Any, quads: Iterable[ox.Quad], compact: Compactor) -> dict[str, Any]:
    """The node object of one subject from its quads.

    The quads come from one graph of the sorted, distinct lines of kg.nq, so the
    values of one predicate arrive together and already ordered by their
    N-Triples text: kept as they come, neither sorted nor deduplicated again."""
    if not isinstance(subject, ox.NamedNode):
        raise ValueError(f"kg.jsonld: no blank nodes allowed, got subject {subject}")
    properties: dict[str, list] = defaultdict(list)
    for quad in quads:
        if quad.predicate.value == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            properties["@type"].append(compact(quad.object.value))
        else:
            properties[compact(quad.predicate.value)].append(_value(quad.object, compact))
    node: dict[str, Any] = {"@id": subject.value}
    for key in sorted(properties, key=lambda k: (k != "@type", k)):
        node[key] = properties[key]
    return node


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Slice(io.RawIOBase):
    """Bytes [start, stop) of a binary file, for a parser that reads to the end."""

    def __init__(self, handle: BinaryIO, start: int, stop: int | None) -> None:
        super().__init__()
        handle.seek(start)
        self._handle = handle
        self._left = None if stop is None else stop - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        size = len(buffer) if self._left is None else min(len(buffer), self._left)
        data = self._handle.read(size)
        buffer[:len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)


def _entry_chunks(nquads: Path, start: int, stop: int | None, compact: Compactor) -> Iterator[str]:
    """The ``@graph`` entries of the graphs in bytes [start, stop) of the sorted kg.nq, as
    JSON text in pieces, each entry after ENTRY_SEPARATOR.

    Named graphs become ``{"@id": graph, "@graph": [nodes]}`` entries; default-graph
    nodes (kamerkg writes none) stand at the top level where they come. Nodes
    are written one subject at a time, in kg.nq's order: a graph is never held
    whole (the graph of shared statements grows with the corpus). A subject's
    lines are together in kg.nq, since they all begin with its ``<iri>``."""
    with nquads.open("rb") as source:
        quads = ox.parse(_Slice(source, start, stop), format=ox.RdfFormat.N_QUADS)
        for graph, in_graph in groupby(quads, key=lambda quad: quad.graph_name):
            named = isinstance(graph, ox.NamedNode)
            if not named and not isinstance(graph, ox.DefaultGraph):
                raise ValueError(f"kg.jsonld: no blank graph names allowed, got {graph}")
            if named:
                yield ENTRY_SEPARATOR + '{"@id": ' + _dumps(graph.value) + ', "@graph": ['
            for number, (subject, subject_quads) in enumerate(groupby(in_graph, key=lambda quad: quad.subject)):
                node = _dumps(_node(subject, subject_quads, compact))
                yield ((", " if number else "") + node) if named else (ENTRY_SEPARATOR + node)
            if named:
                yield "]}"


def _write_document(path: Path, context: dict[str, str], chunks: Iterable[str]) -> None:
    """kg.jsonld around ``chunks`` of entry text, each entry after ENTRY_SEPARATOR (the
    first entry's loses its comma), and beside it the published context.jsonld."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"@context": ' + _dumps(context) + ',\n "@graph": [')
        first = True
        for chunk in chunks:
            if first and chunk:
                chunk, first = chunk[1:], False
            out.write(chunk)
        out.write("]}\n" if first else "\n ]}\n")
    shutil.copyfile(context_path(), path.with_name(CONTEXT_FILE))


def write_jsonld(nquads: Path, path: Path, context: dict[str, str] | None = None) -> None:
    """kg.jsonld from the sorted N-Quads file, and beside it the published context.jsonld."""
    context = context if context is not None else load_context()
    _write_document(path, context, _entry_chunks(nquads, 0, None, Compactor(context)))


def write_jsonld_entries(nquads: Path, out: Path, start: int = 0, stop: int | None = None,
                         context: dict[str, str] | None = None) -> None:
    """The entries of the graphs in bytes [start, stop) of the sorted kg.nq (cut between
    graphs), each after ENTRY_SEPARATOR: a part of kg.jsonld, which two processes can
    write side by side (see :func:`assemble_jsonld`)."""
    compact = Compactor(context if context is not None else load_context())
    with out.open("w", encoding="utf-8", newline="\n") as entries_out:
        entries_out.writelines(_entry_chunks(nquads, start, stop, compact))


def _read_parts(parts: list[Path]) -> Iterator[str]:
    """The parts' text in blocks, each part removed once read."""
    for part in parts:
        with part.open(encoding="utf-8", newline="\n") as handle:
            while block := handle.read(1 << 20):
                yield block
        part.unlink()


def assemble_jsonld(path: Path, parts: list[Path], context: dict[str, str] | None = None) -> None:
    """kg.jsonld from its parts in order (each removed), and beside it the published context.jsonld."""
    _write_document(path, context if context is not None else load_context(), _read_parts(parts))
