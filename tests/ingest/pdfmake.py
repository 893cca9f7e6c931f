"""A tiny PDF writer for tests: lines of text on pages, nothing else.

Rendering a seed's text to PDF needs no extra dependency: the standard
Helvetica font with WinAnsiEncoding covers Dutch text (é, ë, ’, «, –, €),
and pypdf reads the text layer back.  Characters outside cp1252 become "?".
"""
from __future__ import annotations

from pathlib import Path

LINES_PER_PAGE = 52


def _pdf_string(line: str) -> bytes:
    data = line.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pages_from_pdftotext(text: str) -> list[list[str]]:
    """Pages of a pdftotext ``.txt``: a new page where a line starts with a
    space or a form feed (how pdftotext marks them), or after LINES_PER_PAGE."""
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        new_page = line.startswith(("\f", " ")) and line.strip() and pages[-1]
        if new_page or len(pages[-1]) >= LINES_PER_PAGE:
            pages.append([])
        pages[-1].append(line.lstrip("\f").strip())
    return [page for page in pages if any(page)]


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write ``pages`` (lists of lines) as a PDF with a text layer."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 56 800 Td"]
        ops += [_pdf_string(line) + b" '" for line in lines]
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
