"""The extraction pipeline as build_nlp assembles it (kg.extract.pipeline)."""
import pytest

from kg.extract.pipeline import build_nlp, run
from kg.model import Document, Metadata


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text,tokens", [
    ("voor Justitie1 en", ["voor", "Justitie", "1", "en"]),
    ("de AIVD1.", ["de", "AIVD", "1", "."]),
    ("door Bureau Beke?2 Wat", ["door", "Bureau", "Beke", "?", "2", "Wat"]),
    ("de heer Jansen,3 zei", ["de", "heer", "Jansen", ",", "3", "zei"]),
    ("zie art.12 en blz. 3", ["zie", "art.", "12", "en", "blz.", "3"]),
    ("de F16 en G7", ["de", "F16", "en", "G7"]),
    ("kv-tk-2014Z20797 en CO2", ["kv-tk-2014Z20797", "en", "CO2"]),
    ("al Qa’ida en Al-Qa’ida,", ["al", "Qa’ida", "en", "Al-Qa’ida", ","]),
    ("de ‘stem’ van ’s-Gravenhage", ["de", "‘", "stem", "’", "van", "’", "s-Gravenhage"]),
    ("de motie-Pechtold en moties-Segers", ["de", "motie-", "Pechtold", "en", "moties-", "Segers"]),
    ("motie Elissen/Çorüz en/of www.nctv.nl/ab/cd in 2019/2020",
     ["motie", "Elissen", "/", "Çorüz", "en", "/", "of", "www.nctv.nl/ab/cd", "in", "2019/2020"]),
])
def test_footnote_numbers_and_apostrophes(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_a_name_ends_before_its_footnote_number(nlp):
    text = "De vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties2 heeft vragen gesteld."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    assert [s.text for s in doc.spans["kg_organizations"]] == [
        "vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties"]


def test_a_name_with_a_typographic_apostrophe_is_found(nlp):
    text = "De dreiging van al Qa’ida blijft."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    assert [s.kb_id_ for s in doc.spans["kg_organizations"]] == ["org/al-qaida"]


def test_a_motion_named_after_its_submitter_and_the_submitter_are_two_spans(nlp):
    """spaCy keys span extensions by offsets: one token 'motie-Pechtold' made the
    person's label the motion's."""
    text = "Over de invulling van de motie-Pechtold (Kamerstuk 31 200 VI, nr. 79) en de motie Elissen/Çorüz."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    assert [(s.text, s._.kg["label"]) for s in doc.spans["kg_persons"]] == [
        ("Pechtold", "Pechtold"), ("Elissen", "Elissen"), ("Çorüz", "Çorüz")]
    assert [s._.kg["submitters"] for s in doc.spans["kg_motions"]] == [["Pechtold"], ["Elissen", "Çorüz"]]


def test_spans_over_the_same_characters_keep_their_own_extras(nlp):
    """spaCy keeps an extension per offsets: the EU's organisation span and the
    EU list's measure span cover the same word, a citation and the motion it numbers too."""
    text = "De groep werd op de EU-terrorismelijst geplaatst."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    (org,) = doc.spans["kg_organizations"]
    (measure,) = doc.spans["kg_measures"]
    assert (org.start_char, org.end_char) == (measure.start_char, measure.end_char)
    assert org._.kg["label"] == "EU" and org._.kg["kind"] == "international"
    assert measure._.kg["label"] == "eu-terrorismelijst"
    text = "De moties van het lid Bakker c.s. (Kamerstuk 29 754, nr. 500; Kamerstuk 29 754, nr. 501, p. 4) zijn aangenomen."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    assert [(s.kb_id_, s._.kg["page"]) for s in doc.spans["kg_citations"]] == [("kst-29754-500", None), ("kst-29754-501", "4")]
    assert [s.kb_id_ for s in doc.spans["kg_motions"]] == ["kst-29754-500", "kst-29754-501"]


def test_a_footnote_number_between_name_and_party(nlp):
    text = "Op 27 november is een motie van het lid Azarkan1 (Denk) aangenomen."
    doc = run(nlp, Document("x", "x", text, len(text), metadata=Metadata()))
    assert [(s.text, s._.kg["party"]) for s in doc.spans["kg_persons"]] == [("Azarkan", "Denk")]
