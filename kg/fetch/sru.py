"""KOOP's SRU 2.0 service (https://repository.overheid.nl/sru): queries,
paging and the gzd record schema.

A searchRetrieve response looks like (namespaces abbreviated)::

    <sru:searchRetrieveResponse>
      <sru:numberOfRecords>7</sru:numberOfRecords>
      <sru:records><sru:record>
        <sru:recordData><gzd:gzd>
          <gzd:originalData><overheidwetgeving:meta>
            <overheidwetgeving:owmskern> dcterms:identifier, dcterms:title, dcterms:type …
            <overheidwetgeving:owmsmantel> dcterms:available, dcterms:issued …
            <overheidwetgeving:tpmeta> dossiernummer, ondernummer, vergaderjaar …
          </overheidwetgeving:meta></gzd:originalData>
          <gzd:enrichedData>
            <gzd:url>…xml</gzd:url> <gzd:preferredUrl>…html</gzd:preferredUrl>
            <gzd:itemUrl manifestation="xml|pdf|html|metadata">…</gzd:itemUrl>
          </gzd:enrichedData>
        </gzd:gzd></sru:recordData>
        <sru:recordPosition>1</sru:recordPosition>
      </sru:record></sru:records>
      <sru:nextRecordPosition>3</sru:nextRecordPosition>
    </sru:searchRetrieveResponse>

Elements are matched on their local names so a change of namespace prefix or
version on the service does not break the reader.  A record that lacks an id
or a usable URL becomes a ``Malformed`` entry (reported, skipped); a
diagnostics response becomes ``SruError``.
"""
from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

from kg.fetch.metadata import fields_from_element, metadata_from_fields

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://repository.overheid.nl/sru"
PRODUCT_AREA = "c.product-area==officielepublicaties"
DEFAULT_PAGE_SIZE = 100

# Official ids: kst-29754-645, kst-35925-VI-69, ah-tk-20192020-3345,
# h-tk-20212022-31-55, blg-1184123.  They become file names, so nothing else
# (no dots, no slashes) is accepted.
OFFICIAL_ID = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$")
DOSSIER = re.compile(r"^\d+(?:-[A-Za-z0-9]+)?$")
TYPE_VALUE = re.compile(r"^[\w][\w .'-]*$")


class SruError(Exception):
    """The service answered with diagnostics or with something that is not
    an SRU response."""


class QueryError(ValueError):
    """Options that cannot make a query (bad dossier number, date…)."""


@dataclass
class Record:
    """One search result: the document's official id, what the record says
    about it and the URLs of its manifestations (``xml``, ``pdf``,
    ``metadata``, ``html``)."""

    id: str
    position: int
    urls: dict[str, str]
    title: str | None = None
    type: str | None = None
    date: str | None = None
    preferred_url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Malformed:
    """A record that cannot be fetched, with the reason (one line)."""

    position: int
    id: str | None
    reason: str

    def line(self) -> str:
        name = self.id or "(no identifier)"
        return f"record {self.position} {name}: {self.reason}"


@dataclass
class Page:
    """One searchRetrieve response."""

    total: int
    next_position: int | None
    entries: list[Record | Malformed]


def _quote(value: str) -> str:
    return f'"{value}"' if " " in value else value


def _iso(value: str, option: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise QueryError(f"{option} {value!r}: expected a date YYYY-MM-DD") from error


def dossier_query(dossier: str, types: Iterable[str] = (), since: str | None = None,
                  until: str | None = None) -> str:
    """The CQL for every officielepublicaties document of ``dossier``,
    optionally of some types (``dt.type``) and between two dates
    (``dt.date``, inclusive)."""
    dossier = dossier.strip()
    if not DOSSIER.match(dossier):
        raise QueryError(f"--dossier {dossier!r}: expected a dossier number such as 29754 or 35925-VI")
    parts = [PRODUCT_AREA, f"w.dossiernummer=={dossier}"]
    wanted = [t.strip() for t in types if t.strip()]
    for kind in wanted:
        if not TYPE_VALUE.match(kind):
            raise QueryError(f"--type {kind!r}: letters, digits, spaces and hyphens only")
    if len(wanted) == 1:
        parts.append(f"dt.type=={_quote(wanted[0])}")
    elif wanted:
        parts.append("(" + " OR ".join(f"dt.type=={_quote(k)}" for k in wanted) + ")")
    if since:
        parts.append(f"dt.date>={_iso(since, '--since')}")
    if until:
        parts.append(f"dt.date<={_iso(until, '--until')}")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}")
    return " AND ".join(parts)


def search_url(endpoint: str, query: str, start: int = 1, maximum: int = DEFAULT_PAGE_SIZE) -> str:
    """The searchRetrieve URL for one page (SRU 2.0, record schema gzd)."""
    params = {
        "operation": "searchRetrieve",
        "version": "2.0",
        "recordSchema": "gzd",
        "query": query,
        "startRecord": str(start),
        "maximumRecords": str(maximum),
    }
    return f"{endpoint}?{urlencode(params)}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element.iter() if _local(c.tag) == name), None)


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def _metadata_url(xml_url: str) -> str | None:
    """The repository's FRBR layout keeps metadata.xml beside the xml
    folder (``…/1/xml/kst-x.xml`` -> ``…/1/metadata/metadata.xml``)."""
    match = re.match(r"^(.*)/xml/[^/]+\.xml$", xml_url)
    return f"{match.group(1)}/metadata/metadata.xml" if match else None


def parse_record(record: ET.Element, position: int) -> Record | Malformed:
    """One ``sru:record`` -> Record, or Malformed with the reason."""
    pos_text = _text(_child(record, "recordPosition"))
    if pos_text and pos_text.isdigit():
        position = int(pos_text)
    original = _child(record, "originalData")
    enriched = _child(record, "enrichedData")
    if original is None:
        return Malformed(position, None, "no gzd:originalData")
    fields = fields_from_element(original)
    meta = metadata_from_fields(fields)
    ident = meta["id"]
    if not ident:
        return Malformed(position, None, "no dcterms:identifier")
    if not OFFICIAL_ID.match(ident):
        return Malformed(position, ident[:80], "identifier is not an official id")
    urls: dict[str, str] = {}
    preferred = None
    if enriched is not None:
        for element in enriched.iter():
            name, value = _local(element.tag), _text(element)
            if not value or not _is_http(value):
                continue
            if name == "itemUrl" and element.get("manifestation"):
                urls.setdefault(element.get("manifestation", "").lower(), value)
            elif name == "preferredUrl":
                preferred = value
            elif name == "url" and value.endswith(".xml"):
                urls.setdefault("xml", value)
    if "xml" in urls and "metadata" not in urls:
        derived = _metadata_url(urls["xml"])
        if derived:
            urls["metadata"] = derived
    if "xml" not in urls and "pdf" not in urls:
        return Malformed(position, ident, "no xml or pdf itemUrl")
    return Record(
        id=ident,
        position=position,
        urls=urls,
        title=meta["title"],
        type=next(iter(meta["source_types"]), None),
        date=meta["date"],
        preferred_url=preferred,
        metadata=meta,
    )


def _diagnostics(root: ET.Element) -> str | None:
    for element in root.iter():
        if _local(element.tag) == "diagnostic":
            message = _text(_child(element, "message")) or "diagnostic"
            details = _text(_child(element, "details"))
            return f"{message} ({details})" if details else message
    return None


def parse_response(data: bytes, first_position: int = 1) -> Page:
    """A searchRetrieve response -> Page; SruError for diagnostics or a
    response that is not SRU."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise SruError(f"the search response is not XML ({error})") from error
    problem = _diagnostics(root)
    if problem:
        raise SruError(f"the service refused the query: {problem}")
    if _local(root.tag) != "searchRetrieveResponse":
        raise SruError(f"not an SRU searchRetrieveResponse (root <{_local(root.tag)}>)")
    total_text = _text(_child(root, "numberOfRecords"))
    if not total_text or not total_text.isdigit():
        raise SruError("the search response has no numberOfRecords")
    next_text = _text(next((c for c in root if _local(c.tag) == "nextRecordPosition"), None))
    records_el = next((c for c in root if _local(c.tag) == "records"), None)
    entries: list[Record | Malformed] = []
    if records_el is not None:
        for offset, record in enumerate(c for c in records_el if _local(c.tag) == "record"):
            entries.append(parse_record(record, first_position + offset))
    return Page(
        total=int(total_text),
        next_position=int(next_text) if next_text and next_text.isdigit() else None,
        entries=entries,
    )


def iter_records(get: Callable[[str], bytes], query: str, endpoint: str = DEFAULT_ENDPOINT,
                 page_size: int = DEFAULT_PAGE_SIZE,
                 on_total: Callable[[int], None] | None = None) -> Iterator[Record | Malformed]:
    """Every record of ``query``, page by page: ``get(url) -> bytes`` fetches
    a page; paging follows nextRecordPosition and stops at numberOfRecords
    (or when the service stops moving forward, so a faulty server cannot
    make it loop)."""
    start = 1
    while True:
        page = parse_response(get(search_url(endpoint, query, start, page_size)), start)
        if start == 1 and on_total is not None:
            on_total(page.total)
        log.debug("SRU page at %d: %d records of %d", start, len(page.entries), page.total)
        yield from page.entries
        following = page.next_position
        if following is None and page.entries:
            following = start + len(page.entries)
        if not page.entries or following is None or following <= start or following > page.total:
            return
        start = following
