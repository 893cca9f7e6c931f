"""Reading the HTML rendering officielebekendmakingen publishes per document.

The page carries the document's metadata as ``<meta name="DC.identifier"
content="kst-29754-645">`` tags in its head, paragraphs as ``<p>``, headings
as ``<h1>``…, footnote markers as ``<sup>N</sup>`` (often inside a link) and
the footnotes as paragraphs that start with ``<sup>N</sup>``.  We strip the
tags into a small Markdown text (paragraphs, ``#`` headings, escaped
punctuation, ``<sup>N</sup>`` kept) and let the Markdown reader do the rest,
so footnote lifting works the same for both formats.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from kg.ingest.decode import normalise_text, read_text
from kg.ingest.markdown import parse_markdown
from kg.ingest.parsed import ParsedText

BLOCKS = frozenset(
    "p div li dt dd td th tr blockquote section article table ul ol dl br hr h1 h2 h3 h4 h5 h6 "
    "title pre address figcaption caption".split()
)
SKIPPED = frozenset("script style head noscript template svg nav button form".split())
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!>|~])")
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")


def md_escape(text: str) -> str:
    """Plain text as Markdown that ``parse_markdown`` turns back into it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def md_note_marker(number: str) -> str:
    """A footnote marker as the Markdown reader expects it."""
    return f"<sup>{number}</sup>"


class _Collector(HTMLParser):
    """Paragraphs (Markdown) and ``<meta name content>`` fields of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.fields: dict[str, str] = {}
        self._parts: list[str] = []
        self._heading = False
        self._skip = 0
        self._sup: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            attr = dict(attrs)
            if attr.get("name") and attr.get("content") is not None:
                self.fields.setdefault(attr["name"], " ".join(attr["content"].split()))
            return
        if tag in SKIPPED:
            self._skip += 1
        elif tag == "sup":
            self._sup = []
        elif tag in BLOCKS or tag == "h1":
            self._flush()
            self._heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag == "sup" and self._sup is not None:
            inner = "".join(self._sup)
            number = _NUMBER.match(inner)
            self._parts.append(md_note_marker(number.group(1)) if number else md_escape(inner))
            self._sup = None
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._sup is not None:
            self._sup.append(data)
        else:
            self._parts.append(md_escape(data))

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        self._parts = []
        if text:
            self.blocks.append(("# " + text) if self._heading else text)
        self._heading = False

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str) -> tuple[ParsedText, dict[str, str]]:
    """An HTML page as ParsedText and its ``<meta>`` fields."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return parse_markdown(normalise_text("\n\n".join(collector.blocks))), collector.fields


def read_html(path: Path) -> tuple[ParsedText, bytes, dict[str, str]]:
    """An HTML file (decoded like any text file) as ParsedText, bytes, fields."""
    text, data = read_text(path)
    parsed, fields = parse_html(text)
    return parsed, data, fields
