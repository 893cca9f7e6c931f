"""Citations: every written form of GUIDELINES.md to its official id."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.citations import OFFICIAL_ID_SHAPE, CitationMatch, parse_citations
from kg.model import Document, Metadata

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def ids(text: str, **kwargs) -> list[str]:
    return [c.id for c in parse_citations(text, **kwargs)]


# --- every form, on sentences written for these tests ------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De regering verwijst naar Kamerstuk 31 015, nr. 87 voor details.", ["kst-31015-87"]),
        ("Het rapport (Kamerstuk 36 200 VI, nr. 12) volgt.", ["kst-36200-VI-12"]),
        ("Dit staat in Kamerstuk 36\u00a0200-VI, nr.\u00a05.", ["kst-36200-VI-5"]),
        ("De Eerste Kamer kreeg Kamerstuk 35 300, VI, B toegezonden.", ["kst-35300-VI-B"]),
        ("Zie Kamerstukken 31 015 en 28 684, nr. 90 over dit onderwerp.", ["kst-31015-90"]),
        ("Eerder gemeld in Kamerstukken II 2016/17, 31 015, nr. 140.", ["kst-31015-140"]),
        ("Eerder gemeld in Kamerstukken II, vergaderjaar 2016\u20132017, 31 015, nr. 141.", ["kst-31015-141"]),
        ("Het antwoord staat in Aanhangsel Handelingen, vergaderjaar 2021\u20132022, nr. 1204.",
         ["ah-tk-20212022-1204"]),
        ("Vergelijk Aanhangsel Handelingen II 2016/17, nr. 77.", ["ah-tk-20162017-77"]),
        ("Aanhangsel Handelingen I 2016/17, nr. 8 bevat het antwoord.", ["ah-ek-20162017-8"]),
        ("Tijdens het debat (Handelingen II 2022/23, nr. 12, item 4) zei de minister dit.",
         ["h-tk-20222023-12-4"]),
        ("Zo bleek uit Handelingen II 2009/10, nr. 44.", ["h-tk-20092010-44"]),
        ("Het debat in de senaat (Handelingen I 2020/21, nr. 9, item 3) liep uit.", ["h-ek-20202021-9-3"]),
        ("Het debat in de senaat (Handelingen (Eerste Kamer) 2020-2021, nr. 9) liep uit.", ["h-ek-20202021-9"]),
        ("Zo sprak de senaat (Handelingen I (Eerste Kamer) 2020/21, nr. 9, item 2) erover.", ["h-ek-20202021-9-2"]),
        ("Zo sprak de senaat (Handelingen Eerste Kamer 2020/21, nr. 9) erover.", ["h-ek-20202021-9"]),
        ("Deze vragen volgen op eerdere vragen (vraagnummer 2023Z01234).", ["kv-tk-2023Z01234"]),
        ("Zie de publicatie kst-31015-200 op de site.", ["kst-31015-200"]),
        ("Bron: https://zoek.officielebekendmakingen.nl/ah-tk-20212022-99.html", ["ah-tk-20212022-99"]),
        ("Beide brieven (Kamerstukken 31 015, nrs. 150 en 152) gaan hierover.", ["kst-31015-150", "kst-31015-152"]),
        ("conform de motie (Kamerstuknummer 31 015, nr. 376) is dit gedaan.", ["kst-31015-376"]),
        ("Zie Kamerstuk 31 015, nrs. 150, 151 en 152.", ["kst-31015-150", "kst-31015-151", "kst-31015-152"]),
        ("Zoals gemeld (Kamerstuk 31 015,\nnr. 160) gaat het door.", ["kst-31015-160"]),
        ("Zoals gemeld (Kamerstuk 31\n015, nr.\n\n161) gaat het door.", ["kst-31015-161"]),
        ("Het dossier 21 501-20 (Kamerstuk 21 501-20, nr. 1800) betreft de JBZ-raad.", ["kst-21501-20-1800"]),
        ("Tweede Kamer, vergaderjaar 2016\u20132017, 31 015, nr. 142", ["kst-31015-142"]),
        ("Moties (Kamerstukken II 2002/03, 31 015, nr. 76 en 77) gaan hierover.", ["kst-31015-76", "kst-31015-77"]),
        ("Moties (Kamerstukken II 2002/03, 31 015, nr. 78 en 28 600 V, nr. 28) ook.", ["kst-31015-78", "kst-28600-V-28"]),
        ("Zie Kamerstuk 31 015, nr. 12 en 28 600, nr. 3.", ["kst-31015-12", "kst-28600-3"]),
        ("de motie-Bikker c.s. over de evaluatie (34775-VI, letter T);", ["kst-34775-VI-T"]),
        ("naar aanleiding van de motie-Franken (EK 28 764, E) en over het rapport", ["kst-28764-E"]),
        ("de vragen van het lid Thieme (Tweede Kamer, vergaderjaar 2010–2011, Aanhangsels 1432, 1889 en 2212);",
         ["ah-tk-20102011-1432", "ah-tk-20102011-1889", "ah-tk-20102011-2212"]),
        # a second number only where it closes the reference: "en 12 april" is a date, "en 2019" a year
        ("Zie Kamerstuk 31 015, nr. 5 en 12 april.", ["kst-31015-5"]),
        ("In Kamerstuk 31 015, nr. 5 en 2019 werd het gemeld.", ["kst-31015-5"]),
        ("Zie Kamerstuk 31 015, nr. 5 en 2019.", ["kst-31015-5"]),
        ("Zie Kamerstuk 31 015, nr. 5 en 28.600, nr. 3.", ["kst-31015-5", "kst-28600-3"]),
    ],
)
def test_every_form(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_years_with_slash_dash_and_full_form_give_the_same_id() -> None:
    variants = ["2016/17", "2016-2017", "2016\u20132017", "2016 / 2017", "2016\u2014 17"]
    got = {ids(f"Aanhangsel Handelingen II {v}, nr. 5.")[0] for v in variants}
    assert got == {"ah-tk-20162017-5"}


def test_handelingen_chamber_case_insensitive() -> None:
    assert ids("(Handelingen Ii 2022/23, nr. 3, item 9)") == ["h-tk-20222023-3-9"]


def test_page_is_kept() -> None:
    [cit] = parse_citations("In Kamerstuk 31 015, nr. 87, p. 12 staat het.")
    assert (cit.id, cit.page) == ("kst-31015-87", "12")
    [cit] = parse_citations("In Kamerstuk 31 015, nr. 87, blz. 3\u20134 staat het.")
    assert cit.page == "3-4"
    [cit] = parse_citations("In Kamerstuk 31 015, nr. 87 staat het.")
    assert cit.page is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Het onderzoek (Bijlage bij Kamerstuk 31 015, nr. 99) toont dit.", "annex"),
        ("Zie ook Kamerstuk 31 015, nr. 99.", "see-also"),
        ("De motie Jansen c.s. (Kamerstuk 31 015, nr. 99) vraagt dit.", "motion"),
        ("Dit voert de gewijzigde motie Pietersen, Kamerstuk 31 015, nr. 99 uit.", "motion"),
        ("Ik stuur u Kamerstuk 31 015, nr. 99 toe.", "reference"),
        # a motion named in an earlier sentence does not colour this citation
        ("De motie Jansen is aangenomen. Verder stuur ik Kamerstuk 31 015, nr. 99.", "reference"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    [cit] = parse_citations(text)
    assert cit.kind == kind


def test_offsets_and_text() -> None:
    text = "Zie het verslag (Bijlage bij Kamerstuk 31 015, nr. 99) hierover."
    [cit] = parse_citations(text)
    assert text[cit.start:cit.end] == cit.text == "Bijlage bij Kamerstuk 31 015, nr. 99"


def test_plural_spans_differ_and_cover_their_number() -> None:
    text = "Kamerstukken 31 015, nrs. 150 en 152"
    first, second = parse_citations(text)
    assert first.text == "Kamerstukken 31 015, nrs. 150"
    assert second.text == text
    assert (first.start, first.end) != (second.start, second.end)


def test_aanhangsel_is_not_also_plain_handelingen() -> None:
    assert ids("Aanhangsel Handelingen II 2016/17, nr. 77") == ["ah-tk-20162017-77"]


@pytest.mark.parametrize(
    "text",
    [
        "De voorbereidingshandelingen in 2019/20, nr. 3 van de lijst.",  # not Handelingen
        "Er is een Kamerstuk over dit onderwerp verschenen.",  # no number
        "In 2015 kwamen 29 754 mensen naar de bijeenkomst.",
        "Het bericht van 12 maart (nr. 5) was kort.",
        "de zaak 2020Z10445 zonder vraagnummer-aanduiding",
        "Kamerstuk 29 754, Brief over de aanpak",
        "In Kamerstuk 29 754, EU-beleid en ISIS, staat meer.",
    ],
)
def test_no_false_citations(text: str) -> None:
    assert ids(text) == []


def test_number_not_glued_to_following_year_or_date() -> None:
    assert ids("Bijlage bij Kamerstuk 31 015, nr. 12 2015\u20132016.") == ["kst-31015-12"]
    assert ids("Kamerstuk 31 015, nr. 12, 23 september 2015.") == ["kst-31015-12"]


def test_own_id_excluded() -> None:
    text = "Kamerstuk 31 015, nr. 5 en kst-31015-7; Tweede Kamer, vergaderjaar 2016\u20132017, 31 015, nr. 7 3"
    assert ids(text, exclude={"kst-31015-7"}) == ["kst-31015-5"]


# --- real lines of the seeds -------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected", "kind", "page"),
    [
        ("16 juli 2020). Zie ook Aanhangsel Handelingen, vergaderjaar 2019\u20132020, \nnr. 3345. ",
         "ah-tk-20192020-3345", "see-also", None),
        ("2 Kamerstuk 29 754, nr. 422, p. 3", "kst-29754-422", "reference", "3"),
        ("Raak (SP), ingezonden 9 juni 2020 (vraagnummer 2020Z10445).", "kv-tk-2020Z10445", "reference", None),
        ("Rijksminsterraad naar de Raad van State gestuurd (motie Dijkhoff c.s. \nKamerstuk 29 754, nr. 224). ",
         "kst-29754-224", "motion", None),
        ("2007\u20132011, Bijlage bij Kamerstuk 29 754, nr. 232 2012\u20132013.", "kst-29754-232", "annex", None),
        ("Bontes/Van Klaveren) over onderwerp islamitische prediker. Aanhangsel Handelingen II \n2013/14, nr. 2419",
         "ah-tk-20132014-2419", "reference", None),
        ("<sup>1</sup> Conform de gewijzigde motie Pechtold, Kamerstuk 29 754, nr. 267",
         "kst-29754-267", "motion", None),
        ("2021 (Handelingen Ii 2021/22, nr. 31, item 55), over het verlengen van de ",
         "h-tk-20212022-31-55", "reference", None),
        ("2 Zie onder meer: Nationale Contraterrorisme Strategie 2022\u20132026 (Bijlage bij Kamerstuk 29 754, \n\nnr. 641).",
         "kst-29754-641", "annex", None),
        ("3 Kamerstuk 35 925 VI, nr. 69.", "kst-35925-VI-69", "reference", None),
        ("8 Kamerstuk 34 775, VI, T.", "kst-34775-VI-T", "reference", None),
        ("9 Kamerstukken 29 754 en 27 925, nr. 370.", "kst-29754-370", "reference", None),
    ],
)
def test_seed_lines(line: str, expected: str, kind: str, page: str | None) -> None:
    [cit] = parse_citations(line)
    assert (cit.id, cit.kind, cit.page) == (expected, kind, page)


def test_bundled_corpus_letter_finds_its_citations() -> None:
    text = (CORPUS / "kst-29754-645.txt").read_text(encoding="utf-8")
    found = set(ids(text, exclude={"kst-29754-645"}))
    assert found == {
        "h-tk-20212022-31-55", "kst-29754-640", "kst-29754-641", "kst-29754-636", "kst-35925-VI-69",
        "kst-29754-160", "kst-35917-14", "kst-34775-VI-T", "kst-29754-370",
    }


# --- the spaCy component -----------------------------------------------------
@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_citations")
    return pipeline


def test_component_writes_spans(nlp) -> None:
    doc = nlp("Het verslag (Bijlage bij Kamerstuk 31 015, nr. 99, p. 4) en de motie Jansen (Kamerstuk 31 015, nr. 98).")
    spans = list(doc.spans["kg_citations"])
    assert [s.kb_id_ for s in spans] == ["kst-31015-99", "kst-31015-98"]
    assert {s.label_ for s in spans} == {"Citation"}
    assert spans[0]._.kg == {"page": "4", "kind": "annex"}
    assert spans[1]._.kg == {"page": None, "kind": "motion"}
    assert spans[0].text.startswith("Bijlage bij Kamerstuk")


def test_component_snaps_to_tokens(nlp) -> None:
    doc = nlp("zie kst-31015-200.html voor meer")
    [span] = doc.spans["kg_citations"]
    assert span.kb_id_ == "kst-31015-200"
    assert span.start_char <= doc.text.index("kst") and span.end_char >= doc.text.index(".html")


def test_component_drops_own_id(nlp) -> None:
    text = "Ik verwijs naar Kamerstuk 31 015, nr. 5.\nTweede Kamer, vergaderjaar 2016\u20132017, 31 015, nr. 7 2"
    doc = nlp.make_doc(text)
    doc._.kg_document = Document(id="x", source="x.txt", text=text, body_end=len(text),
                                 metadata=Metadata(id="kst-31015-7"))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.kb_id_ for s in doc.spans["kg_citations"]] == ["kst-31015-5"]


def test_component_keeps_everything_when_configured() -> None:
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("kg_citations", config={"drop_own_id": False})
    text = "kst-31015-7"
    doc = pipeline.make_doc(text)
    doc._.kg_document = Document(id="kst-31015-7", source="x.txt", text=text, body_end=len(text))
    doc = pipeline.get_pipe("kg_citations")(doc)
    assert [s.kb_id_ for s in doc.spans["kg_citations"]] == ["kst-31015-7"]


# --- properties --------------------------------------------------------------
dossiers = st.integers(min_value=10_000, max_value=99_999)
numbers = st.integers(min_value=1, max_value=9_999)
years = st.integers(min_value=1990, max_value=2040)
spaces = st.sampled_from([" ", "\u00a0", "\n", "  ", " \n"])
dashes = st.sampled_from(["/", "-", "\u2013", "\u2014"])


def _split(dossier: int, space: str) -> str:
    digits = str(dossier)
    return digits[:2] + space + digits[2:]


@given(dossiers, numbers, spaces, st.sampled_from(["", ", p. 7"]))
def test_kamerstuk_round_trip(dossier: int, number: int, space: str, page: str) -> None:
    text = f"Zie Kamerstuk {_split(dossier, space)},{space}nr.{space}{number}{page}."
    [cit] = parse_citations(text)
    assert cit.id == f"kst-{dossier}-{number}"
    assert cit.page == ("7" if page else None)


@given(years, numbers, dashes, st.booleans(), st.sampled_from(["II", "Ii", ""]))
def test_aanhangsel_round_trip(year: int, number: int, dash: str, short: bool, chamber: str) -> None:
    second = str(year + 1)[2:] if short else str(year + 1)
    text = f"Aanhangsel Handelingen {chamber} {year}{dash}{second}, nr. {number}"
    assert ids(text) == [f"ah-tk-{year}{year + 1}-{number}"]


@given(years, numbers, st.one_of(st.none(), numbers), st.sampled_from(["I", "II"]))
def test_handelingen_round_trip(year: int, number: int, item: int | None, chamber: str) -> None:
    text = f"(Handelingen {chamber} {year}/{str(year + 1)[2:]}, nr. {number}"
    text += f", item {item})" if item is not None else ")"
    house = "ek" if chamber == "I" else "tk"
    expected = f"h-{house}-{year}{year + 1}-{number}" + (f"-{item}" if item is not None else "")
    assert ids(text) == [expected]


@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=0, max_value=99_999))
def test_question_round_trip(year: int, number: int) -> None:
    assert ids(f"(vraagnummer {year}Z{number:05d})") == [f"kv-tk-{year}Z{number:05d}"]


ALPHABET = st.sampled_from(list("Kamerstuk Handelingen Aanhangsel nrs. en item p, 0123456789 /\u2013-\n\u00a0IVXZT()kst-ahtk"))


@settings(max_examples=300)
@given(st.one_of(st.text(), st.lists(ALPHABET, max_size=80).map("".join)))
def test_random_text_never_crashes_and_ids_have_the_shape(text: str) -> None:
    for cit in parse_citations(text):
        assert isinstance(cit, CitationMatch)
        assert re.match(OFFICIAL_ID_SHAPE, cit.id), cit.id
        assert 0 <= cit.start < cit.end <= len(text)
        assert text[cit.start:cit.end] == cit.text


@pytest.mark.parametrize("text, ids", [
    ("Aanhangsel Handelingen II, vergaderjaar 2022–2023, nrs. 512 en 730.", ["ah-tk-20222023-512", "ah-tk-20222023-730"]),
    ("de brief over de missie (27 925, nr. 601) en", ["kst-27925-601"]),
    ("de brief over het rapport (29754, nrs. 700 en 701);", ["kst-29754-700", "kst-29754-701"]),
    ("de begrotingsbrief (36 200 VI, nr. 9).", ["kst-36200-VI-9"]),
    ("Zij krijgt nr. 812 (29754).", ["kst-29754-812"]),
    # brackets that are no Kamerstuk: a year, a four-digit number, no "nr."
    ("op 3 april (2019, nr. 5) en (12 345) en (zie 2 en 3)", []),
])
def test_forms_without_the_word_kamerstuk(text, ids) -> None:
    assert [c.id for c in parse_citations(text)] == ids


def test_handelingen_with_several_items() -> None:
    text = "(Handelingen II 2020/21, nr. 96,\nitems 6 en 9)"
    assert [c.id for c in parse_citations(text)] == ["h-tk-20202021-96-6", "h-tk-20202021-96-9"]


def test_one_item_is_one_number() -> None:
    assert [c.id for c in parse_citations("Handelingen II 2015/16, nr. 96, item 6, 12 leden stemden voor.")] \
        == ["h-tk-20152016-96-6"]
