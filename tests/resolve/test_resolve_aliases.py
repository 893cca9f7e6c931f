"""Alias data: ontology/aliases.ttl and user files."""
from __future__ import annotations

import pytest
from helpers_resolve import doc, org, person

from kg.graph.gazetteer import GazetteerError, load_aliases
from kg.resolve import resolve
from kg.resolve.aliases import AliasTable


def test_default_aliases_join_model_keys_to_gazetteer_keys():
    r = resolve([doc("a", org("org/nctv", "NCTV")),
                 doc("b", org("org/nationaal-coordinator-terrorismebestrijding-en-veiligheid",
                              "Nationaal Coördinator Terrorismebestrijding en Veiligheid")),
                 doc("c", org("org/is", "IS"), org("org/isis", "ISIS", 5))])
    assert sorted(r.entities) == ["org/isis", "org/nctv"]
    nctv = r.entities["org/nctv"]
    assert {nctv.label, *nctv.aliases} == {"NCTV", "Nationaal Coördinator Terrorismebestrijding en Veiligheid"}
    assert r.key_for("org/is") == "org/isis"


def test_default_aliases_follow_a_renamed_person():
    r = resolve([doc("a", person("D. Yeşilgöz-Zegerius")), doc("b", person("Yeşilgöz", surname_only=True))])
    assert sorted(r.entities) == ["person/yesilgoz-zegerius"]


USER_FILE = """
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix id:   <https://w3id.org/kamerkg/id/> .
<https://w3id.org/kamerkg/id/org/hamas> a skos:Concept ; skos:prefLabel "Hamas" ;
    skos:altLabel "Harakat al-Muqawama al-Islamiya" .
<https://w3id.org/kamerkg/id/org/a> owl:sameAs <https://w3id.org/kamerkg/id/org/b> .
<https://w3id.org/kamerkg/id/org/b> owl:sameAs <https://w3id.org/kamerkg/id/org/c> .
<https://w3id.org/kamerkg/id/org/x> owl:sameAs <https://w3id.org/kamerkg/id/org/y> .
<https://w3id.org/kamerkg/id/org/y> owl:sameAs <https://w3id.org/kamerkg/id/org/x> .
"""


def test_user_alias_file_labels_and_chains(tmp_path):
    path = tmp_path / "aliases.ttl"
    path.write_text(USER_FILE, encoding="utf-8")
    table = AliasTable.load(str(path))
    assert table.rewrite("org/harakat", "HARAKAT AL-MUQAWAMA AL-ISLAMIYA") == "org/hamas"
    assert table.rewrite("person/harakat", "Harakat al-Muqawama al-Islamiya") == "person/harakat"  # kinds kept
    assert table.rewrite("org/a") == "org/c"
    assert table.rewrite("org/x") == table.rewrite("org/y") == "org/x"  # a cycle: smallest key
    r = resolve([doc("a", org("org/harakat", "Harakat al-Muqawama al-Islamiya")), doc("b", org("org/a", "A"))],
                table)
    assert sorted(r.entities) == ["org/c", "org/hamas"]


def test_a_missing_alias_file_given_by_the_user_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match="nope.ttl"):
        load_aliases(tmp_path / "nope.ttl")


def test_an_invalid_alias_file_names_the_file(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("this is not turtle .", encoding="utf-8")
    with pytest.raises(GazetteerError, match="broken.ttl"):
        load_aliases(path)
