"""Reading PDF Kamerstukken: pypdf's text layer, then the ``.txt`` cleaning.

The bundled ``.txt`` files are what ``pdftotext`` makes of the official PDF;
pypdf gives nearly the same lines (page by page), so the PDF reader only
extracts, normalises and hands the text to ``kg.ingest.pdftext`` with form
feeds between pages, which is how that cleaner recognises page starts.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from kg.ingest.decode import normalise_text, read_bytes
from kg.ingest.errors import IngestError
from kg.ingest.parsed import ParsedText
from kg.ingest.pdftext import clean_pdf_text

log = logging.getLogger(__name__)


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer of a PDF, pages separated by form feeds.

    IngestError (one line) for a file that is not a PDF, is damaged,
    encrypted, or has no text layer (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.strip():
        raise IngestError(path, "empty file (no text)")
    if not data.lstrip()[:5] == b"%PDF-":
        raise IngestError(path, "not a PDF (no %PDF- header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd xref
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(path, "encrypted PDF, cannot extract its text")
        pages = [_page_text(page) for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as error:
        raise IngestError(path, f"damaged PDF ({error.__class__.__name__}: {error})") from None
    text = "\n\f".join(pages)
    if not text.strip():
        raise IngestError(path, f"PDF without a text layer ({len(pages)} pages; a scan?)")
    log.debug("%s: %d pages, %d characters", path, len(pages), len(text))
    return text


def _page_text(page) -> str:  # noqa: ANN001 - a pypdf PageObject
    """A page's lines, with blank lines where the page has vertical gaps.

    pypdf's layout mode keeps those gaps, which the cleaner needs to tell a
    footnote block from body text; its horizontal padding is dropped (a
    leading space would read as a page start)."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except (ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError) as error:
        log.debug("pypdf layout mode failed (%s); plain mode", error)
        text = page.extract_text() or ""
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def read_pdf(path: Path) -> tuple[ParsedText, bytes, dict[str, str]]:
    """A PDF file as ParsedText (like a ``.txt``), its bytes, no metadata fields."""
    data = read_bytes(path)
    return clean_pdf_text(normalise_text(pdf_text(data, path))), data, {}
