"""The Tweede Kamer's own ids from metadata.xml, and where the graph puts them."""
from kg.graph.build import document_quads
from kg.ingest.xml import apply_fields
from kg.model import Document, Extraction, Metadata, Question
from kg.resolve import resolve


def test_question_and_document_numbers_from_the_publishers_metadata():
    meta = Metadata()
    apply_fields(meta, {"DC.identifier": "ah-tk-20192020-3345", "OVERHEIDop.vraagnummer": "2020Z10445",
                        "OVERHEIDop.documentnummer": "2020D23751"})
    assert meta.id == "ah-tk-20192020-3345"
    assert (meta.question_number, meta.document_number) == ("2020Z10445", "2020D23751")


def test_no_numbers_when_the_metadata_has_none():
    meta = Metadata()
    apply_fields(meta, {"DC.identifier": "kst-29754-645", "DC.title": "Terrorismebestrijding"})
    assert meta.question_number is None and meta.document_number is None


def test_questions_carry_the_vraagnummer_and_the_document_its_number():
    text = "Vraag 1\n\nKent u het bericht?\n\nAntwoord 1\n\nJa."
    meta = Metadata(id="ah-tk-20192020-3345", type="antwoord_schriftelijke_vragen", date="2020-07-16",
                    question_number="2020Z10445", document_number="2020D23751")
    document = Document(id=meta.id, source="x.xml", text=text, body_end=len(text), metadata=meta, sha256="0" * 64)
    extraction = Extraction(document=document, questions=[
        Question(kind="question", number="1", text="Kent u het bericht?", start=0, end=28),
        Question(kind="answer", number="1", text="Ja.", start=30, end=len(text))])
    quads = document_quads(extraction, resolve([extraction]), "0" * 64)
    found = {(str(s).rsplit("/", 2)[-2:][0], str(p).rsplit("/", 1)[-1], str(o)) for s, p, o, _ in quads}
    assert ("question", "identifier", "2020Z10445") in found
    assert ("answer", "identifier", "2020Z10445") in found
    assert any(p.endswith("documentNumber") and str(o) == "2020D23751" for _, p, o, _ in quads)
