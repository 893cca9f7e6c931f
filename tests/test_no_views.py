"""``kamerkg build --no-views``: the RDF, store, tables and VoID of a full build,
without the HTML views and network files (about a fifth of a large build's time)."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import CORPUS

WHOLE_NETWORK_OUTPUTS = ("index.html", "graph.html", "views", "kg.graphml", "kg.gexf")


def test_no_views_leaves_out_the_views_and_keeps_the_graph(tmp_path, built):
    full, report = built
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(out), "--no-views", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    for name in WHOLE_NETWORK_OUTPUTS:
        assert not (out / name).exists(), name
    for name in ("kg.ttl", "kg.nt", "kg.nq", "kg.trig", "kg.jsonld", "csv/actions.csv"):
        assert (out / name).read_bytes() == (full / name).read_bytes(), name
    assert f"{report.triples}" in result.output
    void = (out / "void.ttl").read_text(encoding="utf-8")
    assert "kg.nt" in void and "kg.graphml" not in void and "kg.gexf" not in void
    assert "kg.graphml" in (full / "void.ttl").read_text(encoding="utf-8")


def test_a_build_with_views_after_one_without_writes_them(tmp_path):
    from kg.build import build

    out = tmp_path / "out"
    build(CORPUS, out, views=False)
    assert not (out / "index.html").exists()
    again = build(CORPUS, out, views=False)
    assert again.up_to_date
    report = build(CORPUS, out)
    assert not report.up_to_date and report.reused == 5 and report.extracted == 0
    for name in WHOLE_NETWORK_OUTPUTS:
        assert (out / name).exists(), name
