"""kamerkg stats on the bundled corpus build: formats, figures that agree with SPARQL, plots, index."""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

from click.testing import CliRunner

from kg.cli import cli
from kg.graph.query import load_saved, select


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["stats", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_agrees_with_the_saved_timeline_query(built):
    out, _ = built
    result = json.loads(_run(str(out), "--format", "json", "--top", "0"))
    assert set(result) == {"graph", "centrality", "communities", "co_mentions", "most_cited", "timeline", "measures"}
    assert result["graph"]["actions"] > 0
    names, rows = select(out, load_saved("timeline"))
    expected: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        record = dict(zip(names, row))
        if "/org/" in record["entity"] or "/person/" in record["entity"]:
            expected[(record["entity"], record["year"])] += int(record["mentions"])
    assert {(r["iri"], r["year"]): r["mentions"] for r in result["timeline"]} == dict(expected)
    ranks = [r["pagerank"] for r in result["centrality"]]
    assert ranks == sorted(ranks, reverse=True)
    assert all(c["size"] == len(c["members"]) >= 1 for c in result["communities"])
    assert all(p["documents"] >= 1 for p in result["co_mentions"])


def test_table_and_csv(built):
    out, _ = built
    table = _run(str(out), "--top", "3")
    for heading in ("Centrality", "Communities (Louvain, seed 42)", "Co-mentioned actors", "Most cited Kamerstukken",
                    "Mentions per actor per year", "Measures per actor"):
        assert heading in table
    rows = list(csv.DictReader(io.StringIO(_run(str(out), "--format", "csv", "--top", "3"))))
    assert {r["section"] for r in rows} >= {"centrality", "timeline", "co_mentions", "most_cited"}
    assert len({r["subject"] for r in rows if r["section"] == "centrality"}) == 3


def test_plots_are_written_and_shown_on_the_index(built, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built[0], out, ignore=shutil.ignore_patterns("cache"))
    _run(str(out), "--plot", str(out / "plots"))
    for name in ("timeline.png", "centrality.png"):
        assert (out / "plots" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'src="plots/timeline.png"' in index and 'src="plots/centrality.png"' in index
    assert "http://" not in index.split('id="plots"')[1].split("</figure>")[0]


def test_missing_build_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["stats", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "no Oxigraph store" in result.output
