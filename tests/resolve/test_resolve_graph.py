"""The graph and the extraction JSON use each mention's canonical key."""
from __future__ import annotations

from helpers_resolve import doc, person

from kg.export.extraction_json import document_json
from kg.graph import iris
from kg.graph.build import document_quads, entity_quads
from kg.resolve import resolve
from kg.resolve.aliases import AliasTable


def test_split_namesakes_get_their_own_iris_in_graph_and_json():
    a = doc("kst-1-1", person("D. Jansen"), person("Jansen", 12, roles=("burgemeester",)))
    b = doc("kst-1-2", person("K. Jansen"))
    r = resolve([a, b], AliasTable())
    objects = {str(q[2]) for q in document_quads(a, r, "h")}
    assert str(iris.entity("person/jansen-d")) in objects
    assert str(iris.entity("person/jansen")) not in objects
    members = {str(q[2]) for q in entity_quads(r) if str(q[1]).endswith("#member")}
    assert members == {str(iris.entity("person/jansen-d"))}
    payload = document_json(a, r)
    [entity] = payload["entities"]
    assert entity["iri"] == str(iris.entity("person/jansen-d"))
    assert [m["text"] for m in entity["mentions"]] == ["D. Jansen", "Jansen"]
