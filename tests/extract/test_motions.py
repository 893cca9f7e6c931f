"""kg_motions on sentences written for the tests and on cleaned seed lines."""
import pytest
import spacy

import kg.extract.motions  # noqa: F401  (registers the factory)
import kg.extract.persons  # noqa: F401
from kg.extract.motions import kamerstuk_ids
from kg.model import Document, Footnote


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_motions")
    return pipeline


def run(nlp, text, document=None, citations=None):
    doc = nlp.make_doc(text)
    doc._.kg_document = document
    if citations is not None:
        group = []
        for cid, surface in citations:
            start = text.index(surface)
            span = doc.char_span(start, start + len(surface), label="Citation", kb_id=cid, alignment_mode="expand")
            group.append(span)
        doc.spans["kg_citations"] = group
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.kb_id_, s._.kg) for s in doc.spans["kg_motions"]]


def with_footnotes(body, notes):
    """A Document whose footnotes follow the body; ``notes`` maps a marker
    written in the body ("3") to the footnote text."""
    text = body + "\n\n" + "\n\n".join(f"{n} {t}" for n, t in notes.items())
    footnotes = []
    for n, t in notes.items():
        start = text.index(f"\n{n} {t}") + 1
        marker = body.index(n)
        footnotes.append(Footnote(n, start, start + len(n) + 1 + len(t), marker, marker + len(n)))
    return Document("x", "x", text, len(body), footnotes)


@pytest.mark.parametrize("surface,cid", [
    ("Kamerstuk 29 754, nr. 224", "kst-29754-224"),
    ("Kamerstuk 35 925 VI, nr. 69", "kst-35925-VI-69"),
    ("Kamerstuk 34 775, VI, T", "kst-34775-VI-T"),
    ("Kamerstukken 29 754 en 27 925, nr. 370", "kst-29754-370"),
    ("Kamerstuk 36 200 VII, nr. 12", "kst-36200-VII-12"),
])
def test_local_citation_normaliser(surface, cid):
    assert kamerstuk_ids(f"Zie {surface}.")[0][0] == cid


def test_bare_motion_with_citation_in_brackets(nlp):
    (key, kg), = run(nlp, "Het kabinet heeft de wet aangepast (motie Omtzigt c.s., Kamerstuk 21 501, nr. 30).")
    assert kg["submitters"] == ["Omtzigt"]
    assert kg["cites"] == key == "kst-21501-30"
    assert kg["label"] == "motie Omtzigt c.s."


def test_motion_of_members_with_parties(nlp):
    (key, kg), = run(nlp, "De motie van de leden Kuzu (DENK) en Van Ojik (GL) vraagt om een verbod.")
    assert kg["submitters"] == ["Kuzu", "Van Ojik"]
    assert kg["parties"] == ["DENK", "GL"]
    assert kg["cites"] is None
    assert key == "motion/kuzu-van-ojik"


@pytest.mark.parametrize("text,submitters", [
    ("Met de motie van de heer Bakker van 1 mei 2007 (Kamerstuk 31 200 VI, nr. 79) is gevraagd om een evaluatie.",
     ["Bakker"]),
    ("De motie van mevrouw De Wit (Kamerstuk 31 200 VI, nr. 79) vraagt om een evaluatie.", ["De Wit"]),
])
def test_motion_of_a_member_by_form_of_address(nlp, text, submitters):
    (key, kg), = run(nlp, text)
    assert kg["submitters"] == submitters
    assert kg["cites"] == key == "kst-31200-VI-79"


def test_heading_and_anaphor_are_no_motion(nlp):
    assert run(nlp, "Motie over radicalisering in gevangenissen. Deze motie is uitgevoerd. Een aantal moties is nog open.") == []


def test_footnote_marker_gives_citation(nlp):
    body = "De motie van het lid Sneller (D66)4 verzoekt de regering een plan te maken."
    document = with_footnotes(body, {"4": "Kamerstuk 30 821, nr. 140."})
    (key, kg), = run(nlp, document.text, document)
    assert kg["cites"] == key == "kst-30821-140"
    assert kg["parties"] == ["D66"]


def test_footnote_marker_later_in_sentence(nlp):
    body = "Dit onderzoek volgt op de motie van het lid Wörsdörfer c.s. die daar uitdrukkelijk om vroeg.7 Het loopt nog."
    document = with_footnotes(body, {"7": "Kamerstuk 32 317, VI, Q."})
    (key, kg), = run(nlp, document.text, document)
    assert kg["cites"] == "kst-32317-VI-Q"
    assert kg["status"] is None


def test_marker_in_a_later_sentence_is_not_taken(nlp):
    body = "De motie Markuszower vroeg om een lijst. Die lijst komt er.9 Meer volgt."
    document = with_footnotes(body, {"9": "Kamerstuk 29 754, nr. 700."})
    (_key, kg), = run(nlp, document.text, document)
    assert kg["cites"] is None


def test_citations_from_kg_citations_are_used(nlp):
    text = "Conform de gewijzigde motie Klaver, Kamerstuk 28 286, nr. 1188, is een brief gestuurd."
    (key, kg), = run(nlp, text, citations=[("kst-28286-1188", "Kamerstuk 28 286, nr. 1188")])
    assert key == "kst-28286-1188"
    assert kg["status"].startswith("Conform de gewijzigde motie Klaver")


def test_repeated_motion_gets_its_own_span_and_status(nlp):
    text = ("De motie van het lid Boswijk vroeg om meer capaciteit. Er is geld vrijgemaakt. "
            "Hiermee is de motie van het lid Boswijk afgedaan. De motie Eerdmans vraagt iets anders.")
    found = run(nlp, text)
    assert [kg["submitters"] for _k, kg in found] == [["Boswijk"], ["Boswijk"], ["Eerdmans"]]
    assert found[0][0] == found[1][0] == "motion/boswijk"
    assert found[0][1]["status"] is None
    assert found[1][1]["status"] == "Hiermee is de motie van het lid Boswijk afgedaan"
    assert found[2][1]["status"] is None


def test_status_anaphor(nlp):
    text = ("De motie Van Dijk verzoekt de regering te onderzoeken of dit kan. Het onderzoek is lastig. "
            "Deze motie is daarom nog niet volledig uitvoerbaar.")
    (_key, kg), = run(nlp, text)
    assert kg["status"] == "Deze motie is daarom nog niet volledig uitvoerbaar"


def test_status_stops_at_next_motion(nlp):
    text = "De motie Tielen vraagt om cijfers. De motie Hermans vraagt om een wet. Deze motie is uitgevoerd."
    first, second = run(nlp, text)
    assert first[1]["status"] is None
    assert second[1]["status"] == "Deze motie is uitgevoerd"


def test_plural_bare_motions_are_separate(nlp):
    found = run(nlp, "De moties Bisschop en Dassen zijn beide aangenomen.")
    assert [kg["submitters"] for _k, kg in found] == [["Bisschop"], ["Dassen"]]


# Real seed lines, cleaned by hand as ingest would.
def test_seed_dijkhoff(nlp):
    text = ("Teneinde het juridisch instrumentarium te versterken wordt het wetsvoorstel voor advies naar de Raad "
            "van State gestuurd (motie Dijkhoff c.s. Kamerstuk 29 754, nr. 224).")
    (key, kg), = run(nlp, text)
    assert (key, kg["submitters"]) == ("kst-29754-224", ["Dijkhoff"])


def test_seed_van_der_werf_with_footnote_and_status(nlp):
    body = ("De motie van het lid Van der Werf (D»66)3 vroeg gemeenten bewust te maken van de dreiging. "
            "Ook verzocht de motie gemeenten attent te maken op welke ondersteuning hiervoor beschikbaar is. "
            "Deze motie is derhalve momenteel niet optimaal uitvoerbaar.")
    document = with_footnotes(body, {"3": "Kamerstuk 35 925 VI, nr. 69."})
    (key, kg), = run(nlp, document.text, document)
    assert key == "kst-35925-VI-69"
    assert kg["parties"] == ["D»66"]
    assert kg["status"] == "Deze motie is derhalve momenteel niet optimaal uitvoerbaar"


def test_seed_bikker_and_nispen(nlp):
    body = "Deze evaluatie geeft invulling aan de motie van het lid Bikker c.s. die hier specifiek om verzocht.8"
    document = with_footnotes(body, {"8": "Kamerstuk 34 775, VI, T."})
    (key, kg), = run(nlp, document.text, document)
    assert key == "kst-34775-VI-T"
    assert "invulling aan de motie" in kg["status"]
    (_key, kg), = run(nlp, "Hiermee is invulling gegeven aan de JBZ-raad motie van Nispen over deradicalisering.")
    assert kg["submitters"] == ["van Nispen"]
    assert "invulling gegeven" in kg["status"]


def test_footnote_citation_read_from_kg_citations(nlp):
    body = "Eerder verscheen een brief (Kamerstuk 10 000, nr. 5). De motie Van Baarle6 vraagt om een verbod."
    document = with_footnotes(body, {"6": "Kamerstuk 36 410, nr. 9."})
    citations = [("kst-36410-9", "Kamerstuk 36 410, nr. 9"), ("kst-10000-5", "Kamerstuk 10 000, nr. 5")]
    (key, kg), = run(nlp, document.text, document, citations=citations)
    assert key == kg["cites"] == "kst-36410-9"


def test_hyphenated_motion_keeps_its_own_extras():
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_persons")
    pipeline.add_pipe("kg_motions")
    doc = pipeline("In de motie-Van der Staaij (Kamerstuk 29 754, nr. 501) wordt om een verbod gevraagd.")
    (motion,) = doc.spans["kg_motions"]
    (person,) = doc.spans["kg_persons"]
    assert motion._.kg["submitters"] == ["Van der Staaij"]
    assert motion.kb_id_ == "kst-29754-501"
    assert person.kb_id_ == "person/van-der-staaij"
    assert person._.kg["text"] == "Van der Staaij"


def test_motion_document_heading_in_capitals(nlp) -> None:
    """A motion document's own heading: its id, and all who signed it as submitters."""
    from kg.ingest.metadata import extract_metadata

    text = ("31 234 Voorbeelddossier\n\nNr. 87 MOTIE VAN HET LID VAN DER BERG C.S.\n\nDe Kamer,\n\n"
            "verzoekt de regering, de motie van het lid Smit uit te voeren,\n\n"
            "en gaat over tot de orde van de dag.\n\nVan der Berg\n\nJansen")
    document = Document("kst-31234-87", "x", text, len(text), metadata=extract_metadata(text))
    found = run(nlp, text, document)
    heading, other = found
    assert heading[0] == "kst-31234-87"
    assert heading[1]["label"] == "MOTIE VAN HET LID VAN DER BERG C.S."
    assert heading[1]["submitters"] == ["Van der Berg", "Jansen"]
    # another motion named in its text keeps its own submitter
    assert other[1]["submitters"] == ["Smit"] and other[0] == "motion/smit"


def test_capitals_heading_without_document(nlp) -> None:
    (key, extra), = run(nlp, "MOTIE VAN DE LEDEN DE VRIES EN TEN HOVE\n\nDe Kamer,")
    assert extra["submitters"] == ["De Vries", "Ten Hove"] and key == "motion/de-vries-ten-hove"


def test_motion_filed_in_a_debate_gets_its_number(nlp) -> None:
    text = ("De voorzitter:\n\nDeze motie is voorgesteld door de leden Akkerman en Van der Linden. Naar mij blijkt, "
            "wordt de indiening ervan voldoende ondersteund.\n\nZij krijgt nr. 812 (29754).")
    (key, extra), = run(nlp, text, citations=[("kst-29754-812", "krijgt nr. 812 (29754)")])
    assert key == "kst-29754-812" and extra["submitters"] == ["Akkerman", "Van der Linden"]


def test_an_amended_motion_names_the_motion_it_replaces():
    import kg.extract.citations  # noqa: F401
    from kg.model import Metadata

    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_citations")
    pipeline.add_pipe("kg_motions")
    title = "GEWIJZIGDE MOTIE VAN HET LID BAKKER C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9"
    text = f"Nr. 34 {title}\n\nDe Kamer,\n\nverzoekt de regering iets,\n\nen gaat over tot de orde van de dag.\n\nBakker\n\nDe Wit"
    meta = Metadata(id="kst-31234-34", type="motie", dossier="31234", number="34", title=title,
                    signatories=["Bakker", "De Wit"])
    doc = pipeline.make_doc(text)
    doc._.kg_document = Document("x", "x", text, len(text), metadata=meta)
    for _name, proc in pipeline.pipeline:
        doc = proc(doc)
    assert [s.kb_id_ for s in doc.spans["kg_citations"]] == ["kst-31234-9"]
    motions = {s.kb_id_: s._.kg["submitters"] for s in doc.spans["kg_motions"]}
    assert motions == {"kst-31234-34": ["Bakker", "De Wit"], "kst-31234-9": ["Bakker", "De Wit"]}


def test_a_replaced_number_needs_the_documents_dossier():
    from kg.extract.citations import replaced_in_own_dossier

    text = "GEWIJZIGDE MOTIE TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9"
    assert replaced_in_own_dossier(text, None, set()) == []
    (cit,) = replaced_in_own_dossier(text, "35300-V", set())
    assert (cit.id, cit.text) == ("kst-35300-V-9", "GEDRUKT ONDER NR. 9")


def test_a_motion_documents_page_title_names_the_motion_it_shows():
    import kg.extract.citations  # noqa: F401
    from kg.model import Metadata

    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_motions")
    title = "MOTIE VAN DE LEDEN BAKKER EN DE WIT"
    text = (f"Motie Bakker/De Wit over iets - Vaststelling van de begroting\n\nOfficiële titel Motie van de leden "
            f"Bakker en De Wit over iets\n\nNr. 41 {title}\n\nDe Kamer,\n\nverwijst naar de motie Smit.")
    meta = Metadata(id="kst-31234-41", type="motie", dossier="31234", number="41", title=title)
    doc = pipeline.make_doc(text)
    doc._.kg_document = Document("x", "x", text, len(text), metadata=meta)
    for _name, proc in pipeline.pipeline:
        doc = proc(doc)
    assert [s.kb_id_ for s in doc.spans["kg_motions"]] == ["kst-31234-41"] * 3 + ["motion/smit"]


SPEECH = ("De voorzitter:\n\nHet woord is aan mevrouw Bakker.\n\nMevrouw Bakker (D66):\n\nVoorzitter. Ik dien de "
          "volgende motie in.\n\nMotie\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering iets,\n\n"
          "en gaat over tot de orde van de dag.\n\n")


def test_a_motion_filed_in_a_debate_has_the_speaker_as_submitter(nlp):
    found = run(nlp, SPEECH + "De voorzitter:\n\nDank u wel.")
    assert [(key, kg["submitters"], kg["parties"]) for key, kg in found] == [("motion/bakker", ["Bakker"], ["D66"])]


def test_a_filed_motion_announced_after_its_text_is_read_once(nlp):
    text = SPEECH + "Deze motie is voorgesteld door het lid Bakker. Zij krijgt nr. 99 (29754)."
    found = run(nlp, text)
    assert [(kg["pattern"], kg["submitters"]) for _key, kg in found] == [("motion-announced", ["Bakker"])]


def test_a_motie_heading_without_a_member_speaking_is_no_filed_motion(nlp):
    assert run(nlp, "De voorzitter:\n\nIk lees voor.\n\nMotie\n\nDe Kamer,\n\nverzoekt de regering iets.") == []


def test_a_replacement_in_running_text_is_not_put_in_the_documents_dossier():
    from kg.extract.citations import replaced_in_own_dossier

    text = "de motie (Kamerstuk 35 000 VI, nr. 41), ter vervanging van die gedrukt onder nr. 9, is aangenomen"
    assert replaced_in_own_dossier(text, "29754", set()) == []
    heading = "GEWIJZIGD AMENDEMENT VAN HET LID X TER VERVANGING VAN DAT GEDRUKT ONDER NR. 12"
    assert [c.id for c in replaced_in_own_dossier(heading, "29754", set())] == ["kst-29754-12"]


def test_a_filed_motion_takes_the_speaker_whose_line_goes_on_after_the_colon(nlp):
    text = ("De heer Van Raak (SP):\n\nVoorzitter.\n\nMevrouw Kuiken (PvdA): Voorzitter, ik dien een motie in.\n\n"
            "Motie\n\nDe Kamer,\n\nverzoekt de regering iets,\n\nen gaat over tot de orde van de dag.")
    assert [kg["submitters"] for _key, kg in run(nlp, text)] == [["Kuiken"]]


def test_motions_of_your_members(nlp):
    found = run(nlp, "Moties van uw kamerleden Wilders c.s. (Kamerstukken II 2002/03, 27 925, nr. 76) gaan hierover.")
    assert [kg["submitters"] for _key, kg in found] == [["Wilders"]]


def test_motions_in_the_plural_are_one_per_kamerstuk_in_their_bracket(nlp):
    cited = [("kst-29754-500", "Kamerstuk 29 754, nrs. 500"), ("kst-29754-501", "Kamerstuk 29 754, nrs. 500 en 501"),
             ("kst-29754-502", "Kamerstuk 29 754, nr. 502")]
    found = run(nlp, "Zie de moties van het lid Bakker c.s. (Kamerstuk 29 754, nrs. 500 en 501) en de motie Smit "
                     "(Kamerstuk 29 754, nr. 502).", citations=cited)
    assert [(key, kg["submitters"]) for key, kg in found] == [
        ("kst-29754-500", ["Bakker"]), ("kst-29754-501", ["Bakker"]), ("kst-29754-502", ["Smit"])]
    # one motion citing two documents stays one motion
    found = run(nlp, "De motie van het lid Bakker (Kamerstuk 29 754, nrs. 500 en 501) is aangenomen.", citations=cited[:2])
    assert [key for key, _kg in found] == ["kst-29754-500"]


def test_a_mention_without_kamerstuk_is_the_cited_motion_of_those_submitters(nlp):
    text = "De motie-Bikker c.s. (Kamerstuk 34 775, nr. 7) is aangenomen. De motie van mevrouw Bikker vraagt veel."
    found = run(nlp, text, citations=[("kst-34775-7", "Kamerstuk 34 775, nr. 7")])
    assert [key for key, _kg in found] == ["kst-34775-7", "kst-34775-7"]
    # two cited motions of the same submitter: no guess
    text += " Ook de motie-Bikker (Kamerstuk 34 775, nr. 8) is aangenomen."
    found = run(nlp, text, citations=[("kst-34775-7", "Kamerstuk 34 775, nr. 7"), ("kst-34775-8", "Kamerstuk 34 775, nr. 8")])
    assert [key for key, _kg in found] == ["kst-34775-7", "motion/bikker", "kst-34775-8"]


@pytest.fixture(scope="module")
def full():
    """The whole pipeline (citations read by kg_citations, speakers, filed motions)."""
    from kg.extract.pipeline import build_nlp, run as run_pipeline

    pipeline = build_nlp()

    def motion_keys(text):
        doc = run_pipeline(pipeline, Document("x", "x", text, len(text)))
        return [s.kb_id_ for s in doc.spans["kg_motions"]]
    return motion_keys


def test_more_motions_only_from_the_bracket_after_the_phrase(full):
    assert full("In de brief (Kamerstuk 29 754, nrs. 500 en 510) staat het. De moties van het lid Bakker c.s. "
                "(Kamerstuk 29 754, nr. 500 en 503) zijn aangenomen.") == ["kst-29754-500", "kst-29754-503"]
    assert full("De moties van het lid Bakker c.s., Kamerstuk 29 754, nr. 500, zijn uitgevoerd zoals gemeld in "
                "Kamerstuk 29 754, nr. 600.") == ["kst-29754-500"]
    assert full("De moties van het lid Bakker c.s. (Kamerstuk 29 754, nr. 500; Handelingen II 2019/20, nr. 45, "
                "item 5) zijn aangenomen.") == ["kst-29754-500"]


def test_a_motion_filed_in_the_debate_is_not_the_cited_one(full):
    keys = full("Mevrouw Bikker (CU):\n\nIk verwijs naar de motie-Bikker (Kamerstuk 34 775, nr. 7). Ik dien een nieuwe in."
                "\n\nMotie\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering iets te doen,\n\n"
                "en gaat over tot de orde van de dag.")
    assert keys[0] == "kst-34775-7" and "motion/bikker" in keys


def test_a_motions_number_in_the_parenthesis_after_a_long_subject(full):
    assert full("Aan de orde zijn:\n- de motie-De Wit over verbetering van de procedure voor plaatsing op de lijst van de "
                "Verenigde Naties van terroristische organisaties en de Europese lijsten van terroristische "
                "organisaties (28764, nr. 11);\n- de motie-De Wit over de verbodenverklaring van terroristische "
                "organisaties (28764, nr. 12).") == ["kst-28764-11", "kst-28764-12"]
    # past a long subject, only the first parenthesis after the phrase
    assert full("De motie-De Wit (aangenomen) over verbetering van de procedure voor plaatsing op de lijsten van "
                "terroristische organisaties van de Verenigde Naties en de Europese Unie en over de rechtsbescherming "
                "van wie daarop staat (28764, nr. 11) is uitgevoerd.") == ["motion/de-wit"]


def test_a_mention_of_one_member_is_the_cited_motion_they_filed_first(nlp):
    text = ("De motie van de leden Voordewind en Van Baalen (Kamerstuk 21 501-02, nr. 741) is ingediend. De motie van "
            "de heer Voordewind krijgt steun. De motie van de heer Van Baalen, die niet de eerste indiener is, niet.")
    found = run(nlp, text, citations=[("kst-21501-02-741", "Kamerstuk 21 501-02, nr. 741")])
    assert found[0][1]["submitters"] == ["Voordewind", "Van Baalen"]
    assert [key for key, _kg in found] == ["kst-21501-02-741", "kst-21501-02-741", "motion/van-baalen"]


def test_a_number_past_a_clause_of_its_own_is_not_the_motions(full):
    assert full("Het kabinet heeft de motie-Wilders over de aanpak van haatpredikers uitgevoerd; over de gevolgen "
                "daarvan voor de gemeenten en de politie heeft de minister van Justitie en Veiligheid de Kamer vorig "
                "jaar uitgebreid en met alle details geïnformeerd (Kamerstuk 29754, nr. 400).") == ["motion/wilders"]


def test_a_motions_sentence_is_cut_where_the_sentencizer_found_no_end():
    """A vote list without full stops: each motion keeps 1,000 characters around it, not the page."""
    from kg.extract.pipeline import build_nlp, run as run_pipeline

    text = ("de motie-Wilders over " + "x " * 150 + "(") * 40 + " Kamerstuk 29754, nr. 1)"
    doc = run_pipeline(build_nlp(), Document("x", "x", text, len(text)))
    sentences = [s._.kg["sentence"] for s in doc.spans["kg_motions"]]
    assert len(sentences) == 40 and all(len(sentence) <= 2 * 1000 + 30 for sentence in sentences)
    assert max(len(sentence) for sentence in sentences) > 1000
