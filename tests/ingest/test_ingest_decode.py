"""Decoding and bad input: one-line errors naming the file, the rest goes on."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from kg.ingest import IngestError, Skipped, iter_corpus, read_corpus, read_document
from kg.ingest.decode import normalise_text

LETTER = " Ik bied u de rapportage aan. \n\nDe Minister van Justitie en Veiligheid, \nA.B. de Vries\n"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "brief.txt", b"\xef\xbb\xbf" + "Café «test» is geopend.\n".encode())
    doc = read_document(path)
    assert doc.text == "Café «test» is geopend."
    assert doc.id == "brief"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_cp1252_decoded_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write(tmp_path, "oud-bestand.txt", "Café «test» – één euro: €1.\n".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        doc = read_document(path)
    assert doc.text == "Café «test» – één euro: €1."
    assert any("oud-bestand.txt" in r.getMessage() and "cp1252" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("leeg.txt", b"", "empty"),
        ("spaties.md", b"  \n\n \t\n", "empty"),
        ("nul.txt", b"tekst\x00met\x00nul", "NUL"),
        ("ruis.txt", bytes(range(1, 9)) * 200 + b"abc", "binary"),
        ("brief.docx", b"PK\x03\x04 whatever", "unsupported file type .docx"),
        ("zonder-extensie", b"tekst", "unsupported file type (none)"),
    ],
)
def test_bad_files_raise_one_line_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message
    assert name in message and reason in message
    assert info.value.path == path


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot be read"):
        read_document(tmp_path / "weg.txt")


def test_uppercase_extension_accepted(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "BRIEF.TXT", LETTER.encode()))
    assert doc.metadata.signatories == ["A.B. de Vries"]


def test_corpus_order_and_skips(tmp_path: Path) -> None:
    _write(tmp_path, "b-brief.txt", LETTER.encode())
    _write(tmp_path, "a-brief.md", b"# Kop\n\nTekst.\n")
    _write(tmp_path, "c-leeg.txt", b"")
    _write(tmp_path, "d-plaatje.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(tmp_path, "README.md", b"# Over deze map\n")
    _write(tmp_path, ".verborgen.txt", b"geheim")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "e-brief.txt", LETTER.encode())
    docs, skipped = read_corpus(tmp_path)
    assert [Path(d.source).name for d in docs] == ["a-brief.md", "b-brief.txt", "e-brief.txt"]
    assert [s.path.name for s in skipped] == ["c-leeg.txt", "d-plaatje.png"]
    assert all(isinstance(s, Skipped) and "\n" not in str(s) for s in skipped)


def test_iter_corpus_without_callback_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _write(tmp_path, "a.txt", b"\x00\x01")
    _write(tmp_path, "b.txt", LETTER.encode())
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        docs = list(iter_corpus(tmp_path))
    assert [d.id for d in docs] == ["b"]
    assert any("a.txt" in r.getMessage() for r in caplog.records)


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such folder"):
        list(iter_corpus(tmp_path / "nergens"))


def test_bundled_corpus_reads_all_five(corpus_dir: Path) -> None:
    docs, skipped = read_corpus(corpus_dir)
    assert skipped == []
    assert [d.id for d in docs] == [
        "antwoord-vragen-hazimi-beweging-2020",
        "kst-29754-251",
        "kst-29754-326",
        "kst-29754-468",
        "kst-29754-645",
    ]
    for doc in docs:
        raw = (corpus_dir / Path(doc.source).name).read_bytes()
        assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_normalise_text() -> None:
    assert normalise_text("a\u00a0b\u2009c\r\nd") == "a b c\nd"
    assert normalise_text("Yes\u0327ilgo\u0308z") == "Yeşilgöz"
    assert normalise_text("\ufb01nanciering veilig\u00ad\nheid ge\u00adval") == "financiering veilig-\nheid geval"
    assert normalise_text("zero\u200bwidth") == "zerowidth"
