"""The exports of kamerkg build: formats other tools read, byte-identical, no blank nodes."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from tests.conftest import CORPUS, REPO, require_tool
from tests.export.rich_data import rich_build

RDF_FILES = {"kg.ttl": ox.RdfFormat.TURTLE, "kg.nt": ox.RdfFormat.N_TRIPLES, "kg.nq": ox.RdfFormat.N_QUADS,
             "kg.trig": ox.RdfFormat.TRIG, "kg.jsonld": ox.RdfFormat.JSON_LD, "void.ttl": ox.RdfFormat.TURTLE}
TABLES = ("entities", "mentions", "actions", "roles", "motions", "citations")
STABLE = ("kg.ttl", "kg.nt", "kg.nq", "kg.trig", "kg.jsonld", "context.jsonld", "void.ttl", "kg.graphml",
          "kg.gexf", *(f"csv/{t}.csv" for t in TABLES))


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    out = tmp_path_factory.mktemp("rich") / "out"
    extractions, resolution, triples = rich_build(out)
    return out, extractions, resolution, triples


def _read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_build_writes_every_export(built):
    out, _ = built
    for name in STABLE:
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 0, name


def test_same_corpus_gives_byte_identical_files_in_another_process(built, tmp_path):
    """Another process with another hash seed: set and dict orders must not leak into the files."""
    out, _ = built
    again = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS), "-o", str(again)],
                            capture_output=True, text=True, cwd=REPO, env=env)
    assert result.returncode == 0, result.stderr
    for name in STABLE:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_rich_data_is_byte_identical_twice(rich, tmp_path):
    out = rich[0]
    again = tmp_path / "again"
    rich_build(again)
    for name in STABLE:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


@pytest.mark.parametrize("which", ["built", "rich"])
def test_no_blank_nodes_anywhere(which, built, rich):
    out = built[0] if which == "built" else rich[0]
    for name, fmt in RDF_FILES.items():
        quads = list(ox.parse(path=str(out / name), format=fmt))
        assert quads, name
        for quad in quads:
            for term in (quad.subject, quad.object, quad.graph_name):
                assert not isinstance(term, ox.BlankNode), (name, quad)
    assert "_:" not in (out / "kg.nt").read_text(encoding="utf-8")
    store = ox.Store.read_only(str(out / "store"))
    assert not any(isinstance(t, ox.BlankNode) for q in store for t in (q.subject, q.object, q.graph_name))


def test_rapper_accepts_turtle_ntriples_nquads_and_void(built):
    rapper = require_tool("rapper")
    out, report = built
    for name, syntax in (("kg.ttl", "turtle"), ("kg.nt", "ntriples"), ("kg.nq", "nquads"), ("void.ttl", "turtle")):
        result = subprocess.run([rapper, "-i", syntax, "-c", str(out / name)], capture_output=True, text=True)
        assert result.returncode == 0, (name, result.stderr)
    result = subprocess.run([rapper, "-i", "ntriples", "-c", str(out / "kg.nt")], capture_output=True, text=True)
    assert f"returned {report.triples} triples" in result.stderr


@pytest.mark.parametrize("which", ["built", "rich"])
@pytest.mark.parametrize("name,rdflib_format", [("kg.trig", "trig"), ("kg.jsonld", "json-ld"), ("kg.nq", "nquads")])
def test_rdflib_and_pyoxigraph_load_the_same_quads(which, name, rdflib_format, built, rich):
    out = built[0] if which == "built" else rich[0]
    store = ox.Store.read_only(str(out / "store"))
    expected = len(store)
    oxi = list(ox.parse(path=str(out / name), format=RDF_FILES[name]))
    dataset = rdflib.Dataset()
    dataset.parse(str(out / name), format=rdflib_format)
    in_rdflib = list(dataset.quads())
    assert len(oxi) == expected
    assert len(in_rdflib) == expected
    named = {g.value for g in store.named_graphs()}
    assert {q.graph_name.value for q in oxi} == named
    assert {str(getattr(q[3], "identifier", q[3])) for q in in_rdflib} == named


def test_jsonld_carries_the_published_context(rich):
    from kg.graph.build import PREFIXES

    out = rich[0]
    published = json.loads((out / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    document = json.loads((out / "kg.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == published
    assert {prefix: ns for prefix, ns in published.items() if prefix in PREFIXES} == PREFIXES
    graphs = {entry["@id"] for entry in document["@graph"]}
    assert "https://w3id.org/kamerkg/graph/kst-99999-1" in graphs
    # compact keys came from the context, so the JSON stays readable
    nodes = [node for entry in document["@graph"] for node in entry["@graph"]]
    assert any("kg:mentions" in node for node in nodes)


def test_csv_tables_have_their_headers_even_when_empty(tmp_path):
    from kg.export.tables import COLUMNS, write_tables
    from kg.resolve import Resolution

    counts = write_tables(tmp_path, [], Resolution())
    assert counts == {name: 0 for name in TABLES}
    for name in TABLES:
        assert _read_csv(tmp_path / f"{name}.csv") == [list(COLUMNS[name])]


def test_csv_tables_hold_every_fact_sorted(rich):
    out, extractions, resolution, _ = rich
    tables = {name: _read_csv(out / "csv" / f"{name}.csv") for name in TABLES}
    entities = {row[1]: dict(zip(tables["entities"][0], row)) for row in tables["entities"][1:]}
    assert set(entities) == set(resolution.entities)
    assert entities["org/nctv"]["documents"] == "2"
    assert entities["org/aivd"]["mentions"] == "2"
    mentions = tables["mentions"][1:]
    assert len(mentions) == sum(len(e.mentions) for e in extractions)
    assert mentions == sorted(mentions, key=lambda r: (r[0], r[1], r[2], r[3], r[4], int(r[5])))
    texts = {e.document.id: e.document.text for e in extractions}
    for row in mentions:
        assert texts[row[0]][int(row[5]):int(row[6])] == row[4]
    [action] = [dict(zip(tables["actions"][0], r)) for r in tables["actions"][1:]]
    assert (action["agent_label"], action["action"], action["object_label"]) == ("Van der Berg-Öztürk", "vragen", "AIVD")
    assert {r[4] for r in tables["roles"][1:]} == {"kst-99999-1", "kst-99999-2"}
    assert [r[3] for r in tables["motions"][1:]] == ["Jansen"]
    assert [(r[0], r[1]) for r in tables["citations"][1:]] == [("kst-99999-1", "kst-29754-640")]
    assert "/somewhere" not in (out / "csv" / "mentions.csv").read_text(encoding="utf-8")


def test_networkx_reads_graphml_and_gexf(rich):
    out, _, resolution, _ = rich
    graph = nx.read_graphml(out / "kg.graphml", force_multigraph=True)
    types = nx.get_node_attributes(graph, "type")
    # every resolved entity, the two documents read and the one cited
    # every resolved entity, plus what the graph adds around them: the motion, the
    # party of a membership and the ministry a minister's title names (gazetteer)
    base = "https://w3id.org/kamerkg/id/"
    added = {"motion/kst-29754-224", "org/d66", "org/ministerie-jenv"}
    assert {n for n, t in types.items() if t != "Document"} == {base + k for k in set(resolution.entities) | added}
    # the two documents read, the one cited and the Kamerstuk the motion is published as
    assert sum(1 for t in types.values() if t == "Document") == 4
    assert graph.nodes["https://w3id.org/kamerkg/id/org/aivd"]["label"] == "AIVD"
    labels = {(u.rsplit("/", 1)[-1], d["label"], v.rsplit("/", 1)[-1]) for u, v, d in graph.edges(data=True)}
    assert ("kst-99999-1", "references", "kst-29754-640") in labels
    assert ("kst-99999-2", "mentions", "nctv") in labels
    gexf = nx.read_gexf(out / "kg.gexf")
    assert gexf.number_of_nodes() == graph.number_of_nodes()
    assert gexf.number_of_edges() == graph.number_of_edges()
    assert "lastmodifieddate" not in (out / "kg.gexf").read_text(encoding="utf-8")


def test_void_counts_sources_licence_and_version(built, rich):
    import kg

    # The answer to written questions states no official id, so it has no official page.
    for out, documents, pages in ((built[0], 5, 4), (rich[0], 2, 2)):
        triples = len({(q.subject, q.predicate, q.object) for q in ox.Store.read_only(str(out / "store"))})
        void = rdflib.Graph().parse(out / "void.ttl", format="turtle")
        VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
        dataset = rdflib.URIRef("https://w3id.org/kamerkg/dataset")
        assert int(void.value(dataset, VOID.triples)) == triples
        assert int(void.value(dataset, VOID.documents)) == documents
        sources = list(void.objects(dataset, rdflib.DCTERMS.source))
        assert len(sources) == pages
        pdm = rdflib.URIRef("http://creativecommons.org/publicdomain/mark/1.0/")
        assert all(void.value(source, rdflib.DCTERMS.license) == pdm for source in sources)
        assert any("Auteurswet" in str(r) for r in void.objects(dataset, rdflib.DCTERMS.rights))
        assert str(void.value(dataset, rdflib.OWL.versionInfo)) == f"kamerkg {kg.__version__}"
        dates = [o for o in void.objects() if isinstance(o, rdflib.Literal)
                 and o.datatype in (rdflib.XSD.date, rdflib.XSD.dateTime)]
        assert not dates
    rich_void = rdflib.Graph().parse(rich[0] / "void.ttl", format="turtle")
    assert int(rich_void.value(rdflib.URIRef("https://w3id.org/kamerkg/dataset"),
                               rdflib.URIRef("http://rdfs.org/ns/void#entities"))) == len(rich[2].entities) + 3


def test_void_counts_from_kg_nt_equal_the_stores(built, rich):
    from kg.export.void import statistics

    for out in (built[0], rich[0]):
        store = ox.Store.read_only(str(out / "store"))
        from_store, from_file = statistics(store), statistics(store, out / "kg.nt")
        assert from_file == from_store
        assert from_file["subjects"] == len({q.subject for q in store}) > 0
        assert from_file["objects"] == len({q.object for q in store}) > from_file["subjects"] / 10
        typed = {(q.subject, q.object) for q in store if q.predicate.value.endswith("#type")}
        assert sum(from_file["classes"].values()) == len(typed)


def test_to_networkx_reads_a_build_folder_like_the_graphml(rich):
    from kg.analytics.network import to_networkx

    out = rich[0]
    from_out, from_store = to_networkx(out), to_networkx(out / "store")
    from_file = nx.read_graphml(out / "kg.graphml", force_multigraph=True)
    assert sorted(from_out.edges(keys=True)) == sorted(from_store.edges(keys=True))
    assert sorted(from_out.edges(keys=True)) == sorted(from_file.edges(keys=True))
    assert dict(from_out.nodes(data=True)) == dict(from_file.nodes(data=True))
