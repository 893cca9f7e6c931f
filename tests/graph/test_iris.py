from hypothesis import given, strategies as st
from rdflib import URIRef

from kg.graph import iris


def test_readable_entity_and_document_iris():
    assert str(iris.entity("org/aivd")).endswith("/id/org/aivd")
    assert str(iris.document("kst-35925-VI-69")).endswith("/id/doc/kst-35925-VI-69")
    assert iris.slug("Yeşilgöz-Zegerius") == "yesilgoz-zegerius"


@given(st.text())
def test_any_text_makes_a_valid_iri(text):
    for iri in (iris.entity(f"person/{text}"), iris.document(text), iris.span(text, "mention", 1, 2, text)):
        value = str(iri)
        assert not any(ch in value for ch in ' <>"{}|\\^`\n\t'), value
        assert URIRef(value) == iri
