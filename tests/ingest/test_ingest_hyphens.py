"""Line-end hyphens: syllable breaks joined, real compounds kept."""
from __future__ import annotations

import pytest

from kg.ingest.hyphens import Vocabulary, join_hyphenated, keep_hyphen
from kg.ingest.pdftext import clean_pdf_text

EMPTY = Vocabulary()


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # real line ends of the seeds
        ("vormt voor onze democra-", "tische rechtsorde", "vormt voor onze democratische rechtsorde"),
        ("binnen het veilig-", "heidshuis contact", "binnen het veiligheidshuis contact"),
        ("waar Europese contra-", "terroristisme organisaties", "waar Europese contraterroristisme organisaties"),
        ("als rechts-", "extremistische hoek", "als rechts-extremistische hoek"),
        ("subjecten. Vanzelf-", "sprekend worden", "subjecten. Vanzelfsprekend worden"),
        ("kader van de Sanctierege-", "ling terrorisme", "kader van de Sanctieregeling terrorisme"),
        ("de uitvoering van paspoort-", "signaleringen op", "de uitvoering van paspoortsignaleringen op"),
        ("de internationaal geïntensifieerde informatie-", "uitwisseling benut",
         "de internationaal geïntensifieerde informatie-uitwisseling benut"),
        ("https://www.nrc.nl/nieuws/2020/06/07/onderzoek-dreiging-door-extreme-",
         "afsplitsing-van-is-a4002078.",
         "https://www.nrc.nl/nieuws/2020/06/07/onderzoek-dreiging-door-extreme-afsplitsing-van-is-a4002078."),
        # lines written for this test
        ("de inlichtingen-", "en veiligheidsdiensten", "de inlichtingen- en veiligheidsdiensten"),
        ("tegen de anti-", "ISIS coalitie", "tegen de anti-ISIS coalitie"),
        ("met andere EU-", "landen", "met andere EU-landen"),
        ("de extra politie-", "inzet", "de extra politie-inzet"),
        ("een ex-", "gedetineerde", "een ex-gedetineerde"),
        ("in de periode 2019-", "2022", "in de periode 2019-2022"),
        ("de burgemees-", "ter besloot", "de burgemeester besloot"),
    ],
)
def test_join_hyphenated_rules(left: str, right: str, expected: str) -> None:
    assert join_hyphenated(left, right, EMPTY) == expected


def test_document_evidence_keeps_a_name_compound() -> None:
    # Without evidence a capitalised part at a line end reads as a syllable …
    assert join_hyphenated("dat de Hazimi-", "beweging", EMPTY) == "dat de Hazimibeweging"
    # … but the document writes the compound with a hyphen elsewhere.
    vocab = Vocabulary.from_lines(["aanhangers van de Hazimi-beweging voeren", "dat de Hazimi-"])
    assert join_hyphenated("dat de Hazimi-", "beweging", vocab) == "dat de Hazimi-beweging"


def test_document_evidence_joins_a_known_word() -> None:
    vocab = Vocabulary.from_lines(["de Syriëgangers reisden uit"])
    assert join_hyphenated("vier Syrië-", "gangers", vocab) == "vier Syriëgangers"


def test_capitalised_name_used_alone_keeps_hyphen() -> None:
    vocab = Vocabulary.from_lines(["Europol werkt samen met"])
    assert keep_hyphen("Europol", "medewerkers", vocab)
    # at a sentence start a capital says nothing about names
    assert not keep_hyphen("Europol", "medewerkers", vocab, sentence_start=True)
    assert not keep_hyphen("Neder", "landse", vocab)


def test_vocabulary_ignores_words_cut_at_line_end() -> None:
    vocab = Vocabulary.from_lines(["gaat over tot democra-", "tische waarden"])
    assert "democra" not in vocab.words
    assert "tische" in vocab.words


def test_hyphens_in_seed_000_lines() -> None:
    # seed 000 lines: the name compound keeps its hyphen, syllables join
    text = (
        " In het rapport wordt gesteld dat de Hazimi-\n"
        "beweging als extremer geldt. De Hazimi-beweging is klein en de \n"
        "handelingsperspec-\n"
        "tieven zijn afgestemd met de organisa-\n"
        "ties en de inlichtingen- en veilig-\n"
        "heidsdiensten. \n"
    )
    body = clean_pdf_text(text).body
    assert "de Hazimi-beweging als extremer" in body
    assert "handelingsperspectieven zijn afgestemd met de organisaties" in body
    assert "inlichtingen- en veiligheidsdiensten." in body
