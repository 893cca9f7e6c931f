"""Query -> corpus folder: page through the SRU results and store each
document as ``<official-id>.xml`` + ``<official-id>.metadata.xml`` (or
``<official-id>.pdf`` when the repository has no XML), the names the ingest
stage looks for.

Every file is downloaded to a hidden temporary file in the corpus folder and
moved into place (``os.replace``) only when the whole document (both files)
has arrived and looks right; the manifest line follows.  An interrupted fetch
therefore leaves complete documents and a manifest naming exactly those, and
a re-run skips them.
"""
from __future__ import annotations

import logging
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.fetch.client import FetchError, PoliteClient
from kg.fetch.manifest import Entry, Manifest, now_utc
from kg.fetch.metadata import MetadataError, parse_metadata_xml
from kg.fetch.sru import DEFAULT_ENDPOINT, DEFAULT_PAGE_SIZE, Malformed, Record, iter_records

log = logging.getLogger(__name__)

METADATA_SUFFIX = ".metadata.xml"
MAX_FAILURES_IN_A_ROW = 5


class BadDocument(Exception):
    """A downloaded file that is not what the record promised."""


@dataclass
class FetchReport:
    """What a fetch did, in result order."""

    total: int = 0
    fetched: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    planned: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # dry run: id, file -> url
    malformed: list[str] = field(default_factory=list)  # one line each
    failed: list[str] = field(default_factory=list)  # one line each
    gave_up: str | None = None


def document_files(record: Record) -> dict[str, str]:
    """File name -> URL for one record: the XML and its metadata.xml, else
    the PDF (with its metadata.xml when there is one)."""
    files: dict[str, str] = {}
    if "metadata" in record.urls:
        files[f"{record.id}{METADATA_SUFFIX}"] = record.urls["metadata"]
    if "xml" in record.urls:
        files[f"{record.id}.xml"] = record.urls["xml"]
    else:
        files[f"{record.id}.pdf"] = record.urls["pdf"]
    return files


def _check(doc_id: str, name: str, path: Path) -> None:
    """Refuse a body that cannot be the file (an error page served as 200,
    a truncated XML, metadata of another document)."""
    data = path.read_bytes()
    if name.endswith(METADATA_SUFFIX):
        try:
            meta = parse_metadata_xml(data)
        except MetadataError as error:
            raise BadDocument(f"{name}: {error}") from error
        if meta["id"] and meta["id"].lower() != doc_id.lower():
            raise BadDocument(f"{name}: metadata names {meta['id']}, not {doc_id}")
    elif name.endswith(".xml"):
        try:
            ET.fromstring(data)
        except ET.ParseError as error:
            raise BadDocument(f"{name}: not XML ({error})") from error
    elif name.endswith(".pdf") and not data.startswith(b"%PDF"):
        raise BadDocument(f"{name}: not a PDF")


def fetch_document(client: PoliteClient, record: Record, folder: Path) -> Entry:
    """Download one document's files into ``folder``, all or nothing; the
    manifest entry for it (not yet appended)."""
    files = document_files(record)
    temps: dict[str, Path] = {}
    digests: dict[str, str] = {}
    try:
        for name, url in files.items():
            handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.", suffix=".part", delete=False)
            temps[name] = Path(handle.name)
            with handle:
                digests[name] = client.download(url, handle)
            _check(record.id, name, temps[name])
        # metadata first: a document file never appears without its metadata
        for name in files:
            os.replace(temps[name], folder / name)
            del temps[name]
    finally:
        for leftover in temps.values():
            leftover.unlink(missing_ok=True)
    return Entry(id=record.id, urls=files, sha256=digests, fetched_at=now_utc())


def fetch(query: str, out: Path, client: PoliteClient, endpoint: str = DEFAULT_ENDPOINT,
          page_size: int = DEFAULT_PAGE_SIZE, dry_run: bool = False,
          on_total: Callable[[int], None] | None = None,
          on_record: Callable[[str, str], None] | None = None) -> FetchReport:
    """Fetch every result of ``query`` into the folder ``out``.

    ``on_total(n)`` is called once the number of results is known and
    ``on_record(id_or_line, status)`` after each result, with status one of
    ``fetched``, ``already``, ``planned``, ``malformed``, ``failed``.  A
    search that cannot be paged raises FetchError/SruError; a document that
    fails is reported and the rest goes on (after five failures in a row the
    fetch stops, as the service is then most likely down)."""
    out = Path(out)
    report = FetchReport()
    manifest = Manifest(out)
    if not dry_run:
        out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    in_a_row = 0

    def total(n: int) -> None:
        report.total = n
        if on_total is not None:
            on_total(n)

    def note(name: str, status: str) -> None:
        if on_record is not None:
            on_record(name, status)

    for entry in iter_records(client.get, query, endpoint=endpoint, page_size=page_size, on_total=total):
        if isinstance(entry, Malformed):
            log.warning("skipped %s", entry.line())
            report.malformed.append(entry.line())
            note(entry.line(), "malformed")
            continue
        if entry.id in seen:
            log.debug("%s listed twice, once is enough", entry.id)
            continue
        seen.add(entry.id)
        if manifest.is_complete(entry.id):
            report.already.append(entry.id)
            note(entry.id, "already")
            continue
        if dry_run:
            report.planned.append((entry.id, document_files(entry)))
            note(entry.id, "planned")
            continue
        try:
            done = fetch_document(client, entry, out)
        except BadDocument as error:
            line = f"record {entry.position} {entry.id}: {error}"
            log.warning("skipped %s", line)
            report.malformed.append(line)
            note(line, "malformed")
            continue
        except FetchError as error:
            line = f"{entry.id}: {error}"
            log.warning("failed %s", line)
            report.failed.append(line)
            note(line, "failed")
            in_a_row += 1
            if in_a_row >= MAX_FAILURES_IN_A_ROW:
                report.gave_up = f"stopped after {in_a_row} documents in a row failed"
                log.warning("%s", report.gave_up)
                break
            continue
        in_a_row = 0
        manifest.append(done)
        report.fetched.append(entry.id)
        note(entry.id, "fetched")
    return report
