"""A document's metadata.xml (officielebekendmakingen) as a plain dict.

The repository publishes, next to each document, what the publisher knows
about it: id, type, dates, dossier and number, vergaderjaar, title,
indieners and, for written questions, the question number (``vraagnummer``,
e.g. 2020Z10445) that the Tweede Kamer's Gegevensmagazijn uses as
Zaak.Nummer.  That beats anything guessed from the text, so the ingest stage
(and the graph) take these fields when a metadata.xml sits next to a
document.

Two published styles are read (KOOP uses both):

* ``<metadata_gegevens><metadata name="DC.identifier" content="…"/>…``
* element style, e.g. ``<owms-metadata><owmskern><dcterms:identifier>…`` or
  the ``overheidwetgeving:meta`` block of an SRU gzd record.

Names are compared case-insensitively on their last part
(``OVERHEIDop.dossiernummer`` and ``overheidwetgeving:dossiernummer`` are both
``dossiernummer``), so small spelling differences between the two styles do
not lose a field.  The function is pure: bytes in, dict out.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

__all__ = ["MetadataError", "parse_metadata_xml", "fields_from_element", "normalise_type"]


class MetadataError(ValueError):
    """metadata.xml that is not XML or carries no metadata at all."""


VRAAGNUMMER = re.compile(r"^\d{4}Z\d{5}$")
DOCUMENT_NUMBER = re.compile(r"^\d{4}D\d{5}$")
DOCUMENT_NUMBER_ANYWHERE = re.compile(r"(?<![\w-])(\d{4}D\d{5})(?![\w-])")
VERGADERJAAR = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")

# Which source field gives the document's date, best first: the letter's own
# date, the day an answer was received, the day questions were sent in, then
# publication dates.
DATE_FIELDS = ("datumbrief", "datumontvangst", "datumindiening", "datumvergadering", "issued", "date",
               "available")
# Field names that may carry the Tweede Kamer's document number (2025D03999);
# only values of that shape are taken.
DOCUMENT_NUMBER_FIELDS = ("documentnummer", "documentnumber", "referentienummer", "kenmerk", "externid")

# Source types (DC.type, publicationName, the Kamerstuk sub-type) -> the
# vocabulary of kg.model.Metadata.type; first match wins, so the specific
# sub-types come before the general ones.
TYPE_WORDS = (
    ("zonder antwoord", "schriftelijke_vragen"),
    ("motie", "motie"),
    ("amendement", "amendement"),
    ("antwoord", "antwoord_schriftelijke_vragen"),
    ("aanhangsel", "antwoord_schriftelijke_vragen"),
    ("kamervragen", "schriftelijke_vragen"),
    ("nota", "nota"),
    ("verslag", "verslag"),
    ("brief", "brief"),
    ("handelingen", "handelingen"),
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _key(name: str) -> str:
    """``OVERHEIDop.dossiernummer`` -> ``dossiernummer``; ``dcterms:title`` -> ``title``."""
    return re.split(r"[.:]", name)[-1].strip().lower()


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def fields_from_element(root: ET.Element) -> dict[str, list[tuple[str, str]]]:
    """Every metadata field under ``root`` as name -> [(scheme, value), …] in
    document order; both the ``<metadata name= content=>`` and the element
    style (a leaf element with text) are read."""
    fields: dict[str, list[tuple[str, str]]] = {}
    for element in root.iter():
        name = element.get("name")
        if name is not None and "content" in element.attrib:
            key, value = _key(name), _clean(element.get("content"))
        elif len(element) == 0 and element is not root:
            key, value = _local(element.tag), _clean(element.text)
        else:
            continue
        if value:
            fields.setdefault(key, []).append((element.get("scheme") or "", value))
    return fields


def _first(fields: dict[str, list[tuple[str, str]]], *names: str) -> str | None:
    for name in names:
        for _, value in fields.get(name, ()):
            return value
    return None


def _all(fields: dict[str, list[tuple[str, str]]], *names: str) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        for _, value in fields.get(name, ()):
            seen.setdefault(value, None)
    return list(seen)


def normalise_type(source_types: Iterable[str]) -> str:
    """The kamerkg document type for the source's type names, ``other`` when
    none is known (``["Kamerstuk", "Brief regering"]`` -> ``brief``)."""
    lowered = [t.lower() for t in source_types]
    for word, kind in TYPE_WORDS:
        if any(word in t for t in lowered):
            return kind
    return "other"


def _vergaderjaar(value: str | None) -> str | None:
    match = VERGADERJAAR.match(value or "")
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _date(fields: dict[str, list[tuple[str, str]]]) -> str | None:
    for name in DATE_FIELDS:
        for _, value in fields.get(name, ()):
            match = ISO_DATE.match(value)
            if match:
                return match.group(1)
    return None


def _document_number(fields: dict[str, list[tuple[str, str]]]) -> str | None:
    for name in DOCUMENT_NUMBER_FIELDS:
        for _, value in fields.get(name, ()):
            if DOCUMENT_NUMBER.match(value):
                return value
    for values in fields.values():
        for _, value in values:
            found = DOCUMENT_NUMBER_ANYWHERE.search(value)
            if found:
                return found.group(1)
    return None


def metadata_from_fields(fields: dict[str, list[tuple[str, str]]]) -> dict[str, Any]:
    """The kamerkg metadata dict from raw fields (see ``parse_metadata_xml``)."""
    source_types = _all(fields, "type", "publicationname", "publicatienaam", "documenttitel", "kamerstuktype")
    indieners = _all(fields, "indiener")
    vraagnummers = [v for v in _all(fields, "vraagnummer") if VRAAGNUMMER.match(v)]
    dossiers = [d.replace(" ", "") for d in _all(fields, "dossiernummer")]
    has_answer = bool(fields.get("datumontvangst")) and bool(vraagnummers)
    doc_type = normalise_type(source_types)
    if has_answer and doc_type in ("other", "schriftelijke_vragen"):
        doc_type = "antwoord_schriftelijke_vragen"
    return {
        "id": _first(fields, "identifier"),
        "type": doc_type,
        "source_types": source_types,
        "date": _date(fields),
        "issued": _first(fields, "issued"),
        "available": _first(fields, "available"),
        "submitted": _first(fields, "datumindiening"),
        "received": _first(fields, "datumontvangst"),
        "dossier": dossiers[0] if dossiers else None,
        "dossiers": dossiers,
        "number": _first(fields, "ondernummer", "stuknummer"),
        "vergaderjaar": _vergaderjaar(_first(fields, "vergaderjaar")),
        "title": _first(fields, "title"),
        "short_title": _first(fields, "documenttitel"),
        "indiener": indieners[0] if indieners else None,
        "indieners": indieners,
        "ontvanger": _first(fields, "ontvanger"),
        "vraagnummer": vraagnummers[0] if vraagnummers else None,
        "document_number": _document_number(fields),
    }


def parse_metadata_xml(data: bytes) -> dict[str, Any]:
    """metadata.xml bytes -> a dict with the keys id, type (kamerkg's
    vocabulary: brief, motie, antwoord_schriftelijke_vragen…), source_types,
    date (ISO; letter date, else received, submitted, issued, available),
    issued, available, submitted, received, dossier, dossiers, number,
    vergaderjaar (``2021-2022``), title, short_title, indiener, indieners,
    ontvanger, vraagnummer (``2020Z10445``) and document_number
    (``2025D03999``); a missing field is None (lists empty).

    Raises MetadataError when the bytes are not XML or hold no field."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise MetadataError(f"not XML ({error})") from error
    fields = fields_from_element(root)
    if not fields:
        raise MetadataError("no metadata fields")
    return metadata_from_fields(fields)
