"""The benchmark runs end to end at a tiny size and writes bench.json (no timing asserted)."""
from __future__ import annotations

import json

from kg.bench import NUMBER, make_corpus, table
from tests.conftest import CORPUS


def test_scaled_corpus_has_distinct_numbers_and_enough_words(tmp_path):
    files, words = make_corpus(CORPUS, tmp_path / "c", 12_000)
    assert words >= 12_000 and files == len(list((tmp_path / "c").iterdir()))
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "c").iterdir())]
    numbers = [set(m.group(2) for m in NUMBER.finditer(t)) for t in texts]
    first, second = numbers[0], numbers[5]
    assert first and not first & second, "copies must not share document numbers"


def test_bench_json_shape(tmp_path, monkeypatch):
    from kg import bench

    from kg.graph import query as saved

    every = saved.saved_queries()
    # rdflib's pure-Python evaluator takes minutes on the join-heavy saved queries; the
    # shape test keeps three quick ones (the full benchmark runs them all).
    monkeypatch.setattr(saved, "saved_queries", lambda: {n: every[n] for n in ("citations", "timeline", "qa")})
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "bench.json"
    assert bench.main(["--words", "8000", "--work", str(tmp_path / "w"), "--output", str(output),
                       "--rss-words", "9000", "--rss-no-views"]) == 0
    result = json.loads(output.read_text())
    for key in ("words", "files", "tokenise", "build_1", "build_2", "rebuild_unchanged", "rebuild_one_changed",
                "store", "oxigraph_load", "stage_ratios", "queries", "rss", "ratios", "identical_outputs", "incremental_identical"):
        assert key in result, key
    assert result["words"] >= 8000
    assert result["identical_outputs"] and result["incremental_identical"]
    assert result["rebuild_unchanged"]["up_to_date"] and result["rebuild_one_changed"]["extracted"] == 1
    assert result["build_1"]["documents"] == result["files"]
    # distinct quads: at least the distinct triples, at most the quads built (some twice)
    assert result["build_1"]["triples"] <= result["oxigraph_load"]["quads"] <= result["store"]["quads"]
    assert all(0 < ratio < 1 for ratio in result["stage_ratios"].values())
    assert all(q["rows_agree"] and q["memory_rows_agree"] for q in result["queries"]["queries"].values())
    assert all(q["oxigraph_memory_s"] > 0 for q in result["queries"]["queries"].values())
    assert result["queries"]["min_ratio_memory"] > 0
    assert all(mb > 0 for mb in result["rss"].values())
    # --rss-no-views: only the extra size is measured, and with build --no-views.
    sizes = list(result["rss"])
    assert result["rss_views"] is False and len(sizes) == 1 and int(sizes[0]) >= 9000
    assert f"rss_build_{sizes[0]}" in result and "no views" in table(result)
    assert set(result["ratios"]) >= {"build_1_vs_tokenise", "build_2_vs_build_1", "rebuild_unchanged_vs_build",
                                     "queries_oxigraph_vs_rdflib_min"}
    assert "targets:" in table(result)
    assert not (tmp_path / "w").exists()


def test_a_query_past_the_cap_is_stopped_and_reported():
    import time

    import pytest

    from kg.bench import QueryTimeout, _capped

    def endless():
        while True:
            time.sleep(0.001)

    started = time.perf_counter()
    with pytest.raises(QueryTimeout):
        _capped(endless, 0.2)
    assert time.perf_counter() - started < 5
    seconds, rows = _capped(lambda: [1, 2, 3], 5)  # a quick one runs to the end, alarm cleared
    assert rows == 3 and seconds < 5
    time.sleep(0.3)  # no alarm left behind to fire later


def test_a_builds_peak_rss_is_its_own_not_the_bench_process(tmp_path):
    """Linux keeps ru_maxrss across exec: a build started by a large process once
    reported that process's size (2.6 GB) as its peak."""
    from kg.bench import peak_rss, run_build
    from tests.conftest import CORPUS

    blob = b"x" * (1536 << 20)  # the bench after loading rdflib's store, in small
    run = run_build(CORPUS, tmp_path / "out", jobs=2)
    assert len(blob) and run["documents"] == 5
    assert 50 < run["peak_rss_mb"] < 1024
    assert 50 < run["peak_tree_rss_mb"] < 1024 + 1024  # the build, its worker and its writer process
    assert peak_rss(run) == max(run["peak_rss_mb"], run["peak_tree_rss_mb"])
