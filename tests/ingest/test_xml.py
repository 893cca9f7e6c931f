"""officielebekendmakingen XML and metadata.xml."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import IngestError, corpus_files, read_document
from tests.ingest.conftest import CORPUS
from tests.ingest.seedxml import kamerstuk_xml

META = """<?xml version="1.0" encoding="UTF-8"?>
<metadata_gegevens>
  <metadata name="DC.identifier" scheme="" content="kst-29754-999"/>
  <metadata name="DC.title" content="Terrorismebestrijding; Brief regering; Voortgang"/>
  <metadata name="DC.type" content="Kamerstuk"/>
  <metadata name="OVERHEIDop.documenttype" content="Brief"/>
  <metadata name="DCTERMS.issued" content="2022-06-13"/>
  <metadata name="OVERHEIDop.vergaderjaar" content="2021-2022"/>
</metadata_gegevens>
"""

QA = """<?xml version="1.0" encoding="UTF-8"?>
<aanhangsel><vraagdocument>
<kamervragen><kop><titel>Vragen van het lid Jansen (XYZ) over drones bij stadions</titel></kop></kamervragen>
<vraag><nr>1</nr><al>Klopt het dat de politie drones inzet bij <nadruk>elk</nadruk> stadion?<noot nr="1"><noot.al>Zie het bericht in de krant.</noot.al></noot></al></vraag>
<antwoord><nr>1</nr><al>Nee. De burgemeester beslist per wedstrijd.</al></antwoord>
<ondertekening><functie>De Minister van Justitie en Veiligheid,</functie><naam>P. de Groot</naam></ondertekening>
</vraagdocument></aanhangsel>
"""


@pytest.fixture(scope="module")
def seed():
    return read_document(CORPUS / "kst-29754-645.txt")


def test_seed_as_xml_reads_like_its_text(tmp_path: Path, seed) -> None:
    path = tmp_path / "kst-29754-645.xml"
    path.write_text(kamerstuk_xml(seed), encoding="utf-8")
    doc = read_document(path)
    assert doc.id == "kst-29754-645"
    assert doc.metadata.vergaderjaar == "2021-2022"
    assert doc.text == seed.text
    assert [(f.number, f.marker_start) for f in doc.footnotes] == [(f.number, f.marker_start) for f in seed.footnotes]
    assert doc.metadata.signatories == seed.metadata.signatories


@pytest.mark.parametrize("layout", ["beside", "folder"])
def test_metadata_xml_wins_over_the_text(tmp_path: Path, seed, layout: str) -> None:
    folder = tmp_path / "kst-29754-645" if layout == "folder" else tmp_path
    folder.mkdir(exist_ok=True)
    path = folder / "kst-29754-645.xml"
    path.write_text(kamerstuk_xml(seed), encoding="utf-8")
    (folder / ("metadata.xml" if layout == "folder" else "kst-29754-645.metadata.xml")).write_text(META)
    doc = read_document(path)
    assert doc.id == "kst-29754-999" and doc.metadata.number == "999"
    assert doc.metadata.title.startswith("Terrorismebestrijding; Brief regering")
    assert doc.metadata.date == "2022-06-13" and doc.metadata.year == 2022
    assert doc.metadata.type == "brief"
    assert [p.name for p in corpus_files(tmp_path)] == ["kst-29754-645.xml"]  # the sidecar is no document


def test_metadata_xml_applies_to_a_text_file_too(tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_text("De politie zet drones in.\n")
    (tmp_path / "brief.metadata.xml").write_text(META)
    assert read_document(tmp_path / "brief.txt").id == "kst-29754-999"


def test_questions_answers_signature_and_note(tmp_path: Path) -> None:
    path = tmp_path / "ah-tk-20222023-1.xml"
    path.write_text(QA, encoding="utf-8")
    doc = read_document(path)
    body = doc.text[:doc.body_end]
    assert "Vraag 1\n\nKlopt het dat de politie drones inzet bij elk stadion?" in body
    assert "Antwoord 1\n\nNee. De burgemeester beslist per wedstrijd." in body
    assert doc.text[doc.footnotes[0].start:doc.footnotes[0].end] == "Zie het bericht in de krant."
    assert body[doc.footnotes[0].marker_start - 1] == "?"
    assert body.endswith("De Minister van Justitie en Veiligheid,\n\nP. de Groot")
    assert doc.metadata.type == "antwoord_schriftelijke_vragen"


@pytest.mark.parametrize(("data", "reason"), [
    (b"<kamerstuk><al>open", "not well-formed XML"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "entities"),
    (b"   ", "empty"),
])
def test_bad_xml_is_a_one_line_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "stuk.xml"
    path.write_bytes(data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert reason in str(info.value) and "stuk.xml" in str(info.value) and "\n" not in str(info.value)
