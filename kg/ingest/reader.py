"""File -> Document: format dispatch and the steps every format shares.

A format reader is a function ``str -> ParsedText`` registered for one or
more file extensions; adding PDF, XML or HTML later means one new module that
calls ``register_reader`` and nothing else changes (decoding, footnote
linking, metadata and the checksum stay here).
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
from kg.ingest.markdown import parse_markdown
from kg.ingest.metadata import extract_metadata
from kg.ingest.parsed import ParsedText
from kg.ingest.pdftext import clean_pdf_text
from kg.model import Document

log = logging.getLogger(__name__)

TextReader = Callable[[str], ParsedText]
READERS: dict[str, TextReader] = {}


def register_reader(reader: TextReader, *extensions: str) -> None:
    """Use ``reader`` for files with these extensions (``".txt"``…)."""
    for ext in extensions:
        READERS[ext.lower()] = reader


register_reader(clean_pdf_text, ".txt")
register_reader(parse_markdown, ".md", ".markdown")


def supported_extensions() -> list[str]:
    """Extensions ``read_document`` accepts, sorted."""
    return sorted(READERS)


def slugify(name: str) -> str:
    """A readable ASCII id from a file name stem."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "document"


def read_document(path: Path) -> Document:
    """Read one file into a Document; IngestError (one line, naming the
    file) when it is not a supported, non-empty text document."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        shown = path.suffix or "(none)"
        raise IngestError(
            path, f"unsupported file type {shown} (supported: {', '.join(supported_extensions())})"
        )
    text, data = read_text(path)
    parsed = reader(text)
    full_text, body_end, footnotes = assemble(parsed)
    if not full_text.strip():
        raise IngestError(path, "no text left after cleaning")
    metadata = extract_metadata(full_text[:body_end], parsed.furniture, parsed.header)
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
