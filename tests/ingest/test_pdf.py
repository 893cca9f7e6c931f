"""PDF: a seed rendered to PDF reads back as the seed's .txt does."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from kg.ingest import IngestError, read_document
from tests.ingest.conftest import CORPUS
from tests.ingest.pdfmake import pages_from_pdftotext, write_pdf

TXT_SEEDS = ["kst-29754-251.txt", "kst-29754-468.txt", "antwoord-vragen-hazimi-beweging-2020.txt"]


@pytest.mark.parametrize("name", TXT_SEEDS)
def test_seed_rendered_to_pdf_reads_like_its_text(tmp_path: Path, name: str) -> None:
    source = CORPUS / name
    from_txt = read_document(source)
    pdf = write_pdf(tmp_path / (source.stem + ".pdf"), pages_from_pdftotext(source.read_text()))
    from_pdf = read_document(pdf)
    assert from_pdf.id == from_txt.id
    assert from_pdf.metadata == from_txt.metadata
    assert [f.number for f in from_pdf.footnotes] == [f.number for f in from_txt.footnotes]
    ratio = difflib.SequenceMatcher(None, from_txt.text, from_pdf.text, autojunk=False).ratio()
    assert ratio > 0.995, ratio
    assert from_pdf.source.endswith(".pdf")


def test_self_written_pdf_with_footnote(tmp_path: Path) -> None:
    pages = [["Den Haag, 3 maart 2023", "", "De gemeente Zwolle start een proef met",
              "buurtmentoren tegen radicalisering.1 Dat meldt de burgemeester.", "",
              "1 Zie het jaarverslag van de gemeente."]]
    doc = read_document(write_pdf(tmp_path / "brief.pdf", pages))
    assert "buurtmentoren tegen radicalisering. Dat meldt" in doc.text
    assert [doc.text[f.start:f.end] for f in doc.footnotes] == ["Zie het jaarverslag van de gemeente."]
    assert doc.metadata.date == "2023-03-03"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"<html>not a pdf</html>", "not a PDF"),
    (b"%PDF-1.4\n1 0 obj <<", "damaged PDF"),
])
def test_bad_pdfs_are_one_line_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "stuk.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert reason in str(info.value) and "stuk.pdf" in str(info.value)
    assert "\n" not in str(info.value)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [[""]])
    with pytest.raises(IngestError, match="without a text layer"):
        read_document(path)
