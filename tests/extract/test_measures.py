"""kg_measures on sentences written for the tests (not from the seeds), plus
real lines of the seeds."""
from __future__ import annotations

import pytest
import spacy

from kg.extract import measures as _measures  # noqa: F401
from kg.extract import normalize as _normalize  # noqa: F401
from kg.extract import organizations as _organizations  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    for name in ("sentencizer", "kg_normalize", "kg_organizations", "kg_measures"):
        nlp.add_pipe(name)
    return nlp


def measures(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans["kg_measures"]]


def keys(nlp, text: str) -> list[str]:
    return [k for _, k in measures(nlp, text)]


def test_plural_and_inflection(nlp) -> None:
    assert keys(nlp, "Er waren drie casusoverleggen en twee paspoortsignaleringen.") == [
        "measure/casusoverleg", "measure/paspoortmaatregel"]
    assert keys(nlp, "In lokale multidisciplinaire casusoverleggen wordt dit besproken.") == [
        "measure/multidisciplinair-casusoverleg"]


def test_words_between_label_words(nlp) -> None:
    found = measures(nlp, "Het kabinet besloot tot het bevriezen van de financiële tegoeden van twee personen.")
    assert found == [("bevriezen van de financiële tegoeden", "measure/bevriezen-financiele-tegoeden")]


def test_gap_does_not_take_any_word(nlp) -> None:
    assert keys(nlp, "Het bevriezen kost tijd, want tegoeden zijn lastig.") == []
    assert keys(nlp, "Wij bespraken het bevriezen. Tegoeden bleven buiten beeld.") == []


def test_hyphen_and_case_variants(nlp) -> None:
    assert keys(nlp, "De exitfaciliteit, de Exit-faciliteit en het programma Exits.") == ["measure/exit-faciliteit"] * 3
    assert keys(nlp, "Een SIS signalering en notice and take down.") == [
        "measure/sis-signalering", "measure/notice-and-take-down"]


def test_exact_label_needs_capitals(nlp) -> None:
    assert keys(nlp, "Er zijn exits gebouwd.") == []


def test_numbered_measures(nlp) -> None:
    found = measures(nlp, "Dit valt onder maatregel 7 en de maatregelen 12, 14b en 40 van het programma.")
    assert found == [("maatregel 7", "measure/maatregel-7"), ("maatregelen 12", "measure/maatregel-12"),
                     ("14b", "measure/maatregel-14b"), ("40", "measure/maatregel-40")]
    doc = nlp("Zie maatregel 3c.")
    span = doc.spans["kg_measures"][0]
    assert span._.kg["label"] == "maatregel 3c"
    assert span._.kg["broader"][0] == "measure/actieprogramma-integrale-aanpak-jihadisme"


def test_years_are_not_numbered_measures(nlp) -> None:
    assert keys(nlp, "De maatregel 2015 werd ingevoerd.") == []


def test_year_suffix_on_strategies(nlp) -> None:
    found = measures(nlp, "De Nationale Contraterrorismestrategie 2016-2020 is afgerond.")
    assert found == [("Nationale Contraterrorismestrategie 2016-2020", "measure/nationale-contraterrorismestrategie")]


def test_short_label_only_after_full_name(nlp) -> None:
    assert keys(nlp, "Het Actieprogramma is klaar.") == []
    assert keys(nlp, "Het Actieprogramma Integrale Aanpak Jihadisme loopt. Het Actieprogramma is klaar.") == [
        "measure/actieprogramma-integrale-aanpak-jihadisme"] * 2


def test_measure_word_inside_organisation_name(nlp) -> None:
    assert keys(nlp, "De Raad voor de Kinderbescherming vroeg een kinderbeschermingsmaatregel.") == ["measure/kinderbescherming"]


def test_laws_as_instruments(nlp) -> None:
    assert keys(nlp, "Op grond van de Twbmt en de Paspoortwet kan dat.") == ["measure/twbmt", "measure/paspoortwet"]


def test_span_extras(nlp) -> None:
    doc = nlp("Er kwam een gebiedsverbod.")
    span = doc.spans["kg_measures"][0]
    assert span.label_ == "Measure" and span.kb_id_ == "measure/gebiedsverbod"
    assert span._.kg["label"] == "gebiedsverbod"
    assert set(span._.kg["broader"]) == {"measure/repressief", "measure/bestuurlijk"}


@pytest.mark.parametrize("line, expected", [
    ("• Uitschrijven GBA: inmiddels zijn ruim dertig uitgereisde jihadisten", ["measure/uitschrijven-basisadministratie"]),
    ("besproken in een multidisciplinair casusoverleg (maatregel 30).",
     ["measure/multidisciplinair-casusoverleg", "measure/maatregel-30"]),
    ("de faciliteerders en ronselaars (maatregel 18 en 20a)", ["measure/maatregel-18", "measure/maatregel-20a"]),
    ("het verhogen van het strafmaximum voor deelname", ["measure/verhogen-strafmaximum"]),
])
def test_seed_lines(nlp, line: str, expected: list[str]) -> None:
    assert keys(nlp, line) == expected


@pytest.mark.parametrize("text, expected", [
    ("De evaluatie van de Wet opsporing terroristische misdrijven is afgerond.",
     [("Wet opsporing terroristische misdrijven", "measure/wet-opsporing-terroristische-misdrijven")]),
    # a year right after the title belongs to it; the gazetteer's own law keeps its key
    ("onder de Wet op de inlichtingen- en veiligheidsdiensten 2017 mag de AIVD",
     [("Wet op de inlichtingen- en veiligheidsdiensten 2017", "measure/wiv")]),
    # a measure inside a law's title is part of its name
    ("de Wet verwerking gegevens persoonsgerichte aanpak extremisme (Wvgpa) treedt in werking",
     [("Wet verwerking gegevens persoonsgerichte aanpak extremisme",
       "measure/wet-verwerking-gegevens-persoonsgerichte-aanpak-extremisme")]),
    # no law: the common noun, a one-word title, a title opening with a function word or a verb
    ("de wet biedt ruimte; de Wet Bibob; Wet en regelgeving zijn helder.", []),
    ("De Wet maakt het mogelijk om gegevens te delen. Deze Wet voorziet in een regeling.", []),
])
def test_named_laws(text, expected):
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_measures")
    doc = nlp(text)
    assert [(s.text, s.kb_id_) for s in doc.spans["kg_measures"]] == expected


def test_detention_and_denaturalisation_are_known():
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_measures")
    doc = nlp("Hij pleit voor preventieve opsluiting en wil jihadisten denaturaliseren.")
    assert [s.kb_id_ for s in doc.spans["kg_measures"]] == ["measure/administratieve-detentie",
                                                             "measure/intrekken-nederlanderschap"]


def test_online_content_regulation_by_its_dutch_title():
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_measures")
    doc = nlp("de verordening ter voorkoming van de verspreiding van online terroristische inhoud maakt een "
              "verwijderingsbevel uit een andere lidstaat mogelijk")
    assert [s.kb_id_ for s in doc.spans["kg_measures"]] == ["measure/tco-verordening", "measure/verwijderingsbevel"]


def test_the_eu_list_and_the_dutch_list_are_two_measures(nlp) -> None:
    found = keys(nlp, "Hamas staat op de Europese terrorismelijst; Nederland plaatst personen op de nationale terrorismelijst.")
    assert found == ["measure/eu-terrorismelijst", "measure/sanctielijst-terrorisme"]


def test_a_compound_that_starts_with_an_organisation_is_still_a_measure(nlp) -> None:
    doc = nlp("De groep werd op de EU-terrorismelijst geplaatst; een AIVD-medewerker en het Landelijk Steunpunt "
              "Extremisme waren erbij.")
    assert [s.kb_id_ for s in doc.spans["kg_measures"]] == ["measure/eu-terrorismelijst"]
    # the EU is still named in the compound, and a whole organisation name stays no measure
    assert [s.text for s in doc.spans["kg_organizations"]] == [
        "EU-terrorismelijst", "AIVD-medewerker", "Landelijk Steunpunt Extremisme"]


@pytest.mark.parametrize("text, expected", [
    ("Hij wordt zo snel mogelijk het land uitgezet.", ["measure/uitzetting"]),
    ("Turkije meldt de uitzetting van twee uitreizigers.", ["measure/uitzetting"]),
    ("Het OM verzocht om uitlevering aan Nederland.", ["measure/uitlevering"]),
    ("De rechter kan een rechtspersoon verbieden en ontbinden.", ["measure/verbod-rechtspersoon"]),
    ("De strafbaarstelling van het financieren van terrorisme is geregeld.",
     ["measure/strafbaarstelling-terrorismefinanciering"]),
    ("Ook het voorkomen van uitreizen naar Syrië heeft prioriteit.", ["measure/voorkomen-uitreizen"]),
    ("Het Multidisciplinair Afstemmingsoverleg Resocialisatie (MAR) bespreekt de re-integratie.",
     ["measure/afstemmingsoverleg-resocialisatie", "measure/afstemmingsoverleg-resocialisatie", "measure/re-integratie"]),
    ("Een mar is geen overleg.", []),
    ("Dat volgt uit de Regeling selectie, plaatsing en overplaatsing van gedetineerden.", ["measure/regeling-spog"]),
    ("De Commissie-Suyver deed onderzoek naar het Nederlandse antiterrorismebeleid.",
     ["measure/evaluatie-antiterrorismebeleid"]),
    ("Het strafbaar stellen van samenspanning en van rekrutering volgt het EU-kaderbesluit over terrorismebestrijding.",
     ["measure/strafbaarstelling-samenspanning", "measure/eu-kaderbesluit-terrorismebestrijding"]),
    ("Nederland draagt de groep voor voor de Europese sanctielijst terrorisme.", ["measure/eu-terrorismelijst"]),
])
def test_instruments_of_criminal_and_immigration_law_and_reintegration(nlp, text, expected) -> None:
    assert keys(nlp, text) == expected


def test_numbers_in_a_table_of_contents_or_a_new_paragraph_are_no_measures(nlp) -> None:
    text = ("2.3 De bestuurlijke maatregelen 4\n\n3.1 Opgelegde maatregelen 5\n\nDe maatregelen 18 en 20a zijn klaar.\n\n"
            "We nemen maatregel 30\n\n4. Zie maatregel 12 van het actieprogramma.")
    assert keys(nlp, text) == ["measure/maatregel-18", "measure/maatregel-20a", "measure/maatregel-30",
                               "measure/maatregel-12"]
    # a heading or a list item naming a measure is one; the next item's number is not
    assert keys(nlp, "4.2 Maatregel 12\n\nDe tekst.") == ["measure/maatregel-12"]
    assert keys(nlp, "1. Uitvoering van maatregel 12\n2. Iets anders") == ["measure/maatregel-12"]
    assert keys(nlp, "maatregel  12 en maatregelen 18 en\n20") == [
        "measure/maatregel-12", "measure/maatregel-18", "measure/maatregel-20"]
