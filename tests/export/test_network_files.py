"""kg.graphml and kg.gexf are streamed from ``stream_network``: the same network
as ``to_networkx``, however many sort runs it passes through, and files that
networkx reads back whatever the literals hold."""
from __future__ import annotations

import io

import networkx as nx

from kg.analytics.network import EDGE_ATTRIBUTES, stream_network, to_networkx
from kg.export.network import GEXFWriter, GraphMLWriter


def _edges(graph: nx.MultiDiGraph) -> list[tuple]:
    return sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in graph.edges(keys=True, data=True))


def test_many_small_sort_runs_give_the_same_network(built, tmp_path):
    out = built[0]
    whole = to_networkx(out)
    stream = stream_network(out, tmp_path, run_rows=3)
    nodes = list(stream.nodes)
    edges = list(stream.edges)
    assert nodes == sorted(nodes, key=lambda n: (n[1]["type"] == "Other", n[0]))
    assert [e[:3] for e in edges] == sorted(e[:3] for e in edges)
    assert dict(nodes) == dict(whole.nodes(data=True))
    assert sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in edges) == _edges(whole)
    assert any(d.get("mentions", 0) > 1 and d["sentences"] for *_, d in edges)
    assert set(stream.node_attributes) == {k for _, d in nodes for k in d}


def test_the_files_read_back_as_the_network(built):
    out = built[0]
    whole = to_networkx(out)
    graphml = nx.read_graphml(out / "kg.graphml", force_multigraph=True)
    assert dict(graphml.nodes(data=True)) == dict(whole.nodes(data=True))
    assert _edges(graphml) == _edges(whole)
    gexf = nx.read_gexf(out / "kg.gexf")
    assert {n: d["label"] for n, d in gexf.nodes(data=True)} == {n: d["label"] for n, d in whole.nodes(data=True)}
    assert sorted(gexf.edges(keys=True)) == sorted(whole.edges(keys=True))
    [(u, v, data)] = [(u, v, d) for u, v, k, d in gexf.edges(keys=True, data=True) if k == "kg:mentions"][:1]
    assert data["mentions"] == whole.edges[u, v, "kg:mentions"]["mentions"]


def test_awkward_literals_survive_both_formats():
    awkward = 'Wet <terrorisme> & "extremisme"\tdeel\n2\x0c'
    node = {"iri": "https://example.org/a", "label": awkward, "title": awkward, "type": "Document"}
    other = {"iri": "https://example.org/b", "label": "b", "type": "Other"}
    edge = {"kind": "relation", "label": "mentions", "predicate": "p", "mentions": 3, "sentences": "ab cd"}
    files = {}
    for name, writer_class in (("graphml", GraphMLWriter), ("gexf", GEXFWriter)):
        handle = io.StringIO()
        writer = writer_class(handle, ["iri", "label", "title", "type"], EDGE_ATTRIBUTES)
        writer.node(node["iri"], node)
        writer.node(other["iri"], other)
        writer.edge(node["iri"], other["iri"], "kg:mentions", edge)
        writer.close()
        files[name] = handle.getvalue()
    expected = awkward.replace("\x0c", "")
    graphml = nx.parse_graphml(files["graphml"], force_multigraph=True)
    assert graphml.nodes["https://example.org/a"]["title"] == expected
    assert graphml.edges["https://example.org/a", "https://example.org/b", "kg:mentions"]["mentions"] == 3
    gexf = nx.read_gexf(io.BytesIO(files["gexf"].encode("utf-8")))
    assert gexf.nodes["https://example.org/a"]["label"] == expected
    assert gexf.nodes["https://example.org/a"]["title"] == expected
    [(_, _, data)] = gexf.edges(data=True)
    assert data["mentions"] == 3 and data["label"] == "mentions"
