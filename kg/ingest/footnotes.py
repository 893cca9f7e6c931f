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


# Runs of spaces that change: two or more, or any next to a line break or at the end.
_SPACE_RUN = re.compile(r"  +|(?<=\n) +| +(?=\n|\Z)")


def _tidy_spaces(body: str, offsets: dict[str, int]) -> tuple[str, dict[str, int]]:
    """Marker removal may leave doubled or trailing spaces; drop them and keep
    the marker offsets in step.

    A run of spaces becomes one space, or none at all before a line break or
    the end of the text or after a line break. Works run by run (regex), not
    character by character: this ran once per character of every document."""
    pieces: list[str] = []
    runs: list[tuple[int, int, int, int]] = []  # (start, end, dropped before the run, dropped in it)
    dropped = last = 0
    for run in _SPACE_RUN.finditer(body):
        start, end = run.span()
        keep = 0 if end == len(body) or body[end] == "\n" or (start > 0 and body[start - 1] == "\n") else 1
        if end - start == keep:
            continue
        pieces += [body[last:start], " " * keep]
        runs.append((start, end, dropped, end - start - keep))
        dropped += end - start - keep
        last = end
    pieces.append(body[last:])

    def mapped(offset: int) -> int:
        shift = 0
        for start, end, before, here in runs:
            if offset < start:
                break
            if offset < end:
                return start - before
            shift = before + here
        return offset - shift

    return "".join(pieces).strip(), {number: mapped(off) for number, off in offsets.items()}


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
