"""Linking footnote markers in the body to the footnotes, and laying out
``Document.text`` (body, blank line, one footnote per paragraph).

In PDF text a marker is digits glued to the word before it: ``AIVD1``,
``(DTN)1``, ``gemeenten.5``, ``(D»66)3``, and even ``20172.`` (the year 2017
followed by marker 2).  Numbers like ``DTN 36``, ``2019`` or ``CO2`` must not
be taken for markers, so we search for the known footnote numbers in order,
each after the previous marker, and accept only digits glued to a word of at
least three letters, to closing punctuation, or to a four-digit year.
"""
from __future__ import annotations

import logging
import re

from kg.model import Footnote
from kg.ingest.parsed import MARK_CLOSE, MARK_OPEN, ParsedText

log = logging.getLogger(__name__)

_CLOSERS = ".,;:!?)]»”’'\"%"
_FRAMED = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def find_glued_marker(body: str, number: str, start: int = 0) -> int | None:
    """Offset of the first glued marker ``number`` at or after ``start``."""
    pattern = re.compile(rf"{re.escape(number)}(?!\d)")
    for match in pattern.finditer(body, start):
        pos = match.start()
        if pos == 0:
            continue
        before = body[max(0, pos - 4):pos]
        prev = before[-1]
        if prev in _CLOSERS:
            return pos
        if re.fullmatch(r"[^\W\d_]{3}", before[-3:]):
            return pos
        if re.fullmatch(r"(?:19|20)\d\d", before) and (pos < 5 or not body[pos - 5].isalnum()):
            return pos
    return None


def strip_glued_markers(body: str, numbers: list[str]) -> tuple[str, dict[str, int]]:
    """Remove the markers of ``numbers`` (in order) from ``body``; return the
    new body and each found marker's offset in it (right after its word)."""
    cuts: list[tuple[int, str]] = []
    pos = 0
    for number in numbers:
        found = find_glued_marker(body, number, pos)
        if found is None:
            log.debug("no marker found for footnote %s", number)
            continue
        cuts.append((found, number))
        pos = found + len(number)
    # Markers whose notes the extraction lost (a page's footnotes missing):
    # the numbers right after the last note, while they follow in sequence.
    following = int(numbers[-1]) + 1 if numbers else 1
    while numbers:
        found = find_glued_marker(body, str(following), pos)
        if found is None:
            break
        log.debug("marker %s has no footnote text; removed from the body", following)
        cuts.append((found, str(following)))
        pos = found + len(str(following))
        following += 1
    pieces: list[str] = []
    offsets: dict[str, int] = {}
    last = 0
    removed = 0
    known = set(numbers)
    for at, number in cuts:
        pieces.append(body[last:at])
        if number in known:
            offsets[number] = at - removed
        removed += len(number)
        last = at + len(number)
    pieces.append(body[last:])
    return "".join(pieces), offsets


def strip_framed_markers(body: str) -> tuple[str, dict[str, int]]:
    """Remove ``MARK_OPEN N MARK_CLOSE`` markers; first marker of a number wins."""
    pieces: list[str] = []
    offsets: dict[str, int] = {}
    last = 0
    length = 0
    for match in _FRAMED.finditer(body):
        chunk = body[last:match.start()]
        pieces.append(chunk)
        length += len(chunk)
        offsets.setdefault(match.group(1), length)
        last = match.end()
    pieces.append(body[last:])
    return "".join(pieces), offsets


def _tidy_spaces(body: str, offsets: dict[str, int]) -> tuple[str, dict[str, int]]:
    """Marker removal may leave doubled or trailing spaces; drop them and keep
    the marker offsets in step."""
    out: list[str] = []
    new_offsets: dict[str, int] = {}
    mapping: list[int] = []
    for i, ch in enumerate(body):
        if ch == " " and (i + 1 == len(body) or body[i + 1] in " \n" or (out and out[-1] in " \n")):
            mapping.append(len(out))
            continue
        mapping.append(len(out))
        out.append(ch)
    mapping.append(len(out))
    for number, off in offsets.items():
        new_offsets[number] = mapping[off]
    return "".join(out).strip(), new_offsets


def assemble(parsed: ParsedText) -> tuple[str, int, list[Footnote]]:
    """``Document.text``, ``body_end`` and the linked footnotes."""
    numbers = [num for num, _ in parsed.notes]
    if parsed.marker_style == "framed":
        body, offsets = strip_framed_markers(parsed.body)
    else:
        body, offsets = strip_glued_markers(parsed.body, numbers)
    body, offsets = _tidy_spaces(body, offsets)
    body_end = len(body)
    text = body
    footnotes: list[Footnote] = []
    for number, note in parsed.notes:
        note = note.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").strip()
        text += "\n\n"
        start = len(text)
        text += note
        marker = offsets.get(number)
        footnotes.append(Footnote(number, start, len(text), marker, marker))
    return text, body_end, footnotes
