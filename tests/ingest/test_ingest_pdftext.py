"""Cleaning PDF-extracted text: furniture, footnote blocks, paragraphs."""
from __future__ import annotations

import pytest

from kg.ingest.pdftext import clean_pdf_text, is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Tweede Kamer, vergaderjaar 2013–2014, 29 754, nr. 251 7",
        "kst-29754-645",
        "ISSN 0921 - 7371",
        "’s-Gravenhage 2022 Tweede Kamer, vergaderjaar 2021–2022, 29 754, nr. 645 1",
        "’s-Gravenhage 2018",
        "Eerste Kamer, vergaderjaar 2019-2020, 35 300 VI, nr. 12 3",
        "12",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "De Tweede Kamer heeft onlangs gesproken over de analyse",
        "2 Kamerstuk 29 754, nr. 422, p. 3",
        "kst-29754-645 wordt hier genoemd",
        "2013–2014, nr. 1275.",
        "1234",
    ],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


# A two-page letter written for this test in the layout of pdftotext output:
# wrapped lines end in a space, footnotes sit at the page bottom, the page
# furniture follows, and the next page's first line starts with a space.
PAGES = (
    " De burgemeester van Utrecht heeft de NCTV1 gevraagd om een nieuwe \n"
    "aanpak van radicalisering2, die volgens de gemeente snel moet worden \n"
    "\n"
    "1 Zie de brief van de gemeente Utrecht van 3 maart 2021 over de \n"
    "lokale aanpak.\n"
    "2 Kamerstuk 12 345, nr. 6.\n"
    "\n"
    "kst-12345-7\n"
    "ISSN 0921 - 7371\n"
    "’s-Gravenhage 2021 Tweede Kamer, vergaderjaar 2020–2021, 12 345, nr. 7 1\n"
    "\n"
    "\n"
    " uitgevoerd. Ik stem daarmee in. \n"
    "\n"
    "1 Inleiding \n"
    "\n"
    "\n"
    "\n"
    "Tot slot \n"
    "\n"
    "Ik informeer uw Kamer voor de zomer over de voortgang van deze \n"
    "aanpak. \n"
    "\n"
    "2\n"
)


def test_footnotes_lifted_sentence_mended_numbered_heading_kept() -> None:
    parsed = clean_pdf_text(PAGES)
    assert parsed.body.split("\n\n") == [
        "De burgemeester van Utrecht heeft de NCTV1 gevraagd om een nieuwe aanpak van "
        "radicalisering2, die volgens de gemeente snel moet worden uitgevoerd. Ik stem daarmee in.",
        "1 Inleiding",
        "Tot slot",
        "Ik informeer uw Kamer voor de zomer over de voortgang van deze aanpak.",
    ]
    assert parsed.notes == [
        ("1", "Zie de brief van de gemeente Utrecht van 3 maart 2021 over de lokale aanpak."),
        ("2", "Kamerstuk 12 345, nr. 6."),
    ]
    assert parsed.furniture[0] == "kst-12345-7"
    assert parsed.furniture[-1] == "2"


def test_footnote_with_blank_line_inside_ends_at_furniture() -> None:
    # real lines of kst-29754-645 page 1: footnote 2 runs over a blank line
    text = (
        " Het Dreigingsbeeld (DTN)1 onderschrijft dit en wij blijven terrorisme \n"
        "bestrijden.2 \n\n"
        "1 Dreigingsbeeld Terrorisme Nederland 56 (Bijlage bij Kamerstuk 29 754, nr. 640).\n"
        "2 Zie onder meer: Nationale Contraterrorisme Strategie 2022–2026 (Bijlage bij Kamerstuk 29 754, \n"
        "\n"
        "nr. 641).\n"
        "\n \n \nkst-29754-645\nISSN 0921 - 7371\n"
        "’s-Gravenhage 2022 Tweede Kamer, vergaderjaar 2021–2022, 29 754, nr. 645 1\n\n\n\n"
        "Georganiseerde criminaliteit en extremisme en terrorisme \n"
    )
    parsed = clean_pdf_text(text)
    assert parsed.notes[1] == (
        "2",
        "Zie onder meer: Nationale Contraterrorisme Strategie 2022–2026 "
        "(Bijlage bij Kamerstuk 29 754, nr. 641).",
    )
    assert parsed.body.endswith("Georganiseerde criminaliteit en extremisme en terrorisme")
    assert "ISSN" not in parsed.body and "kst-" not in parsed.body


def test_numbered_list_is_not_a_footnote_and_bullets_are_paragraphs() -> None:
    text = (
        " Het kabinet neemt de volgende maatregelen: \n"
        "\n"
        "• Uitschrijven uit de basisadministratie: ruim dertig personen zijn \n"
        "\n"
        "uitgeschreven. \n"
        "• Paspoortmaatregel: 29 paspoorten zijn gesignaleerd. \n"
    )
    body = clean_pdf_text(text).body.split("\n\n")
    assert body == [
        "Het kabinet neemt de volgende maatregelen:",
        "• Uitschrijven uit de basisadministratie: ruim dertig personen zijn uitgeschreven.",
        "• Paspoortmaatregel: 29 paspoorten zijn gesignaleerd.",
    ]


def test_text_without_trailing_spaces_uses_short_lines() -> None:
    text = (
        "Dit is een lange regel die het extractieprogramma zonder spatie aan het\n"
        "eind heeft afgebroken, zoals andere programma's dat doen bij het\n"
        "omzetten van een pdf.\n"
        "Een nieuwe alinea begint hier en loopt door tot het einde van de regel\n"
        "en nog iets verder.\n"
    )
    assert clean_pdf_text(text).body.split("\n\n") == [
        "Dit is een lange regel die het extractieprogramma zonder spatie aan het eind heeft "
        "afgebroken, zoals andere programma's dat doen bij het omzetten van een pdf.",
        "Een nieuwe alinea begint hier en loopt door tot het einde van de regel en nog iets verder.",
    ]


def test_a_speakers_line_is_a_paragraph_without_blank_lines() -> None:
    text = (
        "Ik heet de minister van harte welkom. De spreektijd per fractie is vijf minuten, zoals altijd in dit soort debatten.\n"
        "De heer Wilders (PVV):\n"
        "Mevrouw de voorzitter. Opnieuw een gruweldaad, dit keer in Brussel, en dat zeg ik hier vandaag heel duidelijk.\n"
    )
    assert clean_pdf_text(text).body.split("\n\n") == [
        "Ik heet de minister van harte welkom. De spreektijd per fractie is vijf minuten, zoals altijd in dit soort debatten.",
        "De heer Wilders (PVV):",
        "Mevrouw de voorzitter. Opnieuw een gruweldaad, dit keer in Brussel, en dat zeg ik hier vandaag heel duidelijk.",
    ]


@pytest.mark.parametrize("line,speaker", [
    ("De heer Wilders (PVV):", True), ("Mevrouw Van der Werf (D66):", True), ("De voorzitter:", True),
    ("Minister Yeşilgöz-Zegerius:", True), ("De minister van Justitie en Veiligheid:", True),
    ("Minister Grapperhaus heeft het volgende geschreven over de zaak:", False),
    ("Minister van Justitie en Veiligheid heeft gezegd:", False),
])
def test_speaker_lines(line: str, speaker: bool) -> None:
    from kg.ingest.pdftext import SPEAKER_HEADING

    assert bool(SPEAKER_HEADING.match(line)) is speaker


def test_odd_whitespace_collapsed() -> None:
    body = clean_pdf_text(" Er  zijn \t  drie   spaties. \n").body
    assert body == "Er zijn drie spaties."


def test_seed_251_cleaning(corpus_docs) -> None:
    doc = corpus_docs["kst-29754-251.txt"]
    body = doc.text[: doc.body_end]
    # a sentence cut by footnote 1 at the page bottom is whole again
    assert "ideologie die steeds openlijker wordt gepropageerd." in body
    assert "een dreiging vormt voor onze democratische rechtsorde" in body
    assert "Europese Syriëgangers" in body
    assert "nr. 251 7" not in doc.text
    assert "\n\nIntegrale aanpak jihadisme en jihadgang\n\n" in body
    assert "\n\n\n" not in doc.text
    assert body.endswith("De Minister van Veiligheid en Justitie,\n\nI.W. Opstelten")


def test_seed_answer_questions_are_paragraphs(corpus_docs) -> None:
    doc = corpus_docs["antwoord-vragen-hazimi-beweging-2020.txt"]
    paragraphs = doc.text[: doc.body_end].split("\n\n")
    assert "Vraag 3" in paragraphs and "Antwoord 7" in paragraphs
    assert "Ja." in paragraphs
    assert any(p.startswith("Is bij u bekend hoeveel Nederlandse oud-IS aanhangers") for p in paragraphs)
    assert "de Hazimi-beweging" in doc.text


def test_seed_645_cleaning(corpus_docs) -> None:
    doc = corpus_docs["kst-29754-645.txt"]
    assert "binnen het veiligheidshuis contact" in doc.text
    assert "rechts-extremistische hoek" in doc.text
    assert "D. Yeşilgöz-Zegerius" in doc.text  # combining cedilla composed (NFC)


def test_numbered_heading_without_marker_is_body() -> None:
    parsed = clean_pdf_text(" Deze rapportage kent twee delen. \n\n1 Inleiding \n\nDe aanpak werkt. \n")
    assert parsed.notes == []
    assert parsed.body.split("\n\n") == ["Deze rapportage kent twee delen.", "1 Inleiding", "De aanpak werkt."]
