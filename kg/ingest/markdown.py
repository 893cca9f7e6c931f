"""Reading Markdown renderings of Kamerstukken (as ``kst-29754-326.md``).

Such files come from a PDF/HTML converter: a title block (``Vergaderjaar
2015–2016``, ``**29 754**``, ``**Nr. 326**``), headings, bold, links,
footnote markers ``<sup>N</sup>`` and footnote paragraphs ``<sup>N</sup>
text`` placed where the PDF page ended, so a paragraph may be cut in two by
a footnote block or a ``---`` rule; we lift the notes out and mend the cut.
"""
from __future__ import annotations

import html
import re

from kg.ingest.hyphens import Vocabulary, join_hyphenated
from kg.ingest.parsed import MARK_CLOSE, MARK_OPEN, ParsedText
from kg.ingest.pdftext import continues_sentence

NOTE_PARA = re.compile(r"^(?:<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\]:)\s*(.*)$", re.S)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
HEADER_LINE = re.compile(r"^(?:Vergaderjaar \d{4}\s?[–-]\s?\d{4}|\*\*[^*]{1,80}\*\*)$")
_INLINE = [
    (re.compile(r"<sup>\s*(\d+)\s*</sup>"), MARK_OPEN + r"\1" + MARK_CLOSE),
    (re.compile(r"\[\^(\d+)\]"), MARK_OPEN + r"\1" + MARK_CLOSE),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
# Escaped punctuation is parked in a private-use plane while markup is removed.
_PARK = 0xF0000


def inline_text(text: str) -> str:
    """Markdown inline markup to plain text, footnote markers framed."""
    text = _ESCAPED.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    text = "".join(chr(ord(c) - _PARK) if ord(c) >= _PARK else c for c in text)
    return " ".join(html.unescape(text).split())


def _blocks(text: str) -> list[str]:
    """Paragraph blocks; a hard line break (two trailing spaces or ``\\``)
    also ends a block, so a signature's name stands on its own."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(line.strip().rstrip("\\").strip())
        if line.endswith("  ") or line.rstrip().endswith("\\"):
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def parse_markdown(text: str) -> ParsedText:
    """Split a Markdown Kamerstuk into body paragraphs, notes and header."""
    vocab = Vocabulary.from_lines(text.split("\n"))
    header: list[str] = []
    notes: list[tuple[str, str]] = []
    paragraphs: list[str] = []
    headings: set[int] = set()
    gap = False
    seen_heading = False
    for block in _blocks(text):
        note = NOTE_PARA.match(block)
        if note:
            notes.append((note.group(1) or note.group(2), inline_text(note.group(3))))
            gap = True
            continue
        if RULE.match(block):
            gap = True
            continue
        heading = HEADING.match(block)
        if not seen_heading and not heading and HEADER_LINE.match(block):
            header.append(inline_text(block))
            continue
        plain = inline_text(heading.group(1) if heading else block)
        if not plain:
            continue
        seen_heading = seen_heading or heading is not None
        prev_i = len(paragraphs) - 1
        if (
            gap and not heading and paragraphs and prev_i not in headings
            and continues_sentence(_visible(paragraphs[-1]), _visible(plain))
        ):
            paragraphs[-1] = _mend(paragraphs[-1], plain, vocab)
        else:
            if heading:
                headings.add(len(paragraphs))
            paragraphs.append(plain)
        gap = False
    return ParsedText(
        body="\n\n".join(paragraphs), notes=notes, header=header, marker_style="framed"
    )


def _visible(text: str) -> str:
    return re.sub(f"{MARK_OPEN}\\d+{MARK_CLOSE}", "", text).strip()


def _mend(left: str, right: str, vocab: Vocabulary) -> str:
    if re.search(r"\w-$", left):
        return join_hyphenated(left, right, vocab)
    return f"{left} {right}"
