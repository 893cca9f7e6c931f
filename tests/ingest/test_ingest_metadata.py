"""Document metadata read from the text."""
from __future__ import annotations

import pytest

from kg.ingest.metadata import extract_metadata
from kg.ingest.pdftext import clean_pdf_text

# Expected values as in the project's gold annotations (document blocks).
GOLD = {
    "antwoord-vragen-hazimi-beweging-2020.txt": (None, "antwoord_schriftelijke_vragen", "2020-07-16", "2019-2020", ["Grapperhaus"]),
    "kst-29754-251.txt": ("kst-29754-251", "brief", None, "2013-2014", ["I.W. Opstelten"]),
    "kst-29754-326.md": ("kst-29754-326", "brief", "2015-11-09", "2015-2016", ["L.F. Asscher"]),
    "kst-29754-645.txt": ("kst-29754-645", "brief", None, "2021-2022", ["D. Yeşilgöz-Zegerius"]),
    "kst-29754-468.txt": ("kst-29754-468", "brief", None, "2017-2018", ["F.B.J. Grapperhaus"]),
}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_corpus_metadata_matches_gold(corpus_docs, name) -> None:
    meta = corpus_docs[name].metadata
    assert (meta.id, meta.type, meta.date, meta.vergaderjaar, meta.signatories) == GOLD[name]


def test_document_ids(corpus_docs) -> None:
    assert corpus_docs["kst-29754-645.txt"].id == "kst-29754-645"
    assert corpus_docs["antwoord-vragen-hazimi-beweging-2020.txt"].id == "antwoord-vragen-hazimi-beweging-2020"
    meta = corpus_docs["kst-29754-251.txt"].metadata
    assert (meta.dossier, meta.number) == ("29754", "251")


def test_titles_and_addressee(corpus_docs) -> None:
    md = corpus_docs["kst-29754-326.md"].metadata
    assert md.title == "BRIEF VAN DE MINISTERS VAN VEILIGHEID EN JUSTITIE EN VAN SOCIALE ZAKEN EN WERKGELEGENHEID"
    assert md.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    answer = corpus_docs["antwoord-vragen-hazimi-beweging-2020.txt"].metadata
    assert answer.title == "het bericht «Onderzoek: dreiging door extreme afsplitsing van IS»"


def test_answer_written_for_test() -> None:
    body = (
        "Vragen van het lid Jansen (SP) aan de Staatssecretaris van Justitie en Veiligheid over "
        "de aanpak van ronselaars (ingezonden 2 februari 2016).\n\n"
        "Antwoord van Staatssecretaris Van der Steur (Veiligheid en Justitie) (ontvangen 3 maart 2016).\n\n"
        "Vraag 1\n\nKent u het bericht?"
    )
    meta = extract_metadata(body)
    assert meta.type == "antwoord_schriftelijke_vragen"
    assert meta.date == "2016-03-03"
    assert meta.vergaderjaar == "2015-2016"
    assert meta.signatories == ["Van der Steur"]
    assert meta.title == "de aanpak van ronselaars"
    assert meta.id is None


def test_letter_with_roman_dossier_in_footer() -> None:
    furniture = ["kst-35925-VI-69", "’s-Gravenhage 2021 Tweede Kamer, vergaderjaar 2021–2022, 35 925 VI, nr. 69 1"]
    body = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 14 oktober 2021\n\nIk bied u de rapportage aan.\n\n"
        "De Minister van Justitie en Veiligheid,\n\nF. Grapperhaus\n\n"
        "De Staatssecretaris van Justitie en Veiligheid,\n\nA. Broekers-Knol"
    )
    meta = extract_metadata(body, furniture)
    assert meta.id == "kst-35925-VI-69"
    assert (meta.dossier, meta.number, meta.vergaderjaar) == ("35925-VI", "69", "2021-2022")
    assert meta.type == "brief" and meta.date == "2021-10-14"
    assert meta.signatories == ["F. Grapperhaus", "A. Broekers-Knol"]


def test_footer_alone_gives_id() -> None:
    parsed = clean_pdf_text(
        " Ik stuur u de brief. \n\nTweede Kamer, vergaderjaar 2013–2014, 29 754, nr. 251 7\n\n"
        " De Minister van Veiligheid en Justitie, \nI.W. Opstelten\n"
    )
    meta = extract_metadata(parsed.body, parsed.furniture)
    assert meta.id == "kst-29754-251" and meta.vergaderjaar == "2013-2014"
    assert meta.signatories == ["I.W. Opstelten"]


def test_motion_and_other() -> None:
    motion = extract_metadata(
        "MOTIE VAN HET LID DIJKHOFF C.S.\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "verzoekt de regering, het Nederlanderschap te ontnemen,\n\nen gaat over tot de orde van de dag."
    )
    assert motion.type == "motie" and motion.title == "MOTIE VAN HET LID DIJKHOFF C.S."
    other = extract_metadata("Een losse notitie zonder aanhef of ondertekening.")
    assert (other.type, other.date, other.signatories, other.id) == ("other", None, [], None)


# A motion as officielebekendmakingen prints it (text written for the test).
MOTION = """31 234 Voorbeelddossier over veiligheid

Nr. 87 MOTIE VAN HET LID JANSEN C.S.

Voorgesteld 3 maart 2021

De Kamer,

gehoord de beraadslaging,

verzoekt de regering, de aanpak te evalueren,

en gaat over tot de orde van de dag.

Jansen

Van der Berg

Anna de Vries

Naar boven"""


def test_motion_heading_gives_id_title_date_and_signatories() -> None:
    meta = extract_metadata(MOTION)
    assert (meta.id, meta.type, meta.title, meta.date) == (
        "kst-31234-87", "motie", "MOTIE VAN HET LID JANSEN C.S.", "2021-03-03")
    # the names signed under the motion, and nothing after the first line that is no name
    assert meta.signatories == ["Jansen", "Van der Berg", "Anna de Vries"]


def test_heading_with_roman_suffix_and_no_number_line() -> None:
    meta = extract_metadata("34 567 XVI Vaststelling van de begrotingsstaten\n\nNr. 12 MOTIE VAN DE LEDEN A EN B\n\n"
                            "De Kamer,\n\nverzoekt de regering iets,\n\nen gaat over tot de orde van de dag.")
    assert meta.id == "kst-34567-XVI-12"
    # a dossier line not followed by "Nr." is no heading
    assert extract_metadata("31 234 Voorbeelddossier\n\nDe Kamer,\n\ntekst").id is None


def test_heading_of_a_sub_dossier_and_signatories_any_script() -> None:
    meta = extract_metadata("21 501-20 Europese Raad\n\nNr. 24 MOTIE VAN HET LID ÖZÜTOK\n\nDe Kamer,\n\n"
                            "gehoord de beraadslaging,\n\nverzoekt de regering iets,\n\n"
                            "en gaat over tot de orde van de dag.\n\nÖzütok\n\nVan 't Wout\n\nNoot\n\n1 Zie")
    assert meta.id == "kst-21501-20-24"
    assert meta.signatories == ["Özütok", "Van 't Wout"]  # a footnote heading is no name


def test_a_document_in_two_dossiers_is_numbered_in_the_first() -> None:
    meta = extract_metadata("31 234 Voorbeelddossier\n\n28 765 Ander dossier\n\nNr. 40 BRIEF VAN DE MINISTER\n\n"
                            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nTekst.")
    assert (meta.id, meta.dossier, meta.number) == ("kst-31234-40", "31234", "40")


@pytest.mark.parametrize("header,expected", [
    ("Kamerstuk 31234-87\n\nVerslag van een algemeen overleg\n\nGepubliceerd: 1 mei 2014", "kst-31234-87"),
    ("Verslag\n\nID: 31234-V-12\n\nNr. 12 VERSLAG", "kst-31234-V-12"),
    ("Kamervraag 2016Z01234\n\nHet bericht over iets\n\nIngediend 1 mei 2016", "kv-tk-2016Z01234"),
    ("Titel\nBron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2016Z01234.html\n"
     "Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20152016-99.html", "kv-tk-2016Z01234"),
    ("Titel\nBron: https://zoek.officielebekendmakingen.nl/kst-31234-87.html", "kst-31234-87"),
    ("Indieners | A (SP) |\nBron vraag | https://zoek.officielebekendmakingen.nl/kv-tk-2016Z01234.html |",
     "kv-tk-2016Z01234"),
    ("Brief regering\n\nDirecte link naar document (.pdf), link naar pagina op de Tweede Kamer site, "
     "officiële HTML versie (kst-31234-88).", "kst-31234-88"),
])
def test_a_web_pages_header_names_the_document(header, expected) -> None:
    meta = extract_metadata(header + "\n\nDe tekst van het stuk.")
    assert meta.id == expected


def test_a_source_line_in_the_text_or_an_answers_link_names_no_document() -> None:
    body = "Titel\nBron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20152016-99.html\n\nTekst."
    assert extract_metadata(body).id is None
    deep = "\n".join(f"Regel {n}." for n in range(20))
    assert extract_metadata(deep + "\nBron: https://zoek.officielebekendmakingen.nl/kst-31234-87.html").id is None


def test_a_source_line_joined_into_the_header_still_names_the_document() -> None:
    body = ("Titel van de vraag\n\nIndieners A (SP) Bron vraag https://zoek.officielebekendmakingen.nl/"
            "kv-tk-2016Z01234.html Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20152016-99.html\n\nTekst.")
    assert extract_metadata(body).id == "kv-tk-2016Z01234"


def test_a_monitor_pages_kenmerk_and_a_late_heading() -> None:
    lines = ["Motie X over iets", "Kerngegevens", "Documentdatum 26-11-2015", "Kenmerk 34300 VI, nr. 41",
             *[f"Regel {n}" for n in range(12)], "Nr. 41 MOTIE VAN HET LID X", "De Kamer,",
             "verzoekt de regering iets,", "en gaat over tot de orde van de dag."]
    meta = extract_metadata("\n\n".join(lines))
    assert (meta.id, meta.type, meta.title) == ("kst-34300-VI-41", "motie", "MOTIE VAN HET LID X")


@pytest.mark.parametrize("body,chamber", [
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nTekst.", "Tweede Kamer"),
    ("Datum publicatieOrganisatieVergaderjaar\nEerste Kamer der Staten-Generaal2017-201834775 nr. C\n\nTekst.",
     "Eerste Kamer"),
    ("De Kamer,\n\nverzoekt de regering iets.", None),
    ("4 Stemmingen\n\nDe voorzitter:\n\nIk heet de minister van harte welkom in de Eerste Kamer.\n\nMevrouw X (GL):", "Eerste Kamer"),
    ("De voorzitter:\n\nIk heet de minister welkom. Mevrouw X zei dat de Eerste Kamer dit al deed.", None),
])
def test_whose_document_it_is(body, chamber) -> None:
    assert extract_metadata(body).chamber == chamber


def test_an_eerste_kamer_motion_is_lettered_and_a_vote_block_signs_nothing() -> None:
    body = ("34 775 Nota over de toestand van ’s Rijks financiën\n\nC MOTIE VAN HET LID BAKKER C.S.\n\n"
            "Voorgesteld 5 december 2017\n\nDe Kamer,\n\nverzoekt de regering iets,\n\n"
            "en gaat over tot de orde van de dag.\n\nBakker\n\nDe Wit\n\n\nStatus\n\nVerworpen\n\nVoor\n\nGL, D66")
    meta = extract_metadata(body)
    assert (meta.id, meta.type, meta.title) == ("kst-34775-C", "motie", "MOTIE VAN HET LID BAKKER C.S.")
    assert meta.signatories == ["Bakker", "De Wit"]


@pytest.mark.parametrize("header", ["Kamerstuk 21501-02-1035", "Titel\nKenmerk 21 501-02, nr. 1035",
                                    "Titel\nBron: https://zoek.officielebekendmakingen.nl/kst-21501-02-1035.html"])
def test_a_dossier_with_a_numbered_part(header) -> None:
    meta = extract_metadata(header + "\n\nDe tekst.")
    assert (meta.id, meta.dossier, meta.number) == ("kst-21501-02-1035", "21501-02", "1035")
