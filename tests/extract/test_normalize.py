"""fold, stem and the kg_normalize component."""
from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.normalize import fold, piece_key, stem


def test_fold() -> None:
    assert fold("Coördinator  Terrorisme–bestrijding") == "coordinator terrorisme-bestrijding"
    assert fold("«Yeşilgöz»") == '"yesilgoz"'
    assert fold("’s-Gravenhage") == "'s-gravenhage"


def test_piece_key_drops_quotes() -> None:
    assert piece_key("D»66") == "d66"


def test_stem_maps_inflections_together() -> None:
    pairs = [("maatregel", "maatregelen"), ("casusoverleg", "casusoverleggen"), ("signalering", "signaleringen"),
             ("bevriezing", "bevriezingen"), ("financieel", "financiële"), ("multidisciplinair", "multidisciplinaire"),
             ("strategie", "strategieën"), ("mogelijkheid", "mogelijkheden")]
    for singular, other in pairs:
        assert stem(fold(singular)) == stem(fold(other)), (singular, other)
    assert stem("paspoort") != stem("paspoortwet")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_component_sets_norm() -> None:
    from kg.extract import normalize as _normalize  # noqa: F401

    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_normalize")
    doc = nlp("Coördinatie van Maatregelen")
    assert [t.norm_ for t in doc] == ["coordinatie", "van", "maatregelen"]
    assert doc[2]._.kg_stem == "maatregel"
