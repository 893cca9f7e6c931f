"""Any text in: no crash, and footnote offsets always index Document.text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.footnotes import assemble
from kg.ingest.markdown import parse_markdown
from kg.ingest.pdftext import clean_pdf_text

PIECES = st.sampled_from(
    [" ", "\n", "\n\n", "-", "1", "2", "3 ", "AIVD", "de ", "Hazimi-", "beweging", ".", "•", "kst-1-2",
     "ISSN 0921 - 7371", "’s-Gravenhage 2020", "<sup>1</sup>", "<sup>2</sup> ", "**", "#", "---", "é", "\f"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def _check(parsed) -> None:
    text, body_end, notes = assemble(parsed)
    assert 0 <= body_end <= len(text)
    for note in notes:
        assert body_end <= note.start <= note.end <= len(text)
        if note.marker_start is not None:
            assert 0 <= note.marker_start <= body_end
    assert "\ue000" not in text and "\ue001" not in text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_pdf_text_never_breaks(text: str) -> None:
    _check(clean_pdf_text(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_markdown_never_breaks(text: str) -> None:
    _check(parse_markdown(text))
