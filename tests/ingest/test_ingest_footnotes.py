"""Footnotes: separated from the body, markers removed and linked."""
from __future__ import annotations

import pytest

from kg.ingest.footnotes import assemble, find_glued_marker, strip_glued_markers
from kg.ingest.markdown import parse_markdown
from kg.ingest.parsed import ParsedText

FURNITURE_STRINGS = ["ISSN", "kst-", "’s-Gravenhage", "Tweede Kamer, vergaderjaar"]


@pytest.mark.parametrize(
    ("text", "number", "word"),
    [
        ("De publicatie van de AIVD1 plaatst", "1", "AIVD"),
        ("Nederland (DTN)1 onderschrijft", "1", "(DTN)"),
        ("ondersteuning van gemeenten.5 Deze", "5", "gemeenten."),
        ("Michon Derkzen6 vraagt", "6", "Derkzen"),
        ("het lid Van der Werf (D»66)3 vroeg", "3", "(D»66)"),
        ("de brief van november 20172. Daarbij", "2", "november 2017"),
        ("brief van 31 mei 20224, dat de NCTV", "4", "31 mei 2022"),
        ("zij schreef dit in haar rapport9 en ging door", "9", "rapport"),
    ],
)
def test_glued_marker_found_after_its_word(text: str, number: str, word: str) -> None:
    pos = find_glued_marker(text, number)
    assert pos is not None
    assert text[:pos].endswith(word)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Dreigingsbeeld Terrorisme Nederland 36 (DTN 36)", "6"),
        ("in 2016 de afspraak", "6"),
        ("de uitstoot van CO2 daalt", "2"),
        ("artikel 3 van de wet", "3"),
        ("nr. 2419 van 2013/14", "9"),
        ("vraagnummer 2020Z10445", "5"),
    ],
)
def test_numbers_that_are_not_markers(text: str, number: str) -> None:
    assert find_glued_marker(text, number) is None


def test_markers_searched_in_order() -> None:
    body = "De AIVD1 en de NCTV2 melden. Het OM1 ook."
    stripped, offsets = strip_glued_markers(body, ["1", "2"])
    assert stripped == "De AIVD en de NCTV melden. Het OM1 ook."
    assert stripped[: offsets["1"]].endswith("AIVD")
    assert stripped[: offsets["2"]].endswith("NCTV")


def test_assemble_layout_and_offsets() -> None:
    parsed = ParsedText(
        body="De gemeente Utrecht1 vraagt steun.\n\nDe NCTV helpt.2",
        notes=[("1", "Brief van de gemeente."), ("2", "Kamerstuk 12 345, nr. 6."), ("3", "Los.")],
    )
    text, body_end, notes = assemble(parsed)
    assert text == (
        "De gemeente Utrecht vraagt steun.\n\nDe NCTV helpt."
        "\n\nBrief van de gemeente.\n\nKamerstuk 12 345, nr. 6.\n\nLos."
    )
    assert body_end == len("De gemeente Utrecht vraagt steun.\n\nDe NCTV helpt.")
    assert [text[n.start:n.end] for n in notes] == ["Brief van de gemeente.", "Kamerstuk 12 345, nr. 6.", "Los."]
    assert text[: notes[0].marker_start].endswith("Utrecht")
    assert notes[1].marker_start == body_end
    assert notes[2].marker_start is None and notes[2].marker_end is None


def test_markdown_sup_markers() -> None:
    parsed = parse_markdown(
        "Met deze brief<sup>1</sup> bied ik de rapportage aan.\n\n<sup>1</sup> Kamerstuk 29 754, nr. 253\n"
    )
    text, body_end, notes = assemble(parsed)
    assert text[:body_end] == "Met deze brief bied ik de rapportage aan."
    assert text[notes[0].start:notes[0].end] == "Kamerstuk 29 754, nr. 253"
    assert text[: notes[0].marker_start].endswith("Met deze brief")


@pytest.mark.parametrize(
    ("name", "number", "before_marker", "note_text"),
    [
        ("kst-29754-645.txt", "3", "Van der Werf (D»66)", "Kamerstuk 35 925 VI, nr. 69."),
        ("kst-29754-645.txt", "4", "mijn brief van 31 mei 2022", "Kamerstuk 29 754, nr. 160."),
        ("kst-29754-645.txt", "6", "Van der Plas en Michon Derkzen", "Kamerstuk 35 917, nr. 14."),
        ("kst-29754-645.txt", "5", "ondersteuning van gemeenten.",
         "In uitzonderlijke gevallen is het aansluiten bij een casusoverleg wel mogelijk als de Twbmt "
         "(Tijdelijke wet bestuurlijke maatregelen terrorismebestrijding) en de uitvoering van "
         "paspoortsignaleringen op grond van de Paspoortwet van toepassing zijn."),
        ("kst-29754-468.txt", "2", "«integrale aanpak terrorisme» van november 2017", "Kamerstuk 29 754, nr. 436"),
        ("kst-29754-251.txt", "1", "De publicatie van de AIVD",
         "AIVD publicatie «Transformatie van het Jihadisme in Nederland – zwermdynamiek en nieuwe slagkracht»"),
        ("kst-29754-251.txt", "4", "Zoals bij u bekend hebben 14 landen",
         "Nederland, Finland, Frankrijk, Estland, Oostenrijk, Letland, Zweden, Roemenië, Portugal, "
         "Spanje, Slovenië, Hongarije, Bulgarije, Litouwen."),
        ("antwoord-vragen-hazimi-beweging-2020.txt", "1", "afsplitsing van IS»?",
         "nrc.nl: 7 juni 2020 https://www.nrc.nl/nieuws/2020/06/07/"
         "onderzoek-dreiging-door-extreme-afsplitsing-van-is-a4002078."),
        ("kst-29754-326.md", "12", "De versterkingsgelden",
         "Kamerstuk 29 754, nr. 302 Brief «Versterking Veiligheidsketen», 27 februari 2015"),
    ],
)
def test_seed_footnotes(corpus_docs, name, number, before_marker, note_text) -> None:
    doc = corpus_docs[name]
    note = next(f for f in doc.footnotes if f.number == number)
    assert doc.text[note.start:note.end] == note_text
    assert note.marker_start is not None
    assert doc.text[: note.marker_start].endswith(before_marker)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("antwoord-vragen-hazimi-beweging-2020.txt", 4),
        ("kst-29754-251.txt", 11),
        ("kst-29754-326.md", 19),
        ("kst-29754-468.txt", 2),
        ("kst-29754-645.txt", 9),
    ],
)
def test_offsets_consistent(corpus_docs, name, count) -> None:
    doc = corpus_docs[name]
    assert [f.number for f in doc.footnotes] == [str(i) for i in range(1, count + 1)]
    position = doc.body_end
    for note in doc.footnotes:
        assert doc.text[position:note.start] == "\n\n"
        note_text = doc.text[note.start:note.end]
        assert note_text and "\n" not in note_text and note_text == note_text.strip()
        assert not note_text.startswith(f"{note.number} ")
        position = note.end
        assert note.marker_start == note.marker_end
        assert note.marker_start is not None and 0 < note.marker_start <= doc.body_end
    assert position == len(doc.text)
    markers = [n.marker_start for n in doc.footnotes]
    assert markers == sorted(markers)
    for furniture in FURNITURE_STRINGS:
        assert furniture not in doc.text
    assert "<sup>" not in doc.text and "\ue000" not in doc.text


def test_lost_footnote_marker_removed_from_body(corpus_docs) -> None:
    # kst-29754-468: the text lacks footnote 3, its marker must not stay glued
    doc = corpus_docs["kst-29754-468.txt"]
    assert "tische beweging te voorkomen. Binnen" in doc.text
