"""The whole path: corpus in; Turtle, TriG, N-Triples, store and HTML out."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import CORPUS, REPO, require_tool

OFFICIAL_IDS = {"kst-29754-251", "kst-29754-326", "kst-29754-468", "kst-29754-645"}


def test_build_writes_every_output(built):
    out, report = built
    for name in ("kg.ttl", "kg.trig", "kg.nt", "graph.html", "index.html"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "store").is_dir()
    assert report.documents == 5
    assert report.triples > 100
    assert not report.skipped
    # The scratch of the views, network files and spools is gone, and nothing of it lands in OUT's listing.
    scratch = [p.name for p in out.iterdir() if p.name.startswith(".") and p.is_dir()]
    assert scratch == [], scratch


def test_rapper_accepts_the_turtle(built):
    out, report = built
    rapper = require_tool("rapper")
    for name, syntax in (("kg.ttl", "turtle"), ("kg.nt", "ntriples")):
        result = subprocess.run([rapper, "-i", syntax, "-c", str(out / name)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert f"returned {report.triples} triples" in result.stderr


def test_query_finds_the_documents_by_official_id(built):
    from kg.graph.query import select

    out, _ = built
    names, rows = select(out, """
        PREFIX kg: <https://w3id.org/kamerkg/def#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id WHERE { ?d a kg:Document ; kg:inCorpus true ; dcterms:identifier ?id }""")
    assert names == ["id"]
    found = {row[0] for row in rows}
    assert OFFICIAL_IDS <= found
    assert len(found) == 5


def test_cli_query_table_and_json(built):
    out, _ = built
    command = [sys.executable, "-m", "kg", "query", str(out),
               "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/kamerkg/def#Document> ;"
               " <https://w3id.org/kamerkg/def#inCorpus> true }", "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"n": "5"}]


def test_cli_query_errors_are_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "query", str(tmp_path), "SELECT * {?s ?p ?o}"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr


def test_build_of_a_missing_corpus_is_a_user_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "nope"), "-o", str(tmp_path / "o")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert "no such folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_json_follows_the_contract():
    files = sorted(str(p) for p in CORPUS.iterdir() if p.name != "README.md")
    result = subprocess.run([sys.executable, "-m", "kg", "extract", *files, "--format", "json"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert len(payload["documents"]) == 5
    from kg.ingest import read_document

    for doc in payload["documents"]:
        assert {"source", "id", "iri", "metadata", "entities", "citations", "motions", "relations"} <= set(doc)
        assert {"type", "date", "vergaderjaar", "dossier", "number", "title", "signatories"} <= set(doc["metadata"])
        text = read_document(REPO / doc["source"] if not doc["source"].startswith("/") else doc["source"]).text
        for entity in doc["entities"]:
            assert entity["type"] in {"Organization", "Person", "Motion", "Measure", "Document"}
            assert entity["iri"].startswith("https://")
            for mention in entity["mentions"]:
                assert text[mention["start"]:mention["end"]] == mention["text"]
                assert mention["text"] in mention["sentence"]
        for citation in doc["citations"]:
            assert text[citation["start"]:citation["end"]] == citation["text"]


def test_build_is_byte_identical(built, tmp_path):
    from kg.build import build

    out, _ = built
    again = tmp_path / "again"
    build(CORPUS, again)
    for name in ("kg.ttl", "kg.nt", "kg.trig"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name
