"""to_networkx: the typed MultiDiGraph read from the store, actions included."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS

from kg.analytics.network import to_networkx
from kg.graph.namespace import KG
from kg.graph.store import add_batch, inner_store, open_dataset

BASE = "https://example.org/t/"
DOC = URIRef(BASE + "doc/1")
MINISTER = URIRef(BASE + "person/minister")
POLICE = URIRef(BASE + "org/police")
ACTION = URIRef(BASE + "doc/1/action/10-40")
GRAPH = URIRef(BASE + "graph/1")


@pytest.fixture()
def dataset():
    data = open_dataset()
    quads = [
        (DOC, RDF.type, KG.Document), (DOC, DCTERMS.title, Literal("Een brief")),
        (MINISTER, RDF.type, FOAF.Person), (MINISTER, RDFS.label, Literal("De minister")),
        (MINISTER, KG.role, Literal("minister")), (MINISTER, KG.role, Literal("bewindspersoon")),
        (POLICE, RDF.type, ORG.Organization), (POLICE, RDFS.label, Literal("Politie")),
        (DOC, KG.mentions, MINISTER), (DOC, KG.mentions, POLICE),
        (ACTION, RDF.type, KG.Action), (ACTION, KG.agent, MINISTER), (ACTION, KG.object, POLICE),
        (ACTION, KG.actionVerb, Literal("verzoeken")), (ACTION, KG.actionClass, URIRef(BASE + "class/requests")),
    ]
    add_batch(data, [(s, p, o, GRAPH) for s, p, o in quads])
    return data


def test_nodes_are_typed_and_labelled(dataset):
    graph = to_networkx(dataset)
    assert set(graph.nodes) == {str(DOC), str(MINISTER), str(POLICE)}
    assert graph.nodes[str(DOC)]["type"] == "Document"
    assert graph.nodes[str(DOC)]["label"] == "Een brief"
    assert graph.nodes[str(MINISTER)]["type"] == "Person"
    assert graph.nodes[str(MINISTER)]["role"] == "bewindspersoon; minister"
    assert graph.nodes[str(POLICE)]["label"] == "Politie"


def test_relations_and_actions_are_labelled_edges(dataset):
    graph = to_networkx(dataset)
    mentions = graph.get_edge_data(str(DOC), str(MINISTER))
    assert mentions["kg:mentions"]["label"] == "mentions"
    action = graph.get_edge_data(str(MINISTER), str(POLICE))[str(ACTION)]
    assert action["kind"] == "action"
    assert action["label"] == "verzoeken"
    assert action["action_class"] == BASE + "class/requests"
    assert action["graph"] == str(GRAPH)
    assert graph.number_of_edges() == 3


def test_the_same_graph_from_the_dataset_or_its_store(dataset, tmp_path):
    expected = to_networkx(dataset)
    graph = to_networkx(inner_store(dataset))
    assert sorted(graph.edges(keys=True)) == sorted(expected.edges(keys=True))
    with pytest.raises(FileNotFoundError):
        to_networkx(tmp_path / "missing")
    with pytest.raises(TypeError):
        to_networkx(42)
