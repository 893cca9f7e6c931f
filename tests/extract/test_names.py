"""Name grammar and person keys (kg.extract.names)."""
import pytest

from kg.extract.names import fold, match_name, match_names, parse_name, person_key, slug


@pytest.mark.parametrize("a,b", [
    ("Yesilgöz-Zegerius", "Yeşilgöz-Zegerius"),
    ("D. Yeşilgöz-Zegerius", "Yesilgöz-Zegerius"),
    ("Michon-Derkzen", "Michon Derkzen"),
    ("J.P. van der Veen", "Van der Veen"),
])
def test_variants_share_a_key(a, b):
    assert person_key(a, surname_only=True) == person_key(b, surname_only=True)


def test_given_names_are_not_part_of_the_key():
    assert person_key("Karin Boersema") == "person/boersema"
    assert person_key("Ahmed Umar al-Hazimi") == person_key("al-Hazimi") == "person/al-hazimi"
    assert person_key("Marieke van 't Hoog") == "person/van-t-hoog"


def test_initials_are_kept():
    parsed = parse_name("K.H.D.M. Dijkhoff")
    assert parsed.initials == "K.H.D.M."
    assert parsed.surname == "Dijkhoff"
    assert parsed.key == "person/dijkhoff"


def test_kunya_is_the_surname():
    assert person_key("Abu Qatada") == "person/abu-qatada"


def test_fold_and_slug():
    assert fold("Ğüleç Şahin") == "gulec sahin"
    assert slug("Van 't Riet") == "van-t-riet"


def test_combining_accents_do_not_cut_a_name():
    text = "ondertekend door D. Yes\u0327ilgo\u0308z-Zegerius vandaag"
    start = text.index("D.")
    assert match_name(text, start) == (start, text.index(" vandaag"))


def test_list_with_parties():
    text = "de leden Ter Horst (GL), De Boer (50PLUS) en Van Dam (PvdA) vroegen"
    found = match_names(text, text.index("Ter"))
    assert [(n.text, n.party) for n in found] == [("Ter Horst", "GL"), ("De Boer", "50PLUS"), ("Van Dam", "PvdA")]


@pytest.mark.parametrize("text", ["Vragen van de leden Bakker en De Wit (beiden SP) aan", "de leden Bakker en De Wit (beide SP).",
                                  "de leden Bakker, De Wit (allen SP) en"])
def test_one_bracket_after_a_list_gives_every_name_its_party(text):
    found = match_names(text, text.index("Bakker"))
    assert [(n.text, n.party) for n in found] == [("Bakker", "SP"), ("De Wit", "SP")]


def test_a_shared_bracket_leaves_a_party_already_given():
    text = "de leden Bakker (CDA) en De Wit (beiden SP)"
    assert [n.party for n in match_names(text, text.index("Bakker"))] == ["CDA", "SP"]
    assert match_names(text, text.index("Bakker"), many=False)[0].party == "CDA"


def test_a_date_in_brackets_is_no_party():
    text = "het lid Bosman (ingezonden 3 mei 2021) vroeg"
    (name,) = match_names(text, text.index("Bosman"))
    assert name.party is None


def test_not_names_stop_a_name():
    text = "lid van de Tweede Kamer"
    assert match_name(text, text.index("van")) is None
    assert match_name("Kamer", 0) is None


def test_acronyms_are_not_names():
    assert match_name("NCTV meldt", 0) is None


def test_stop_callback_cuts():
    text = "Bakker van Defensie"
    assert match_name(text, 0, stop=lambda t, p: t.startswith("van Def", p)) == (0, 6)


def test_lowercase_start_refused_when_asked():
    assert match_name("van Nispen", 0, lower_start=False) is None
    assert match_name("van Nispen", 0) == (0, 10)


@pytest.mark.parametrize("text, expected", [
    ("Nr. 15 MOTIE VAN HET LID JANSEN", "Nr. 15 motie van het lid Jansen"),
    ("MOTIE VAN DE LEDEN DE VRIES, TEN HOVE EN VAN DER BERG C.S.",
     "motie van de leden De Vries, Ten Hove en Van der Berg c.s."),
    ("GEWIJZIGDE MOTIE VAN HET LID SMIT-BAKKER TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9",
     "gewijzigde motie van het lid Smit-Bakker ter vervanging van die gedrukt onder nr. 9"),
    ("AMENDEMENT VAN HET LID IN 'T HOUT OVER DE NCTV", "amendement van het lid In 't Hout over de nctv"),
    ("MOTIE VAN HET LID TER HORST (CU)", "motie van het lid Ter Horst (CU)"),  # a party keeps its capitals
    # after a word that ends the names ("OVER"), "EN" opens no name
    ("MOTIE VAN HET LID SMIT OVER DE AIVD EN NCTV", "motie van het lid Smit over de aivd en nctv"),
    # only the run of capitals: the rest of the line is left alone (text without line breaks)
    ("MOTIE VAN HET LID SMIT C.S. De heer Jansen (VVD) zei het.", "motie van het lid Smit c.s. De heer Jansen (VVD) zei het."),
    ("LID 2 van artikel 3 (AIVD)", "lid 2 van artikel 3 (AIVD)"),
    # no member named: capitals stay as they are (acronyms, ministry headings)
    ("BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID", "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID"),
    ("De NCTV en de AIVD melden", "De NCTV en de AIVD melden"),
])
def test_recase_capitals(text, expected) -> None:
    from kg.extract.names import recase_capitals

    assert recase_capitals(text) == expected
    assert len(recase_capitals(text)) == len(text)


@pytest.mark.parametrize("text, pos, name", [
    ("De Pater-van der Meer zei", 0, "De Pater-van der Meer"),
    ("het lid Van der Burg-de Vries (VVD)", 8, "Van der Burg-de Vries"),
    ("Yeşilgöz-Zegerius zei", 0, "Yeşilgöz-Zegerius"),
])
def test_married_names_with_particles(text, pos, name):
    start, end = match_name(text, pos, lower_start=False)
    assert text[start:end] == name


def test_a_slash_joins_a_motions_submitters_and_a_reference_ends_a_list():
    text = "de motie Elissen/Çorüz (Kamerstuk 29 754, nr. 12) en de Wegwijzer"
    found = match_names(text, text.index("Elissen"))
    assert [n.text for n in found] == ["Elissen", "Çorüz"]


def test_recase_a_double_name_whose_second_part_opens_with_a_particle():
    from kg.extract.names import recase_capitals

    text = "C MOTIE VAN HET LID FABER-VAN DE KLASHORST C.S."
    recased = recase_capitals(text)
    assert len(recased) == len(text)
    assert [n.text for n in match_names(recased, recased.index("Faber"))] == ["Faber-van de Klashorst"]


def test_a_name_opening_with_a_particle_is_all_surname_and_a_particle_alone_is_no_name():
    assert person_key("Van Haersma Buma") == person_key("Van Haersma Buma", surname_only=True) == "person/van-haersma-buma"
    assert person_key("Theo van Gogh") == "person/van-gogh"
    assert match_name("De heer Van\n", 8) is None
    assert match_name("De heer Van Dijk", 8) == (8, 16)


def test_a_shared_party_does_not_reach_past_an_earlier_bracket():
    text = "de leden Karabulut en Van Raak (SP), Segers en Voordewind (beiden ChristenUnie)"
    parties = {n.text: n.party for n in match_names(text, text.index("Karabulut"))}
    assert parties["Segers"] == parties["Voordewind"] == "ChristenUnie" and parties["Karabulut"] != "ChristenUnie"
