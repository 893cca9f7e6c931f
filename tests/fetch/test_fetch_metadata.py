"""metadata.xml -> dict: both published styles, question and document numbers."""
from __future__ import annotations

import pytest

from kg.fetch.metadata import MetadataError, normalise_type, parse_metadata_xml

ANSWER = """<?xml version="1.0" encoding="UTF-8"?>
<metadata_gegevens>
  <metadata name="DC.identifier" scheme="" content="ah-tk-20212022-1234"/>
  <metadata name="DC.type" scheme="OVERHEIDop.Parlementair" content="Aanhangsel van de Handelingen"/>
  <metadata name="DC.title" scheme="" content="Antwoord op vragen van het lid  Jansen over  deradicalisering"/>
  <metadata name="OVERHEIDop.vergaderjaar" scheme="" content="2021–2022"/>
  <metadata name="OVERHEIDop.vraagnummer" scheme="" content="2022Z01234"/>
  <metadata name="OVERHEIDop.indiener" scheme="" content="P. Jansen"/>
  <metadata name="OVERHEIDop.indiener" scheme="" content="K. de Vries"/>
  <metadata name="OVERHEIDop.datumIndiening" scheme="" content="2022-01-20"/>
  <metadata name="OVERHEIDop.datumOntvangst" scheme="" content="2022-02-14"/>
  <metadata name="DCTERMS.issued" scheme="OVERHEID.Date" content="2022-02-16"/>
  <metadata name="DCTERMS.available" scheme="OVERHEID.Date" content="2022-02-16"/>
</metadata_gegevens>""".encode()

LETTER_OWMS = b"""<?xml version="1.0"?>
<owms-metadata xmlns:dcterms="http://purl.org/dc/terms/" xmlns:o="http://standaarden.overheid.nl/wetgeving/">
  <owmskern>
    <dcterms:identifier>kst-35925-VI-69</dcterms:identifier>
    <dcterms:title>Vaststelling begroting Justitie en Veiligheid; Brief regering</dcterms:title>
    <dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type>
  </owmskern>
  <owmsmantel><dcterms:issued>2021-10-05</dcterms:issued></owmsmantel>
  <tpmeta>
    <o:dossiernummer>35925-VI</o:dossiernummer>
    <o:ondernummer>69</o:ondernummer>
    <o:vergaderjaar>2021-2022</o:vergaderjaar>
    <o:publicatienaam>Kamerstuk</o:publicatienaam>
    <o:documenttitel>Brief regering; Stand van zaken</o:documenttitel>
    <o:kenmerk>2021D37012</o:kenmerk>
  </tpmeta>
</owms-metadata>"""


def test_an_answer_keeps_its_question_number_dates_and_indieners():
    meta = parse_metadata_xml(ANSWER)
    assert meta["id"] == "ah-tk-20212022-1234"
    assert meta["type"] == "antwoord_schriftelijke_vragen"
    assert meta["vraagnummer"] == "2022Z01234"
    assert meta["date"] == "2022-02-14"  # received beats published
    assert (meta["submitted"], meta["issued"]) == ("2022-01-20", "2022-02-16")
    assert meta["vergaderjaar"] == "2021-2022"
    assert meta["indiener"] == "P. Jansen" and meta["indieners"] == ["P. Jansen", "K. de Vries"]
    assert meta["title"] == "Antwoord op vragen van het lid Jansen over deradicalisering"
    assert meta["dossier"] is None and meta["document_number"] is None


def test_the_element_style_gives_dossier_number_type_and_document_number():
    meta = parse_metadata_xml(LETTER_OWMS)
    assert (meta["id"], meta["dossier"], meta["number"]) == ("kst-35925-VI-69", "35925-VI", "69")
    assert meta["type"] == "brief"
    assert meta["date"] == "2021-10-05"
    assert meta["document_number"] == "2021D37012"
    assert meta["vraagnummer"] is None and meta["indieners"] == []


def test_a_letter_date_beats_the_publication_date_and_bad_numbers_are_dropped():
    data = b"""<metadata_gegevens>
      <metadata name="DC.identifier" content="kst-29754-700"/>
      <metadata name="DC.type" content="Kamerstuk"/>
      <metadata name="OVERHEIDop.KamerstukType" content="Motie"/>
      <metadata name="OVERHEIDop.datumBrief" content="2023-03-01T00:00:00"/>
      <metadata name="DCTERMS.issued" content="2023-03-07"/>
      <metadata name="OVERHEIDop.vraagnummer" content="vraag 12"/>
      <metadata name="OVERHEIDop.documentnummer" content="2023D0912"/>
    </metadata_gegevens>"""
    meta = parse_metadata_xml(data)
    assert meta["date"] == "2023-03-01"
    assert meta["type"] == "motie"
    assert meta["vraagnummer"] is None  # not of the Zaak.Nummer shape
    assert meta["document_number"] is None  # one digit short


@pytest.mark.parametrize("types, expected", [
    (["Kamerstuk", "Brief regering"], "brief"),
    (["Kamerstuk", "Motie"], "motie"),
    (["Kamerstuk", "Nota naar aanleiding van het verslag"], "nota"),
    (["Kamerstuk", "Verslag van een schriftelijk overleg"], "verslag"),
    (["Kamervragen zonder antwoord"], "schriftelijke_vragen"),
    (["Kamerstuk"], "other"),
    ([], "other"),
])
def test_source_types_map_to_kamerkg_types(types, expected):
    assert normalise_type(types) == expected


@pytest.mark.parametrize("data", [b"", b"not xml", b"<html><body></body></html>"])
def test_not_metadata_is_an_error(data):
    with pytest.raises(MetadataError):
        parse_metadata_xml(data)
