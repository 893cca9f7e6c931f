"""Cleaning text extracted from PDF (``pdftotext`` style ``.txt``).

The layout of a Kamerstuk page in such text: body lines hard-wrapped at about
70 characters (a trailing space on wrapped lines), a block of footnotes
(``N text`` lines, possibly wrapped, possibly with blank lines inside) at the
bottom, page furniture (``kst-29754-645``, ``ISSN 0921 - 7371``,
``’s-Gravenhage 2022 Tweede Kamer, vergaderjaar 2021–2022, 29 754, nr. 645 1``,
bare page numbers), then the next page, whose first line starts with a space
(or a form feed).  We remove furniture, lift footnotes out, and rebuild
paragraphs, joining sentences that a footnote block or page break cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.footnotes import find_glued_marker
from kg.ingest.hyphens import Vocabulary, join_hyphenated
from kg.ingest.parsed import ParsedText

FURNITURE = [
    re.compile(r"^(?:kst|ah-tk|h-tk|blg|stb|stcrt)-[\w-]+$", re.I),
    re.compile(r"^ISSN \d{4} ?[-–] ?\d{3}[\dX]$"),
    re.compile(r"^’s-Gravenhage \d{4}(?: .*)?$"),
    re.compile(r"^(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s?[–-]\s?\d{4}, .*nr\. \w+(?: \d+)?$"),
    re.compile(r"^\d{1,3}$"),
]
FOOTNOTE_START = re.compile(r"^(\d{1,3}) +(\S.*)$")
BULLET = re.compile(r"^[•●▪◦■‣∙·]\s*")
TERMINAL = ".!?:"
# Words a Dutch heading never ends with but a cut sentence often does.
FUNCTION_WORDS = frozenset(
    "de het een van en of in op te die dat om met voor aan bij tot naar door uit "
    "over als is zijn wordt worden werd dan ook niet nog er waar wat hun haar zijn "
    "deze dit zo ter ten per".split()
)


@dataclass
class _Line:
    text: str  # stripped text
    raw: str  # original line (for the trailing-space signal)
    page_start: bool = False


def is_furniture(line: str) -> bool:
    """Whether a stripped line is page header/footer furniture."""
    return any(p.match(line) for p in FURNITURE)


def clean_pdf_text(text: str) -> ParsedText:
    """Turn PDF-extracted text into paragraphs, footnotes and furniture."""
    raw_lines = text.replace("\f", "\n\f").split("\n")
    vocab = Vocabulary.from_lines(raw_lines)
    body, notes, furniture = _split_body_notes(raw_lines)
    width = _line_width(body)
    trailing = _uses_trailing_space(body)
    paragraphs = _paragraphs(body, vocab, width, trailing)
    note_texts = [(num, _join_note(lines, vocab)) for num, lines in notes]
    return ParsedText(
        body="\n\n".join(paragraphs), notes=note_texts, furniture=furniture, marker_style="glued"
    )


def _split_body_notes(
    raw_lines: list[str],
) -> tuple[list[_Line | None], list[tuple[str, list[str]]], list[str]]:
    """Separate body lines (None = blank), footnotes and furniture.

    A footnote starts, after a blank line, with the next expected number
    whose glued marker the body has shown since the previous marker (so a
    numbered heading ``1 Inleiding`` stays body); it runs (blank lines
    included) until the next number, a furniture line or the first line of
    the next page."""
    body: list[_Line | None] = []
    notes: list[tuple[str, list[str]]] = []
    furniture: list[str] = []
    expected = 1
    marker_pos = 0
    seen: list[str] = []
    in_notes = False
    prev_blank = True
    for raw in raw_lines:
        page_start = raw.startswith("\f") or raw[:1] == " " and raw.strip() != ""
        raw = raw.lstrip("\f")
        line = " ".join(raw.split())
        if not line:
            prev_blank = True
            if not in_notes:
                body.append(None)
            continue
        if is_furniture(line):
            furniture.append(line)
            in_notes = False
            body.append(None)
            prev_blank = True
            continue
        if in_notes and page_start:
            in_notes = False
        start = FOOTNOTE_START.match(line)
        marker = None
        if start and int(start.group(1)) == expected and (prev_blank or in_notes):
            marker = find_glued_marker(" ".join(seen), start.group(1), marker_pos)
        if start and marker is not None:
            marker_pos = marker + len(start.group(1))
            notes.append((start.group(1), [start.group(2)]))
            expected += 1
            in_notes = True
        elif in_notes:
            notes[-1][1].append(line)
        else:
            body.append(_Line(line, raw.rstrip("\n"), page_start))
            seen.append(line)
        prev_blank = False
    return body, notes, furniture


def _line_width(body: list[_Line | None]) -> int:
    """Typical full line length (the 80th percentile), to tell short lines."""
    lengths = sorted(len(ln.text) for ln in body if ln is not None)
    if not lengths:
        return 0
    return lengths[int(0.8 * (len(lengths) - 1))]


def _uses_trailing_space(body: list[_Line | None]) -> bool:
    """Whether wrapped lines carry a trailing space (pdftotext does); only
    then does a line without one mark a paragraph end."""
    lines = [ln for ln in body if ln is not None]
    with_space = sum(1 for ln in lines if ln.raw.endswith(" "))
    return bool(lines) and with_space / len(lines) > 0.5


def _paragraphs(body: list[_Line | None], vocab: Vocabulary, width: int, trailing: bool) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    prev: _Line | None = None
    gap = False
    for line in body:
        if line is None:
            gap = True
            continue
        if current and prev is not None:
            if gap:
                cont = continues_sentence(prev.text, line.text)
            else:
                cont = not _ends_paragraph(prev, line, width, trailing)
            if not cont:
                paragraphs.append(join_lines(current, vocab))
                current = []
        current.append(line.text)
        prev = line
        gap = False
    if current:
        paragraphs.append(join_lines(current, vocab))
    return [p for p in paragraphs if p]


# A speaker's line in the Handelingen or a committee report ("De heer Wilders (PVV):",
# "De voorzitter:", "Minister Grapperhaus:"): a paragraph of its own, also when a page's
# copy has no blank lines around it.
_NAME = r"(?:[A-Z'][^\s:()]*|van|de|der|den|ter|ten|het)(?:\s+(?:[A-Z'][^\s:()]*|van|de|der|den|ter|ten|het)){0,5}"
_PARTY = r"(?:\s*\([^()\n]{1,40}\))?"
SPEAKER_HEADING = re.compile(
    rf"^(?:(?:De heer|Mevrouw)\s+{_NAME}{_PARTY}|(?:De\s+)?[Vv]oorzitter"
    rf"|(?:De\s+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:\s+(?:van|voor)\s+[A-Z][^\s:]*(?:\s+(?:en|[A-Z][^\s:]*)){{0,5}}|\s+{_NAME})?{_PARTY}):$")


def _ends_paragraph(prev: _Line, line: _Line, width: int, trailing: bool) -> bool:
    """Whether ``prev`` closes its paragraph although no blank line follows."""
    if BULLET.match(line.text):
        return True
    if SPEAKER_HEADING.match(prev.text) or (SPEAKER_HEADING.match(line.text) and prev.text.rstrip("”\"’»)")[-1:] in TERMINAL):
        return True
    if prev.text.endswith("-"):
        return False
    if trailing and not prev.raw.endswith(" "):
        return True
    if width and len(prev.text) < 0.7 * width:
        return True
    return bool(re.match(r"^\d+\.\s+[A-Z]", line.text)) and prev.text[-1] in TERMINAL


def continues_sentence(last: str, nxt: str) -> bool:
    """Whether text cut by a gap (a page break, a lifted footnote block)
    goes on: ``last`` ends unfinished and ``nxt`` reads as its continuation."""
    if not last or not nxt or BULLET.match(nxt) or last[-1] in TERMINAL:
        return False
    if last.endswith(("-", ",", ";", "(", "–")):
        return True
    if nxt[0].islower():
        return True
    return last.rsplit(" ", 1)[-1].lower() in FUNCTION_WORDS


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Join wrapped lines with a space, or by the hyphen rules after ``-``."""
    out = lines[0]
    for nxt in lines[1:]:
        if re.search(r"\w-$", out):
            out = join_hyphenated(out, nxt, vocab)
        else:
            out = f"{out} {nxt}"
    return " ".join(out.split())


def _join_note(lines: list[str], vocab: Vocabulary) -> str:
    """A footnote's lines as one line (hyphen rules apply as in the body)."""
    return join_lines([ln for ln in lines if ln], vocab)
