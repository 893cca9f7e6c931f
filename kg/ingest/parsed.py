"""What a format reader hands to the common stages (footnotes, metadata)."""
from __future__ import annotations

from dataclasses import dataclass, field

# Private-use characters framing a footnote marker whose place is known
# exactly (Markdown ``<sup>N</sup>``): ``\ue000N\ue001``.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


@dataclass
class ParsedText:
    """A reader's result before markers are linked.

    ``body`` holds paragraphs separated by blank lines; its footnote markers
    are either framed by MARK_OPEN/MARK_CLOSE (``marker_style="framed"``) or
    digits glued to the preceding word as PDF text has them
    (``marker_style="glued"``).  ``notes`` are (number, text) in order;
    ``furniture`` are the page header/footer lines removed (metadata reads
    them); ``header`` are lines that describe the document (Markdown title
    block) rather than belong to its body."""

    body: str
    notes: list[tuple[str, str]] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    marker_style: str = "glued"
