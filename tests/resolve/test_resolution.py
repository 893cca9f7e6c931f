"""Resolution rules on small hand-made extractions."""
from __future__ import annotations

import json

from helpers_resolve import doc, org, person

from kg.resolve import Conflict, resolve
from kg.resolve.aliases import AliasTable

NO_ALIASES = AliasTable()


def person_keys(resolution) -> list[str]:
    return sorted(k for k, e in resolution.entities.items() if e.type == "Person")


def test_spelling_variants_of_a_surname_are_one_person():
    r = resolve([doc("a", person("Yesilgöz-Zegerius", surname_only=True)),
                 doc("b", person("Yeşilgöz-Zegerius", surname_only=True)),
                 doc("c", person("D. Yeşilgöz-Zegerius"))], NO_ALIASES)
    assert person_keys(r) == ["person/yesilgoz-zegerius"]
    assert r.entities["person/yesilgoz-zegerius"].label == "D. Yeşilgöz-Zegerius"
    assert r.conflicts == []


def test_hyphenated_and_spaced_double_surname_are_one_mp():
    r = resolve([doc("a", person("Michon Derkzen", surname_only=True, party="VVD")),
                 doc("b", person("Michon-Derkzen", surname_only=True))], NO_ALIASES)
    assert person_keys(r) == ["person/michon-derkzen"]
    assert r.entities["person/michon-derkzen"].party == "VVD"


def test_initials_merge_with_the_bare_surname_when_unambiguous():
    r = resolve([doc("a", person("Grapperhaus", roles=("Minister van Justitie en Veiligheid",))),
                 doc("b", person("F.B.J. Grapperhaus")),
                 doc("c", person("F. Grapperhaus"))], NO_ALIASES)
    assert person_keys(r) == ["person/grapperhaus"]
    entity = r.entities["person/grapperhaus"]
    assert entity.label == "F.B.J. Grapperhaus"
    assert entity.roles == ["Minister van Justitie en Veiligheid"]
    assert r.conflicts == []


def test_given_name_counts_as_initial():
    r = resolve([doc("a", person("Ferd Grapperhaus")), doc("b", person("F.B.J. Grapperhaus")),
                 doc("c", person("Karin Grapperhaus"))], NO_ALIASES)
    assert person_keys(r) == ["person/grapperhaus-f", "person/grapperhaus-k"]


def test_split_keys_use_only_the_initials_that_tell_namesakes_apart():
    r = resolve([doc("a", person("D.J. Jansen")), doc("b", person("D.K. Jansen")), doc("c", person("P. Jansen")),
                 doc("d", person("D. Jansen"))], NO_ALIASES)
    assert person_keys(r) == ["person/jansen", "person/jansen-dj", "person/jansen-dk", "person/jansen-p"]
    [conflict] = r.conflicts
    assert conflict.written == ["D. Jansen"] and conflict.candidates == ["person/jansen-dj", "person/jansen-dk"]


def test_different_initials_are_different_people_and_a_bare_surname_is_a_conflict():
    r = resolve([doc("a", person("D. Jansen")), doc("b", person("K. Jansen")),
                 doc("c", person("Jansen", roles=("burgemeester",)))], NO_ALIASES)
    assert person_keys(r) == ["person/jansen", "person/jansen-d", "person/jansen-k"]
    assert r.entities["person/jansen-d"].label == "D. Jansen"
    [conflict] = r.conflicts
    assert isinstance(conflict, Conflict)
    assert conflict.key == "person/jansen"
    assert conflict.candidates == ["person/jansen-d", "person/jansen-k"]
    assert conflict.labels == ["D. Jansen", "K. Jansen"]
    assert conflict.written == ["Jansen"] and conflict.documents == ["c"]
    line = str(conflict)
    assert "\n" not in line and "person/jansen-d" in line and "'Jansen'" in line
    assert json.loads(json.dumps(conflict.to_dict()))["candidates"] == conflict.candidates
    # the ambiguous mention's role stays with the kept-apart entity, not with D. or K.
    assert [(s.person, s.role) for s in r.roles] == [("person/jansen", "burgemeester")]


def test_a_bare_surname_takes_the_initials_its_document_gives():
    a = doc("a", person("D. Jansen"), person("Jansen", 20, roles=("Kamerlid",)))
    r = resolve([a, doc("b", person("K. Jansen"))], NO_ALIASES)
    assert person_keys(r) == ["person/jansen-d", "person/jansen-k"]
    assert r.conflicts == []
    assert [r.mention_key("a", m) for m in a.mentions] == ["person/jansen-d", "person/jansen-d"]
    assert [(s.person, s.role) for s in r.roles] == [("person/jansen-d", "Kamerlid")]
    # an action's agent keyed by surname resolves in its document
    assert r.key_for("person/jansen", "a") == "person/jansen-d"
    assert r.key_for("person/jansen", "b") == "person/jansen-k"
    assert r.lookup("Person", "Jansen", "b") == "person/jansen-k"
    assert r.lookup("Person", "K. Jansen") == "person/jansen-k"
    assert r.lookup("Person", "Jansen") is None  # which Jansen? no document to tell


def test_a_document_naming_two_namesakes_leaves_its_bare_mention_ambiguous():
    a = doc("a", person("D. Jansen"), person("K. Jansen", 12), person("Jansen", 24))
    r = resolve([a], NO_ALIASES)
    assert [r.mention_key("a", m) for m in a.mentions] == ["person/jansen-d", "person/jansen-k", "person/jansen"]
    assert [c.key for c in r.conflicts] == ["person/jansen"]


def test_every_mention_maps_to_an_entity():
    extractions = [doc("a", person("D. Jansen"), org("org/nctv", "NCTV", 10)),
                   doc("b", person("Jansen"), person("K. Jansen", 8), person("Opstelten", 20))]
    r = resolve(extractions, NO_ALIASES)
    for extraction in extractions:
        for mention in extraction.mentions:
            assert r.mention_key(extraction.document.id, mention) in r.entities


def test_keys_stay_when_an_unrelated_document_is_added():
    base = [doc("a", person("Grapperhaus")), doc("b", person("F.B.J. Grapperhaus"), org("org/aivd", "AIVD", 20))]
    before = set(resolve(base, NO_ALIASES).entities)
    after = set(resolve(base + [doc("c", person("I.W. Opstelten"), org("org/om", "OM", 20))], NO_ALIASES).entities)
    assert before <= after
    assert after - before == {"person/opstelten", "org/om"}


def test_streamed_extractions_are_read_once():
    r = resolve((e for e in [doc("a", person("D. Jansen")), doc("b", person("Jansen"))]), NO_ALIASES)
    assert person_keys(r) == ["person/jansen"]
