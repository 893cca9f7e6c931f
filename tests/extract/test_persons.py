"""kg_persons on sentences written for the tests and on cleaned seed lines."""
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract.persons  # noqa: F401  (registers the factory)
from kg.model import Document, Metadata


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_persons")
    return pipeline


def persons(nlp, text, document=None):
    doc = nlp.make_doc(text)
    doc._.kg_document = document
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return {s.text: (s.kb_id_, s._.kg) for s in doc.spans["kg_persons"]}


def test_minister_with_portfolio_after_name(nlp):
    got = persons(nlp, "Het overleg werd geleid door Minister Hoekstra van Financiën.")
    key, kg = got["Hoekstra"]
    assert key == "person/hoekstra"
    assert kg["roles"] == ["Minister van Financiën"]


def test_minister_with_portfolio_in_brackets(nlp):
    got = persons(nlp, "Antwoord van Minister Dekker (Rechtsbescherming) (ontvangen 2 maart 2021).")
    assert got["Dekker"][1]["roles"] == ["Minister van Rechtsbescherming"]


def test_staatssecretaris_and_burgemeester(nlp):
    got = persons(nlp, "Staatssecretaris Broekers-Knol sprak met burgemeester Aboutaleb over de aanpak.")
    assert got["Broekers-Knol"][1]["roles"] == ["Staatssecretaris"]
    assert got["Aboutaleb"][1]["roles"] == ["burgemeester"]


def test_burgemeester_of_a_city_is_no_person(nlp):
    assert persons(nlp, "De burgemeester van Arnhem nam maatregelen.") == {}


def test_role_without_name_is_no_person(nlp):
    assert persons(nlp, "De Minister van Justitie en Veiligheid heeft de NCTV gevraagd.") == {}


def test_descriptive_role_takes_adjective(nlp):
    got = persons(nlp, "Volgelingen van de Jordaanse prediker Abu Qatada al-Filistini zijn actief.")
    (key, kg), = got.values()
    assert key == "person/al-filistini"
    assert kg["roles"] == ["Jordaanse prediker"]


def test_sheikh_with_article_name(nlp):
    got = persons(nlp, "De aanhangers van sjeik al-Maqdisi zijn bekend.")
    assert got["al-Maqdisi"][1]["roles"] == ["sheikh"]


def test_arabic_name_without_cue(nlp):
    got = persons(nlp, "Volgens de rechtbank speelde Abu Bakr al-Baghdadi een rol.")
    assert "Abu Bakr al-Baghdadi" in got
    assert got["Abu Bakr al-Baghdadi"][0] == "person/al-baghdadi"


def test_arabic_organisation_is_no_person(nlp):
    assert persons(nlp, "Strijders van Jabhat al-Nusra en Ahrar al-Sham vochten samen.") == {}


def test_mp_with_party_and_group(nlp):
    got = persons(nlp, "Vragen van het lid Kops (Groep Wilders/Kops) en van de leden Ter Horst (GL) en Jetten (D66).")
    assert got["Kops"][1]["party"] == "Groep Wilders/Kops"
    assert got["Ter Horst"][1]["party"] == "GL"
    assert got["Jetten"][1]["roles"] == ["Tweede Kamerlid"]


def test_mp_without_party(nlp):
    got = persons(nlp, "Het kamerlid Sjoerdsma stelde eerder vragen.")
    assert got["Sjoerdsma"][1]["roles"] == ["Tweede Kamerlid"]
    assert got["Sjoerdsma"][1]["party"] is None


def test_motion_submitters(nlp):
    got = persons(nlp, "Zoals gevraagd in de motie van de leden Van Wijngaarden en Van den Berge (GL) en de motie Segers c.s.")
    assert got["Van Wijngaarden"][1]["roles"] == ["Tweede Kamerlid"]
    assert got["Van den Berge"][1]["party"] == "GL"
    assert got["Segers"][1]["roles"] == []  # "motie Segers" does not say he is an MP


def test_signature_on_two_lines_and_one_line(nlp):
    got = persons(nlp, "Ik vertrouw u hiermee te hebben geïnformeerd.\n\nDe Staatssecretaris van Justitie en Veiligheid,\nA. Harbers")
    assert got["A. Harbers"][1]["roles"] == ["Staatssecretaris van Justitie en Veiligheid"]
    got = persons(nlp, "Tot zover. De Minister voor Rechtsbescherming, F.M. Weerwind")
    assert got["F.M. Weerwind"][1]["roles"] == ["Minister voor Rechtsbescherming"]
    assert got["F.M. Weerwind"][1]["initials"] == "F.M."


def test_propagated_mentions_and_fullest_label(nlp):
    got = persons(nlp, "Onderzoeker Bart Schuurman publiceerde. Volgens Schuurman groeit de dreiging.")
    assert got["Bart Schuurman"][1]["roles"] == ["onderzoeker"]
    assert got["Schuurman"][0] == "person/schuurman"
    assert got["Schuurman"][1]["label"] == "Bart Schuurman"
    assert got["Schuurman"][1]["roles"] == []


def test_signatories_from_metadata(nlp):
    text = "Hoogachtend, mede namens mij, K. Ollongren"
    document = Document("x", "x", text, len(text), metadata=Metadata(signatories=["K. Ollongren"]))
    got = persons(nlp, text, document)
    assert got["K. Ollongren"][0] == "person/ollongren"


def test_sentence_initial_words_are_no_persons(nlp):
    assert persons(nlp, "Deze Minister is bereid. Daarnaast Onderzoek naar Terugkeer volgt. Gemeenten Helpen.") == {}


# Real lines of the seeds, cleaned by hand as ingest would.
@pytest.mark.parametrize("text,name,key,roles,party", [
    ("Vragen van de leden Yesilgöz-Zegerius (VVD) en Van Toorenburg (CDA) aan de Minister van Justitie en Veiligheid",
     "Van Toorenburg", "person/van-toorenburg", ["Tweede Kamerlid"], "CDA"),
    ("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 16 juli 2020).",
     "Grapperhaus", "person/grapperhaus", ["Minister van Justitie en Veiligheid"], None),
    ("gaan de volgelingen van de Saoedische geleerde Ahmed Umar al-Hazimi sneller over tot verkettering",
     "Ahmed Umar al-Hazimi", "person/al-hazimi", ["Saoedische geleerde"], None),
    ("Onderzoeker Torre Hamming stelde in 2018 al dat de Nederlander Abu Asim al-Magribby een centrale rol speelt",
     "Torre Hamming", "person/hamming", ["onderzoeker"], None),
    ("eerdere vragen terzake van het lid Van Raak (SP), ingezonden 9 juni 2020",
     "Van Raak", "person/van-raak", ["Tweede Kamerlid"], "SP"),
    ("vragen die zijn gesteld door het lid Van Klaveren (Groep Bontes/Van Klaveren) over onderwerp islamitische prediker.",
     "Van Klaveren", "person/van-klaveren", ["Tweede Kamerlid"], "Groep Bontes/Van Klaveren"),
    ("heeft Nederland (Minister Koenders van Buitenlandse Zaken) in september jl. het co-voorzitterschap",
     "Koenders", "person/koenders", ["Minister van Buitenlandse Zaken"], None),
    ("De Minister van Veiligheid en Justitie,\nI.W. Opstelten", "I.W. Opstelten", "person/opstelten",
     ["Minister van Veiligheid en Justitie"], None),
    ("De Minister van Justitie en Veiligheid, D. Yeşilgöz-Zegerius", "D. Yeşilgöz-Zegerius",
     "person/yesilgoz-zegerius", ["Minister van Justitie en Veiligheid"], None),
    ("De motie van het lid Van der Werf (D»66) vroeg gemeenten bewust te maken", "Van der Werf",
     "person/van-der-werf", ["Tweede Kamerlid"], "D»66"),
    ("De motie van de leden Van der Plas en Michon Derkzen vraagt te onderzoeken", "Michon Derkzen",
     "person/michon-derkzen", ["Tweede Kamerlid"], None),
    ("vroeg het lid Ephraim (Groep van Haga) uw Kamer", "Ephraim", "person/ephraim", ["Tweede Kamerlid"], "Groep van Haga"),
    ("invulling gegeven aan de JBZ-raad motie van Nispen over het ontwikkelen", "van Nispen", "person/van-nispen", [], None),
])
def test_seed_lines(nlp, text, name, key, roles, party):
    got = persons(nlp, text)
    assert got[name][0] == key
    assert got[name][1]["roles"] == roles
    assert got[name][1]["party"] == party


def test_name_inside_an_organisation_is_dropped(nlp):
    text = "Strijders van Omar al-Farouq Brigade vochten mee."
    doc = nlp.make_doc(text)
    start = text.index("Omar")
    doc.spans["kg_organizations"] = [doc.char_span(start, text.index(" vochten"), label="Organization")]
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.text for s in doc.spans["kg_persons"]] == []
    plain = nlp(text)
    assert [s.text for s in plain.spans["kg_persons"]] == ["Omar al-Farouq"]


def test_factory_config_points_to_other_patterns(tmp_path):
    patterns = tmp_path / "p.jsonl"
    patterns.write_text('{"id": "x", "cue": "\\\\bgenaamd\\\\s+", "roles": ["bijnaam"]}\n', encoding="utf-8")
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("kg_persons", config={"patterns_path": str(patterns)})
    doc = pipeline("Een man genaamd Pieters en burgemeester Halsema.")
    assert [(s.text, s._.kg["roles"]) for s in doc.spans["kg_persons"]] == [("Pieters", ["bijnaam"])]


@settings(max_examples=300, deadline=None)
@given(st.text("Rut e-)(x ", max_size=30), st.text("Rute-", max_size=4), st.sampled_from(["", r"|\s*\)"]))
def test_whole_word_is_the_regex_search(text, word, after):
    import re

    from kg.extract.persons import _whole_word

    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-]{after})", text)]
    assert [m.span() for m in _whole_word(text, word, after)] == expected


def test_members_named_in_a_capitals_heading(nlp):
    found = persons(nlp, "Nr. 12 MOTIE VAN DE LEDEN DE VRIES EN TEN HOVE\n\nDe Kamer, gehoord De Vries.")
    assert found["DE VRIES"][0] == "person/de-vries" and found["DE VRIES"][1]["roles"] == ["Tweede Kamerlid"]
    assert found["TEN HOVE"][1]["label"] == "Ten Hove"  # the name as a name, offsets as written
    # the ministry in a capitals letter heading is no person
    assert persons(nlp, "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID") == {}


REPORT = """Nr. 12 VERSLAG VAN EEN COMMISSIEDEBAT

De vaste commissie voor Justitie en Veiligheid heeft op 2 juni 2023 overleg gevoerd met de heer Jansen, Minister van Justitie en Veiligheid, over:

De voorzitter van de vaste commissie voor Justitie en Veiligheid, Smit-Bakker

De griffier van de commissie, De Wit

Voorzitter: Van der Linden

Griffier: Pauw

Aanwezig zijn drie leden der Kamer, te weten: Akkerman, Ten Hove en Visser,

De heer Akkerman (PVV): Voorzitter. Dank u wel.

De voorzitter: Ik geef het woord aan de minister."""


def test_committee_report_people(nlp):
    found = {kg["label"]: (kg["roles"], kg["party"]) for _, kg in persons(nlp, REPORT).values()}
    assert found["Jansen"] == (["Minister van Justitie en Veiligheid"], None)
    assert found["Smit-Bakker"] == (["voorzitter van de vaste commissie voor Justitie en Veiligheid"], None)
    assert found["De Wit"] == (["griffier van de commissie"], None)
    assert found["Van der Linden"] == (["voorzitter"], None)
    assert found["Pauw"] == (["griffier"], None)
    assert found["Ten Hove"] == (["Tweede Kamerlid"], None) and found["Visser"] == (["Tweede Kamerlid"], None)
    assert set(found["Akkerman"][0]) == {"Tweede Kamerlid"} and found["Akkerman"][1] == "PVV"
    # "De voorzitter: Ik geef …" is the chair speaking, not a person named Ik
    assert "Ik" not in found


def test_party_after_van_is_no_part_of_the_name(nlp):
    found = persons(nlp, "Dan is het woord aan mevrouw Pauw van GroenLinks en aan de heer Smit van de VVD.")
    assert {kg["label"]: kg["party"] for _, kg in found.values()} == {"Pauw": "GroenLinks", "Smit": "VVD"}


def test_forms_of_address_and_a_portfolio_without_its_preposition(nlp):
    found = persons(nlp, "Het debat is aangevraagd mede namens de heren Akkerman en Van der Linden. "
                         "De Staatssecretaris Rechtsbescherming antwoordt.")
    assert sorted(kg["label"] for _, kg in found.values()) == ["Akkerman", "Van der Linden"]


def test_chair_and_clerk_on_one_line(nlp):
    found = persons(nlp, "Voorzitter: Van der Linden Griffier: Pauw\n\nAanwezig zijn")
    assert {kg["label"]: kg["roles"] for _, kg in found.values()} == {"Van der Linden": ["voorzitter"],
                                                                      "Pauw": ["griffier"]}


def test_a_speaker_is_a_member_only_with_a_party(nlp):
    found = persons(nlp, "De heer Van Dissel (RIVM): Dank u wel.\n\nDe heer Akkerman (PVV): Voorzitter.")
    roles = {kg["label"]: (kg["roles"], kg["party"]) for _, kg in found.values()}
    assert roles["Akkerman"] == (["Tweede Kamerlid"], "PVV")
    assert "Tweede Kamerlid" not in roles.get("Van Dissel", ([], None))[0]


def test_a_list_after_one_form_of_address_is_not_all_persons(nlp):
    found = persons(nlp, "Ik heb dat ook aan mevrouw Pauw en De Telegraaf gezegd.")
    assert [kg["label"] for _, kg in found.values()] == ["Pauw"]


def test_a_title_does_not_name_what_follows_a_blank_line(nlp):
    found = persons(nlp, "Nationaal Coördinator Terrorismebestrijding\n\nPostadres: Postbus 1\n\n"
                         "Het overleg met de Minister\nGrapperhaus was kort.")
    assert [kg["label"] for _, kg in found.values()] == ["Grapperhaus"]  # a wrapped line is still read


def test_a_street_under_a_title_is_no_person(nlp):
    found = persons(nlp, "Nationaal Coördinator Terrorismebestrijding en\nVeiligheid\nTurfmarkt 147\n\n"
                         "Het overleg met de Minister\nGrapperhaus was kort.")
    assert [kg["label"] for _, kg in found.values()] == ["Grapperhaus"]


def test_letterhead_words_are_no_names(nlp):
    found = persons(nlp, "Nationaal Coördinator Terrorismebestrijding Postadres: Postbus 16950 Bezoekadres Turfmarkt")
    assert found == {}


@pytest.mark.parametrize("joiner", ["\n", " "])
def test_a_question_pages_header_names_askers_and_answerers(nlp, joiner):
    """openkamer's header: askers with their party, answerers with office and party
    (the header's lines may reach the pipeline joined into one)."""
    text = joiner.join(["Ingediend 1 mei 2016", "Indieners Anna Bakker (SP), Piet de Wit (D66)",
                        "Beantwoord door Jan Jansen (minister justitie en veiligheid) (CDA), "
                        "Els Smit (viceminister-president , minister sociale zaken en werkgelegenheid) (PvdA), "
                        "Kees Vos (VVD)", "Onderwerpen terrorisme"])
    got = persons(nlp, text)
    assert {n: (kg["roles"], kg["party"]) for n, (_, kg) in got.items()} == {
        "Anna Bakker": ([], "SP"), "Piet de Wit": ([], "D66"),
        "Jan Jansen": (["Minister van Justitie en Veiligheid"], "CDA"),
        "Els Smit": (["Vice-Minister-President", "Minister van Sociale Zaken en Werkgelegenheid"], "PvdA"),
        "Kees Vos": ([], "VVD")}


def test_a_written_questions_page_makes_its_askers_tweede_kamerleden(nlp):
    text = "Kamervraag 2011Z07609\n\nIndieners Anna Bakker (PVV), Piet de Wit (PVV)\nBeantwoord door\n"
    question = Document("kv-tk-2011Z07609", "x", text, len(text), metadata=Metadata(id="kv-tk-2011Z07609"))
    got = persons(nlp, text, question)
    assert {n: kg["roles"] for n, (_, kg) in got.items()} == {"Anna Bakker": ["Tweede Kamerlid"],
                                                             "Piet de Wit": ["Tweede Kamerlid"]}
    other = Document("kst-1-2", "x", text, len(text), metadata=Metadata(id="kst-1-2"))  # a letter's submitters
    assert persons(nlp, text, other)["Anna Bakker"][1]["roles"] == []


def test_a_motion_pages_submitters_are_members_of_its_chamber(nlp):
    text = "Indiener(s): Anna Bakker (VVD), Piet de Wit (CDA)\n\nMotie van het lid Bakker c.s.\n"
    motion = Document("kst-1-3", "x", text, len(text), metadata=Metadata(id="kst-1-3", type="motie"))
    got = persons(nlp, text, motion)
    assert got["Piet de Wit"][1]["roles"] == ["Tweede Kamerlid"]
    senate = Document("kst-1-C", "x", text, len(text),
                      metadata=Metadata(id="kst-1-C", type="motie", chamber="Eerste Kamer"))
    assert persons(nlp, text, senate)["Piet de Wit"][1]["roles"] == ["Eerste Kamerlid"]


def test_a_parliamentary_group_leader_is_a_role(nlp):
    got = persons(nlp, "Mijn fractievoorzitter Karel Appel en ik hebben dit al gezegd.")
    assert got["Karel Appel"][1]["roles"] == ["fractievoorzitter"]
    assert persons(nlp, "De film van de XYZ-fractievoorzitter over dit boek.") == {}


def test_an_office_without_a_known_portfolio_is_no_role(nlp):
    got = persons(nlp, "Beantwoord door Jan Jansen (minister zonder portefeuille iets anders) (CDA)\n")
    assert got["Jan Jansen"][1]["roles"] == [] and got["Jan Jansen"][1]["party"] == "CDA"


def test_an_office_whose_portfolio_the_page_left_out_is_the_bare_title(nlp):
    """openkamer sometimes writes "(minister )": the office as written, not nothing."""
    got = persons(nlp, "Beantwoord door Jan Jansen (minister ) (CDA), Els Smit (staatssecretaris) (VVD)\n")
    assert got["Jan Jansen"][1]["roles"] == ["minister"] and got["Jan Jansen"][1]["party"] == "CDA"
    assert got["Els Smit"][1]["roles"] == ["staatssecretaris"]


def test_beantwoord_door_inside_a_sentence_names_no_one(nlp):
    assert "Jansen" not in persons(nlp, "De vragen zijn beantwoord door Jansen, zei hij.")


def test_a_motions_signatories_are_members_a_letters_are_not(nlp):
    text = "verzoekt de regering iets te doen,\n\nen gaat over tot de orde van de dag.\n\nBakker\n\nVan Dam"
    motion = Document("x", "x", text, len(text), metadata=Metadata(type="motie", signatories=["Bakker", "Van Dam"]))
    got = persons(nlp, text, motion)
    assert got["Bakker"][1]["roles"] == ["Tweede Kamerlid"] and got["Van Dam"][1]["roles"] == ["Tweede Kamerlid"]
    letter = Document("x", "x", text, len(text), metadata=Metadata(type="brief", signatories=["Bakker"]))
    assert persons(nlp, text, letter)["Bakker"][1]["roles"] == []


def test_a_question_pages_header_as_a_markdown_table(nlp):
    text = ("Indieners | Anna Bakker (CDA), Piet de Wit (CDA) |\n"
            "Beantwoord door | Jan Jansen (minister justitie en veiligheid) (VVD) |\n")
    got = persons(nlp, text)
    assert {n: kg["party"] for n, (_, kg) in got.items()} == {"Anna Bakker": "CDA", "Piet de Wit": "CDA", "Jan Jansen": "VVD"}


def test_a_surname_that_is_part_of_a_double_name_in_the_document_is_that_person(nlp):
    got = persons(nlp, "Indiener(s): Ingrid Michon (VVD)\n\nMotie van het lid Michon-Derkzen over iets.")
    assert got["Ingrid Michon"][0] == got["Michon-Derkzen"][0] == "person/michon-derkzen"
    # two double names with that part: no guess
    got = persons(nlp, "Het lid Jansen, het lid Jansen-Smit en het lid De Boer-Jansen spraken.")
    assert got["Jansen"][0] == "person/jansen"


def test_committee_signatures_with_a_comma_in_the_committees_name(nlp):
    text = ("De voorzitter van de vaste commissie voor Onderwijs, Cultuur en Wetenschap,\n\nAptroot\n\n"
            "De griffier van de algemene commissie voor Integratiebeleid,\n\nBeuker")
    got = persons(nlp, text)
    assert got["Aptroot"][1]["roles"] == ["voorzitter van de vaste commissie voor Onderwijs, Cultuur en Wetenschap"]
    assert got["Beuker"][1]["roles"] == ["griffier van de algemene commissie voor Integratiebeleid"]


def test_in_an_eerste_kamer_document_members_are_senators(nlp):
    text = "verzoekt de regering iets,\n\nen gaat over tot de orde van de dag.\n\nBakker\n\nVan Dam"
    meta = Metadata(type="motie", signatories=["Bakker", "Van Dam"], chamber="Eerste Kamer")
    got = persons(nlp, text, Document("x", "x", text, len(text), metadata=meta))
    assert got["Bakker"][1]["roles"] == ["Eerste Kamerlid"] and got["Van Dam"][1]["roles"] == ["Eerste Kamerlid"]


@pytest.mark.parametrize("text,name,roles", [
    ("Overleg met Minister van der Steur van Veiligheid en Justitie over terrorisme.", "van der Steur",
     ["Minister van Veiligheid en Justitie"]),
    ("Collega Plasterk zal ingaan op de vragen over de AIVD.", "Plasterk", []),
])
def test_a_minister_with_a_lower_case_particle_and_a_colleague(nlp, text, name, roles):
    assert persons(nlp, text)[name][1]["roles"] == roles


@pytest.mark.parametrize("text", ["Toen hoorde de minister van de New Yorkse politie dat hij vertrok.",
                                  "De Minister van Defensie en een collega van de minister spraken."])
def test_no_name_after_a_title_and_a_portfolio_or_a_lower_case_title(nlp, text):
    assert persons(nlp, text) == {}


@pytest.mark.parametrize("text,names", [
    ("Indiener(s): Guusje ter Horst\n", ["Guusje ter Horst"]),
    ("Indieners Han ten Broeke (VVD), Jeroen Recourt (PvdA)\n", ["Han ten Broeke", "Jeroen Recourt"]),
    ("Mijn collega Kamerlid Van der Staaij vroeg het.", ["Van der Staaij"]),
    ("De collega Kamerleden en de collega Fracties stemden.", []),
])
def test_review_findings_on_names(nlp, text, names):
    assert sorted(persons(nlp, text)) == sorted(names)


def test_a_surname_without_a_first_name_is_not_merged_into_a_double_name(nlp):
    got = persons(nlp, "Het lid Dekker-Abdulaziz (D66) vroeg Minister Dekker om een reactie.")
    assert got["Dekker"][0] == "person/dekker" and got["Dekker-Abdulaziz"][0] == "person/dekker-abdulaziz"


def test_an_eerste_kamer_document_keeps_a_named_tweede_kamerlid(nlp):
    text = "Het wetsvoorstel van het Tweede Kamerlid Omtzigt (CDA) werd besproken.\n\nDe heer Bakker (PVV):\n\nVoorzitter."
    got = persons(nlp, text, Document("x", "x", text, len(text), metadata=Metadata(chamber="Eerste Kamer")))
    assert got["Omtzigt"][1]["roles"] == ["Tweede Kamerlid"] and got["Bakker"][1]["roles"] == ["Eerste Kamerlid"]


@pytest.mark.parametrize("text,name", [
    ("Volgens Abu Bakr al-Baghdadi gaat het door.", "Abu Bakr al-Baghdadi"),
    ("Toen Ahmed Umar al-Hazimi sprak, luisterde men.", "Ahmed Umar al-Hazimi"),
])
def test_a_sentences_first_word_is_not_part_of_a_name(nlp, text, name):
    assert list(persons(nlp, text)) == [name]


def test_a_page_header_label_after_a_title_word_is_no_name(nlp):
    # a page's header lines joined: the title ends "… in bezit van verdachte", the next line is a label
    got = persons(nlp, "Brief over een tekst in bezit van verdachte Documentdatum 02-11-2004 Publicatiedatum 12-03-2009")
    assert got == {}


def test_members_in_an_eerste_kamer_document_are_senators_unless_called_tweede_kamerlid(nlp):
    text = "De motie van het lid Bikker c.s. is aangenomen; het Tweede Kamerlid Omtzigt en de leden Ruers en Dercksen keken toe."
    senate = Document("x", "x", text, len(text), metadata=Metadata(chamber="Eerste Kamer"))
    got = persons(nlp, text, senate)
    assert {n: kg["roles"] for n, (_, kg) in got.items()} == {
        "Bikker": ["Eerste Kamerlid"], "Omtzigt": ["Tweede Kamerlid"], "Ruers": ["Eerste Kamerlid"],
        "Dercksen": ["Eerste Kamerlid"]}
    for written in ("het Tweede\nKamerlid Omtzigt", "het Tweede-Kamerlid Omtzigt", "het Tweede\u00a0Kamerlid Omtzigt",
                    "de Tweede-Kamerleden Omtzigt en Leijten"):
        other = Document("x", "x", written, len(written), metadata=Metadata(chamber="Eerste Kamer"))
        assert {r for _, kg in persons(nlp, written, other).values() for r in kg["roles"]} == {"Tweede Kamerlid"}, written
    house = Document("x", "x", text, len(text), metadata=Metadata(chamber="Tweede Kamer"))
    assert {kg["roles"][0] for _, kg in persons(nlp, text, house).values()} == {"Tweede Kamerlid"}


def test_a_bracketed_kamerstuk_after_a_name_is_no_party(nlp):
    got = persons(nlp, "Het lid Franken (EK 28 764, E) diende de motie in.")
    assert got["Franken"][1]["party"] is None


def test_a_speaker_inline_after_a_sentence(nlp):
    got = persons(nlp, "De heer Brinkman krijgt het woord. De heer Brinkman (PVV): Voorzitter. Ik begin.")
    assert got["Brinkman"][1]["party"] == "PVV" and got["Brinkman"][1]["roles"] == ["Tweede Kamerlid"]



def test_another_countrys_office_is_not_the_dutch_post(nlp):
    got = persons(nlp, "Hoe beoordeelt u de uitspraak van de Turkse premier Erdoğan over Europa?")
    assert got["Erdoğan"][1]["roles"] == ["Turkse premier"]
    got = persons(nlp, "Hij sprak met de Franse minister Darmanin van Binnenlandse Zaken en premier Rutte.")
    assert got["Darmanin"][1]["roles"] == ["Franse minister van Binnenlandse Zaken"]
    assert got["Rutte"][1]["roles"] == ["Minister-President"]


def test_a_second_title_after_the_portfolio(nlp):
    got = persons(nlp, "De commissie heeft overleg gevoerd met de heer Asscher, Minister van Sociale Zaken en "
                       "Werkgelegenheid, Vice-Minister-President, en de heer Van der Steur, Minister van Veiligheid en "
                       "Justitie, over terrorisme.")
    assert got["Asscher"][1]["roles"] == ["Minister van Sociale Zaken en Werkgelegenheid", "Vice-Minister-President"]
    assert got["Van der Steur"][1]["roles"] == ["Minister van Veiligheid en Justitie"]


def test_two_clerks_in_a_committee_heading():
    from kg.extract.pipeline import adapt_tokenizer

    nlp = spacy.blank("nl")
    adapt_tokenizer(nlp)  # "Nava/Van" is two words, as in kamerkg's pipeline
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_persons")
    got = persons(nlp, "Voorzitter: Van Toorenburg\nGriffier: Nava/Van Doorn\n\nAanwezig zijn 5 leden der Kamer.")
    assert got["Nava"][1]["roles"] == ["griffier"]
    assert got["Van Doorn"][1]["roles"] == ["griffier"]


def test_a_title_before_the_title_and_name(nlp):
    got = persons(nlp, "De commissie heeft overleg gevoerd met Vice-Minister-President, Minister Asscher van Sociale "
                       "Zaken en Werkgelegenheid en Minister Plasterk van Binnenlandse Zaken.")
    assert got["Asscher"][1]["roles"] == ["Minister van Sociale Zaken en Werkgelegenheid", "Vice-Minister-President"]
    assert got["Plasterk"][1]["roles"] == ["Minister van Binnenlandse Zaken en Koninkrijksrelaties"]


def test_party_glued_before_kamerlid_and_as_a_fraction_after_the_name(nlp):
    got = persons(nlp, "Het VVD-kamerlid Hans van Baalen stelde vragen, net als eerder het CDA-kamerlid Camiel Eurlings.")
    assert got["Hans van Baalen"][1]["party"] == "VVD"
    assert got["Camiel Eurlings"][1]["party"] == "CDA"
    got = persons(nlp, "Ik heet ook de heer Van der Vlies van de SGP-fractie welkom.")
    assert got["Van der Vlies"][1]["party"] == "SGP"


def test_titles_of_other_people_in_a_list_are_not_taken(nlp):
    got = persons(nlp, "Aanwezig waren de minister-president, Minister Grapperhaus van Justitie en Veiligheid en de "
                       "korpschef.")
    assert got["Grapperhaus"][1]["roles"] == ["Minister van Justitie en Veiligheid"]
    got = persons(nlp, "Overleg met de heer Grapperhaus, Minister van Justitie en Veiligheid, burgemeester Halsema en "
                       "de korpschef.")
    assert got["Grapperhaus"][1]["roles"] == ["Minister van Justitie en Veiligheid"]
    assert got["Halsema"][1]["roles"] == ["burgemeester"]


def test_a_party_named_motion_gives_its_members_no_party(nlp):
    got = persons(nlp, "Over de CDA-motie van de leden Omtzigt en Segers is gestemd.")
    assert got["Segers"][1]["party"] is None and got["Omtzigt"][1]["party"] is None


def test_a_list_of_clerks_keeps_every_name(nlp):
    got = persons(nlp, "Voorzitter: Van Toorenburg\nGriffier: Tielens-Tripels, Jansen en Pietersen\n\nAanwezig zijn 5 "
                       "leden der Kamer.")
    assert {n for n in got if got[n][1]["roles"] == ["griffier"]} == {"Tielens-Tripels", "Jansen", "Pietersen"}
