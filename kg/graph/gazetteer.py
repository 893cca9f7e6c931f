"""The gazetteers in ``ontology/`` (Turtle, SKOS labels) as plain frozen data.

This is the only module that parses the gazetteer Turtle, so that the
extraction stage (``kg/extract``) never needs rdflib: it gets tuples of
:class:`GazetteerEntry`. Results are cached per path; the files are read once
per process.

Files: ``actors.ttl`` and ``municipalities.ttl`` (organisations),
``measures.ttl`` (the measure scheme). Keys are the entity IRI relative to
``https://w3id.org/kamerkg/id/`` (``org/nctv``, ``measure/paspoortmaatregel``),
the keys resolution groups by and ``kg.graph.iris.entity`` turns back into IRIs.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.paths import ontology_dir

log = logging.getLogger(__name__)

ID_BASE = "https://w3id.org/kamerkg/id/"
KG = "https://w3id.org/kamerkg/def#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"
ACTOR_FILES = ("actors.ttl", "municipalities.ttl")
MEASURE_FILES = ("measures.ttl",)


class GazetteerError(Exception):
    """A gazetteer file is missing or not valid Turtle (the message names the file)."""


@dataclass(frozen=True)
class DatedName:
    """A name an organisation bore for a while (ISO dates, None = open)."""

    label: str
    valid_from: str | None = None
    valid_until: str | None = None


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor or measure of a gazetteer.

    ``labels`` holds every form matched case-insensitively (prefLabel first),
    ``exact_labels`` the forms matched only with their capitals, and
    ``short_labels`` forms matched only where the entry is also named in full.
    """

    key: str
    iri: str
    label: str
    kind: str | None = None
    labels: tuple[str, ...] = ()
    exact_labels: tuple[str, ...] = ()
    short_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    names: tuple[DatedName, ...] = ()
    context: str | None = None
    case_sensitive: bool = False
    year_suffix: bool = False
    group: bool = False

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every written form but the preferred label."""
        forms = [*self.labels, *self.exact_labels, *self.short_labels, *(n.label for n in self.names)]
        return tuple(dict.fromkeys(f for f in forms if f != self.label))


def key_of(iri: str) -> str:
    """'https://w3id.org/kamerkg/id/org/nctv' -> 'org/nctv'."""
    return iri[len(ID_BASE):] if iri.startswith(ID_BASE) else iri


def _parse(paths: tuple[Path, ...]):
    from rdflib import Graph  # lazy: only kg/graph knows RDF

    graph = Graph()
    for path in paths:
        if not path.is_file():
            raise GazetteerError(f"{path}: gazetteer file not found")
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many types; report the file once
            raise GazetteerError(f"{path}: not valid Turtle: {error}") from error
    return graph


def _load(paths: tuple[Path, ...]) -> tuple[GazetteerEntry, ...]:
    from rdflib import RDF, Literal, URIRef

    graph = _parse(paths)
    skos = lambda name: URIRef(SKOS + name)  # noqa: E731
    kg = lambda name: URIRef(KG + name)  # noqa: E731

    def texts(subject, predicate) -> list[str]:
        return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))

    def one(subject, predicate) -> str | None:
        values = texts(subject, predicate)
        return values[0] if values else None

    def flag(subject, predicate) -> bool:
        return any(o.toPython() is True for o in graph.objects(subject, predicate) if isinstance(o, Literal))

    entries = []
    groups = set(graph.subjects(RDF.type, kg("MeasureGroup")))
    for subject in sorted(set(graph.subjects(skos("prefLabel"), None))):
        if not isinstance(subject, URIRef) or not str(subject).startswith(ID_BASE):
            continue
        pref = one(subject, skos("prefLabel"))
        names = []
        for node in sorted(graph.objects(subject, URIRef(SKOSXL + "altLabel"))):
            form = one(node, URIRef(SKOSXL + "literalForm"))
            if form:
                names.append(DatedName(form, one(node, kg("validFrom")), one(node, kg("validUntil"))))
        labels = [pref, *texts(subject, skos("altLabel")), *texts(subject, skos("hiddenLabel"))]
        labels += [n.label for n in names if "(" not in n.label]
        entries.append(GazetteerEntry(
            key=key_of(str(subject)), iri=str(subject), label=pref, kind=one(subject, kg("kind")),
            labels=tuple(dict.fromkeys(labels)),
            exact_labels=tuple(texts(subject, kg("exactLabel"))),
            short_labels=tuple(texts(subject, kg("shortLabel"))),
            broader=tuple(sorted(key_of(str(o)) for o in graph.objects(subject, skos("broader")))),
            names=tuple(names), context=one(subject, kg("matchContext")),
            case_sensitive=flag(subject, kg("caseSensitive")), year_suffix=flag(subject, kg("yearSuffix")),
            group=subject in groups,
        ))
    log.info("gazetteer: %d entries from %s", len(entries), ", ".join(p.name for p in paths))
    return tuple(entries)


@lru_cache(maxsize=8)
def _cached(paths: tuple[Path, ...]) -> tuple[GazetteerEntry, ...]:
    return _load(paths)


def _paths(path: str | Path | None, default: tuple[str, ...]) -> tuple[Path, ...]:
    if path is None:
        return tuple((ontology_dir() / name).resolve() for name in default)
    return (Path(path).resolve(),)


def load_actors(path: str | Path | None = None) -> tuple[GazetteerEntry, ...]:
    """The organisations (actors.ttl + municipalities.ttl, or one given file)."""
    return _cached(_paths(path, ACTOR_FILES))


def load_measures(path: str | Path | None = None) -> tuple[GazetteerEntry, ...]:
    """The measure scheme (measures.ttl or a given file), groups included (``group=True``)."""
    return _cached(_paths(path, MEASURE_FILES))


def ancestors(entries: tuple[GazetteerEntry, ...]) -> dict[str, tuple[str, ...]]:
    """Each key's broader keys, transitively, nearest first (for span extras)."""
    by_key = {e.key: e for e in entries}
    result: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        seen: dict[str, None] = {}
        frontier = list(entry.broader)
        while frontier:
            key = frontier.pop(0)
            if key in seen or key == entry.key:
                continue
            seen[key] = None
            frontier.extend(by_key[key].broader if key in by_key else ())
        result[entry.key] = tuple(seen)
    return result


ALIAS_FILE = "aliases.ttl"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


@dataclass(frozen=True)
class Aliases:
    """User-editable alias data (``ontology/aliases.ttl``) as plain pairs.

    ``same_as``: (key, canonical key) from ``owl:sameAs`` (subject -> object);
    ``labels``: (key, written form) from the skos:prefLabel/altLabel/hiddenLabel
    of the file's concepts: a mention written that way gets that key.
    """

    same_as: tuple[tuple[str, str], ...] = ()
    labels: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=8)
def _load_aliases(path: Path, required: bool) -> Aliases:
    from rdflib import Literal, URIRef

    if not path.is_file() and not required:
        log.info("aliases: %s not found; no aliases", path)
        return Aliases()
    graph = _parse((path,))
    same_as = sorted((key_of(str(s)), key_of(str(o))) for s, o in graph.subject_objects(URIRef(OWL_SAME_AS))
                     if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o)
    labels = sorted({(key_of(str(s)), str(o))
                     for name in ("prefLabel", "altLabel", "hiddenLabel")
                     for s, o in graph.subject_objects(URIRef(SKOS + name))
                     if isinstance(s, URIRef) and str(s).startswith(ID_BASE) and isinstance(o, Literal)})
    log.info("aliases: %d sameAs, %d labels from %s", len(same_as), len(labels), path.name)
    return Aliases(tuple(same_as), tuple(labels))


def load_aliases(path: str | Path | None = None) -> Aliases:
    """The alias data resolution applies (``ontology/aliases.ttl``, or a given file).

    The default file is optional (no file, no aliases); a given path must exist."""
    if path is None:
        return _load_aliases((ontology_dir() / ALIAS_FILE).resolve(), False)
    return _load_aliases(Path(path).resolve(), True)
