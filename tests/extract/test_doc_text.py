"""doc_text joins the token table into exactly doc.text (kg.extract.spans)."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.spans import doc_text

NLP = spacy.blank("nl")
PIECES = ["De", "Minister", " ", "  ", "\n", "\n\n", "\t", "\xa0", ",", ".", "(VVD)", "nr.", "é", "kst-29754-224", "D»66"]


@settings(max_examples=300, deadline=None)
@given(st.text("ab.,-'( )\n\t\xa0é", max_size=40) | st.lists(st.sampled_from(PIECES), max_size=15).map("".join))
def test_doc_text_is_doc_text(text):
    doc = NLP.make_doc(text)
    assert doc_text(doc) == doc.text == text
