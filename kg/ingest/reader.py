"""File -> Document: format dispatch and the steps every format shares.

A text format reader is a function ``str -> ParsedText`` registered for one
or more file extensions (decoding stays here); a file reader (PDF, XML,
HTML) takes the path and returns ``(ParsedText, bytes, metadata fields)``.
Footnote linking, metadata and the checksum are shared; publisher metadata
(embedded ``<meta>`` tags, or a ``metadata.xml`` beside the file) wins over
what the text suggests.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from kg.ingest.decode import read_text
from kg.ingest.errors import IngestError
from kg.ingest.footnotes import assemble
from kg.ingest.html import read_html
from kg.ingest.markdown import parse_markdown
from kg.ingest.metadata import extract_metadata
from kg.ingest.parsed import ParsedText
from kg.ingest.pdf import read_pdf
from kg.ingest.pdftext import clean_pdf_text
from kg.ingest.xml import apply_fields, read_metadata_xml, read_xml, sidecar_for
from kg.model import Document

log = logging.getLogger(__name__)

TextReader = Callable[[str], ParsedText]
FileReader = Callable[[Path], tuple[ParsedText, bytes, dict[str, str]]]
READERS: dict[str, TextReader] = {}
FILE_READERS: dict[str, FileReader] = {}


def register_reader(reader: TextReader, *extensions: str) -> None:
    """Use ``reader`` for files with these extensions (``".txt"``…)."""
    for ext in extensions:
        READERS[ext.lower()] = reader
        FILE_READERS.pop(ext.lower(), None)


def register_file_reader(reader: FileReader, *extensions: str) -> None:
    """Use ``reader`` (path -> ParsedText, bytes, metadata fields) for these
    extensions; for formats that are not plain text (PDF) or carry metadata."""
    for ext in extensions:
        FILE_READERS[ext.lower()] = reader
        READERS.pop(ext.lower(), None)


register_reader(clean_pdf_text, ".txt")
register_reader(parse_markdown, ".md", ".markdown")
register_file_reader(read_pdf, ".pdf")
register_file_reader(read_xml, ".xml")
register_file_reader(read_html, ".html", ".htm", ".xhtml")


def supported_extensions() -> list[str]:
    """Extensions ``read_document`` accepts, sorted."""
    return sorted(set(READERS) | set(FILE_READERS))


def slugify(name: str) -> str:
    """A readable ASCII id from a file name stem."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "document"


def read_document(path: Path) -> Document:
    """Read one file into a Document; IngestError (one line, naming the
    file) when it is not a supported, non-empty text document."""
    path = Path(path)
    ext = path.suffix.lower()
    reader, file_reader = READERS.get(ext), FILE_READERS.get(ext)
    fields: dict[str, str] = {}
    if file_reader is not None:
        parsed, data, fields = file_reader(path)
    elif reader is not None:
        text, data = read_text(path)
        parsed = reader(text)
    else:
        shown = path.suffix or "(none)"
        raise IngestError(
            path, f"unsupported file type {shown} (supported: {', '.join(supported_extensions())})"
        )
    full_text, body_end, footnotes = assemble(parsed)
    if not full_text.strip():
        raise IngestError(path, "no text left after cleaning")
    metadata = extract_metadata(full_text[:body_end], parsed.furniture, parsed.header)
    sidecar = sidecar_for(path)
    if sidecar is not None:
        fields = {**fields, **read_metadata_xml(sidecar)}
    if fields:
        changed = apply_fields(metadata, fields)
        log.debug("%s: publisher metadata%s set %s", path, f" ({sidecar.name})" if sidecar else "",
                  ", ".join(changed) or "nothing new")
    doc_id = metadata.id or slugify(path.stem)
    log.debug("%s: %s, %d chars, %d footnotes", path, doc_id, len(full_text), len(footnotes))
    return Document(
        id=doc_id,
        source=path.as_posix(),
        text=full_text,
        body_end=body_end,
        footnotes=footnotes,
        metadata=metadata,
        sha256=hashlib.sha256(data).hexdigest(),
    )
