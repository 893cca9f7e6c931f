"""A corpus of every kind of bad file builds the good documents, says what it
skipped in one line per file, and never shows a traceback."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO

GOOD = ["kst-29754-251.txt", "kst-29754-468.txt"]
BIG_BYTES = 12 * 1024 * 1024


def _kamerkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=REPO)


def _bad_corpus(folder: Path, big: bool) -> Path:
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "oud-windows.txt").write_bytes("Café – «brief» van de minister: €5.\n".encode("cp1252"))
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "afbeelding.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "met-nul.md").write_bytes(b"De NCTV\x00meldt\x00iets.")
    (folder / "notulen.docx").write_bytes(b"PK\x03\x04 word")
    (folder / "zz-kopie-van-251.txt").write_bytes((CORPUS / "kst-29754-251.txt").read_bytes())
    if big:
        (folder / "groot-rapport.txt").write_text(_report_text(BIG_BYTES), encoding="utf-8")
    return folder


def _report_text(size: int) -> str:
    """A long evaluation report (no official id): mostly prose, an actor now and then,
    as such reports are; big enough to need sections, light enough for CI."""
    prose = ("In dit deel beschrijven de onderzoekers hoe de samenwerking tussen gemeenten, scholen en "
             "zorginstellingen zich de afgelopen jaren heeft ontwikkeld. Zij spraken met professionals, "
             "lazen verslagen van overleggen en vergeleken de werkwijzen in verschillende regio's. ")
    parts, length, n = [], 0, 0
    while length < size:
        n += 1
        paragraph = f"Paragraaf {n}\n\n{prose * 3}" + ("De NCTV ondersteunt de gemeenten hierbij. " if n % 20 == 0 else "")
        parts.append(paragraph + "\n\n")
        length += len(paragraph) + 2
    return "".join(parts)


SKIPPED = {
    "leeg.txt": "empty file",
    "afbeelding.txt": "binary",
    "met-nul.md": "NUL bytes",
    "notulen.docx": "unsupported file type .docx",
    "zz-kopie-van-251.txt": "duplicate document id kst-29754-251",
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("robust")
    corpus = _bad_corpus(root / "corpus", big=True)
    return corpus, root / "out", _kamerkg("build", str(corpus), "-o", str(root / "out"))


def test_bad_files_are_skipped_with_one_line_each(bad_build) -> None:
    corpus, out, result = bad_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.replace("\r", "\n").splitlines()
    for name, reason in SKIPPED.items():
        said = [line for line in lines if name in line]
        assert len(said) == 1 and reason in said[0] and said[0].endswith("skipped"), (name, said)
        assert f"skipped: {corpus / name}" in result.stdout  # the summary
    cp1252 = [line for line in lines if "oud-windows.txt" in line]
    assert len(cp1252) == 1 and "decoded as cp1252" in cp1252[0]
    assert re.search(r"^  skipped files\s+5$", result.stdout, re.M)


def test_good_documents_and_the_12mb_text_are_built(bad_build) -> None:
    import pyoxigraph as ox

    corpus, out, result = bad_build
    assert (corpus / "groot-rapport.txt").stat().st_size > BIG_BYTES
    assert re.search(r"^  documents\s+4$", result.stdout, re.M)  # 2 seeds, the cp1252 letter, the 12 MB text
    store = ox.Store()
    store.load(path=str(out / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    ids = {str(row["id"].value) for row in store.query(
        "SELECT ?id { ?d <https://w3id.org/kamerkg/def#inCorpus> true ; <http://purl.org/dc/terms/identifier> ?id }")}
    assert {"kst-29754-251", "kst-29754-468", "oud-windows", "groot-rapport"} <= ids


def test_strict_exits_2(tmp_path: Path) -> None:
    corpus = _bad_corpus(tmp_path / "corpus", big=False)
    result = _kamerkg("build", str(corpus), "-o", str(tmp_path / "out"), "--strict")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "kg.ttl").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["build", "{tmp}/nope", "-o", "{tmp}/out"], "no such folder"),
    (["build", "{corpus}", "-o", "{tmp}/file"], "is not a folder"),
    (["build", "{corpus}", "-o", "{tmp}/file/out"], "cannot write there"),
    (["build", "{corpus}", "--no-such-option", "-o", "{tmp}/out"], "No such option"),
    (["query"], "Missing argument"),
])
def test_user_errors_are_one_line_without_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "file").write_text("not a folder")
    args = [a.format(tmp=tmp_path, corpus=CORPUS) for a in args]
    result = _kamerkg(*args)
    assert result.returncode == 1
    said = [line for line in result.stderr.replace("\r", "\n").splitlines() if line.strip()]
    assert len(said) == 1 and message in said[0] and said[0].startswith("kamerkg: "), said
    debug = _kamerkg("--debug", *args)
    assert debug.returncode == 1 and "Traceback" in debug.stderr
