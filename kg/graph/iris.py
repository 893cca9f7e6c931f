"""Every IRI kamerkg writes is minted here.

IRIs are readable and stable: the same input always gives the same IRIs
(no counters, no blank nodes), so builds are byte-identical and links into
the graph keep working between releases. The base is configurable
(``KAMERKG_BASE`` or :func:`set_base`).
"""
from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/kamerkg/"
_base = os.environ.get("KAMERKG_BASE", DEFAULT_BASE)

OFFICIAL_PREFIX = "https://zoek.officielebekendmakingen.nl/"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def set_base(base: str) -> None:
    """Use another base for every IRI minted afterwards."""
    global _base
    _base = base if base.endswith(("/", "#")) else base + "/"


def base() -> str:
    return _base


def slug(text: str) -> str:
    """A lower-case ASCII slug: 'Yeşilgöz-Zegerius' -> 'yesilgoz-zegerius'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-") or "x"


def _segment(text: str) -> str:
    """Percent-encode anything outside the unreserved set, so any id is a valid IRI part."""
    return quote(text, safe="-._~")


def entity(key: str) -> URIRef:
    """An entity by its resolution key, e.g. 'org/aivd' -> <base>id/org/aivd."""
    kind, _, name = key.partition("/")
    return URIRef(f"{_base}id/{_segment(kind)}/{_segment(name)}")


def document(doc_id: str) -> URIRef:
    return URIRef(f"{_base}id/doc/{_segment(doc_id)}")


def official_page(doc_id: str) -> URIRef:
    """The document's page on officielebekendmakingen.nl."""
    return URIRef(OFFICIAL_PREFIX + _segment(doc_id))


def document_graph(doc_id: str) -> URIRef:
    """The named graph holding what one document says."""
    return URIRef(f"{_base}graph/{_segment(doc_id)}")


def entities_graph() -> URIRef:
    """The named graph describing the resolved entities (labels, types, kinds)."""
    return URIRef(f"{_base}graph/entities")


def span(doc_id: str, what: str, start: int, end: int, key: str = "") -> URIRef:
    """A fact read from a span of a document: a mention, citation, motion reference or action."""
    suffix = f"-{slug(key)}" if key else ""
    return URIRef(f"{document(doc_id)}/{what}/{start}-{end}{suffix}")


def question(doc_id: str, kind: str, number: str) -> URIRef:
    """A written question or its answer ('question' / 'answer') by its number in the document."""
    return URIRef(f"{document(doc_id)}/{_segment(kind)}/{_segment(number)}")


def target(annotation: URIRef) -> URIRef:
    """The oa:SpecificResource (document + selectors) an annotation points at."""
    return URIRef(f"{annotation}/target")


def selector(annotation: URIRef, kind: str) -> URIRef:
    return URIRef(f"{annotation}/{kind}")


def extraction(doc_id: str) -> URIRef:
    """The PROV activity that extracted a document."""
    return URIRef(f"{document(doc_id)}/extraction")


def dataset() -> URIRef:
    return URIRef(f"{_base}dataset")


def role(role_text: str) -> URIRef:
    """An org:Role such as 'Tweede Kamerlid' or 'partijlid'."""
    return URIRef(f"{_base}id/role/{slug(role_text)}")


def membership(person_key: str, role_text: str, organization: str = "") -> URIRef:
    """A person's spell in a role (W3C ORG membership), stable per person, role and organisation."""
    suffix = f"-{slug(organization)}" if organization else ""
    return URIRef(f"{entity(person_key)}/membership/{slug(role_text)}{suffix}")


def interval(node: URIRef) -> URIRef:
    return URIRef(f"{node}/during")


def instant(node: URIRef, which: str) -> URIRef:
    return URIRef(f"{node}/{which}")


def action_class(name: str) -> URIRef:
    return URIRef(f"{_base}id/action/{slug(name)}")
