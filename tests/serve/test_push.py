"""kamerkg push: Graph Store Protocol uploads to a second, writable Oxigraph server."""
from __future__ import annotations

import base64
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pyoxigraph as ox
import pytest
import requests

from kg.graph import iris
from kg.serve.push import PushError, credentials, push, safe_url
from tests.conftest import REPO
from tests.serve.servers import free_port, start_writable_oxigraph, stop

SECRET = "s3cret-do-not-print-7f9"


@pytest.fixture()
def target(tmp_path):
    """A fresh read-write Oxigraph server; yields its base URL."""
    port = free_port()
    process = start_writable_oxigraph(tmp_path / "target-store", port)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(process)


def _graph_counts(base: str) -> dict[str, int]:
    response = requests.get(base + "query", timeout=30, headers={"Accept": "application/sparql-results+json"},
                            params={"query": "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"})
    response.raise_for_status()
    return {b["g"]["value"]: int(b["n"]["value"]) for b in response.json()["results"]["bindings"]}


def _store_counts(out) -> dict[str, int]:
    store = ox.Store.read_only(str(out / "store"))
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


def test_push_per_document_replaces_each_graph(built, target):
    out, _ = built
    report = push(out, target + "store", per_document=True)
    expected = _store_counts(out)
    assert {g.iri for g in report.graphs} == set(expected)
    assert _graph_counts(target) == expected
    push(out, target + "store", per_document=True)  # again: replaced, not duplicated
    assert _graph_counts(target) == expected


def test_push_union_goes_into_one_named_graph(built, target):
    out, build_report = built
    report = push(out, target + "store")
    assert [g.iri for g in report.graphs] == [str(iris.dataset())]
    assert _graph_counts(target) == {str(iris.dataset()): build_report.triples}
    push(out, target + "store")
    assert _graph_counts(target) == {str(iris.dataset()): build_report.triples}


def test_cli_push_reads_the_password_from_the_environment_and_never_prints_it(built, target):
    out, _ = built
    env = {"PATH": "/usr/bin:/bin", "KAMERKG_PUSH_PASSWORD": SECRET, "HOME": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "kg", "--debug", "push", str(out), "--endpoint", target + "store",
                             "--user", "alice"], cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "graphs" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_cli_push_errors_are_one_line_without_credentials(built):
    out, _ = built
    closed = free_port()
    env = {"PATH": "/usr/bin:/bin", "MY_PW": SECRET, "HOME": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "kg", "push", str(out), "--endpoint",
                             f"http://bob:{SECRET}@127.0.0.1:{closed}/store", "--user", "bob", "--password-env", "MY_PW"],
                            cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "cannot upload" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_http_errors_name_the_status(built, target):
    with pytest.raises(PushError, match="HTTP 404"):
        push(built[0], target + "no-such-endpoint")


def test_basic_auth_reaches_the_endpoint(built, monkeypatch):
    """The credentials are sent (HTTP basic auth), as PUTs with N-Triples bodies."""
    seen: list[tuple[str, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers["Content-Length"])
            self.rfile.read(length)
            seen.append((self.path, self.headers.get("Authorization", ""), self.headers["Content-Type"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:  # keep test output quiet
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("KAMERKG_PUSH_PASSWORD", SECRET)
        push(built[0], f"http://127.0.0.1:{server.server_port}/data", user="alice")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    expected = "Basic " + base64.b64encode(f"alice:{SECRET}".encode()).decode()
    assert [(auth, kind) for _, auth, kind in seen] == [(expected, "application/n-triples")]
    assert seen[0][0].startswith("/data?graph=")


def test_credentials_and_safe_urls(monkeypatch):
    monkeypatch.delenv("KAMERKG_PUSH_PASSWORD", raising=False)
    monkeypatch.delenv("KAMERKG_PUSH_USER", raising=False)
    assert credentials(None) is None
    with pytest.raises(PushError, match="KAMERKG_PUSH_PASSWORD"):
        credentials("alice")
    monkeypatch.setenv("KAMERKG_PUSH_PASSWORD", SECRET)
    assert credentials("alice") == ("alice", SECRET)
    assert safe_url(f"https://u:{SECRET}@host:8443/ds/data?x=1") == "https://host:8443/ds/data?x=1"
    with pytest.raises(PushError, match="http"):
        push(REPO, "ftp://example.org/store")
