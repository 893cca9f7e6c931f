from pathlib import Path

import pytest

from kg.graph import gen_namespace
from kg.paths import ontology_dir


def test_generated_namespace_is_current():
    expected = gen_namespace.render(ontology_dir() / "kg.ttl")
    assert Path(gen_namespace.TARGET).read_text(encoding="utf-8") == expected, \
        "run python -m kg.graph.gen_namespace after editing ontology/kg.ttl"


def test_a_typo_fails_at_import():
    from kg.graph.namespace import KG

    assert str(KG.Mention) == "https://w3id.org/kamerkg/def#Mention"
    with pytest.raises(AttributeError):
        KG.Mentoin  # noqa: B018
