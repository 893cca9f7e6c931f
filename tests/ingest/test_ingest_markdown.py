"""Markdown renderings: title block, headings, inline markup, cut paragraphs."""
from __future__ import annotations

from kg.ingest.footnotes import assemble
from kg.ingest.markdown import inline_text, parse_markdown

LETTER = """Vergaderjaar 2020–2021

**12 345 VI**

**Nr. 7**

## **BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID**

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 2 maart 2021

De gemeente Utrecht<sup>1</sup> vraagt **extra** steun voor de [lokale](https://example.org/a) aanpak van de (interna-

<sup>1</sup> Zie [www.utrecht.nl](https://www.utrecht.nl) en <https://example.org/b_c>

---

tionale) dreiging. Ik stem in.<sup>2</sup>

### Tot slot

<sup>2</sup> Kamerstuk 12 345, nr. 6.

Ik informeer uw Kamer.

De Minister van Justitie en Veiligheid,  
A.B. de Vries
"""


def test_markdown_letter_written_for_test() -> None:
    parsed = parse_markdown(LETTER)
    assert parsed.header == ["Vergaderjaar 2020–2021", "12 345 VI", "Nr. 7"]
    text, body_end, notes = assemble(parsed)
    assert text[:body_end].split("\n\n") == [
        "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 2 maart 2021",
        "De gemeente Utrecht vraagt extra steun voor de lokale aanpak van de (internationale) "
        "dreiging. Ik stem in.",
        "Tot slot",
        "Ik informeer uw Kamer.",
        "De Minister van Justitie en Veiligheid,",
        "A.B. de Vries",
    ]
    assert [text[n.start:n.end] for n in notes] == [
        "Zie www.utrecht.nl en https://example.org/b_c",
        "Kamerstuk 12 345, nr. 6.",
    ]
    assert text[: notes[1].marker_start].endswith("Ik stem in.")


def test_heading_is_never_joined_to_the_next_paragraph() -> None:
    parsed = parse_markdown("Tekst zonder punt aan het eind\n\n## kop\n\nvolgende alinea.\n")
    assert parsed.body.split("\n\n") == ["Tekst zonder punt aan het eind", "kop", "volgende alinea."]


def test_inline_markup() -> None:
    assert inline_text("**vet** en *schuin* en _ook_ en `code`") == "vet en schuin en ook en code"
    assert inline_text("snake_case_name blijft") == "snake_case_name blijft"
    assert inline_text("A &amp; B \\*ster\\*") == "A & B *ster*"


def test_seed_326_mended_paragraphs(corpus_docs) -> None:
    doc = corpus_docs["kst-29754-326.md"]
    body = doc.text[: doc.body_end]
    assert "al naar gelang de (internationale) ontwikkelingen" in body
    assert "Gouda, Huizen, Rotterdam, Utrecht en Zoetermeer)" in body
    assert "Met deze exit-faciliteit wordt invulling gegeven" in body
    assert "**" not in doc.text and "##" not in doc.text and "---" not in doc.text
    assert body.startswith("BRIEF VAN DE MINISTERS VAN VEILIGHEID EN JUSTITIE")
