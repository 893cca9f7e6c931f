"""Loading the store with a second process building part of the quads (``--jobs`` > 1):
any split of the documents gives the same dataset, store and RDF files."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from kg.export import outputs


@pytest.fixture(scope="module")
def corpus(built):
    from kg.cache import CACHE_DIR, MANIFEST, CachedExtractions, ExtractionCache
    from kg.resolve import resolve

    out, _ = built
    keys = [key for _, key in json.loads((out / CACHE_DIR / MANIFEST).read_text())["inputs"]]
    extractions = CachedExtractions(ExtractionCache(out / CACHE_DIR, None), keys)
    assert len(extractions) >= 3
    return extractions, resolve(iter(extractions))


def quad_set(batches) -> set[tuple]:
    return {quad for batch in batches for quad in batch}


def test_any_split_of_the_documents_gives_the_same_quads(corpus):
    from kg.graph.build import all_quads, document_batches, entity_quads

    extractions, resolution = corpus
    whole = quad_set(all_quads(extractions, resolution))
    for split in range(len(extractions) + 1):
        parts = (quad_set([entity_quads(resolution)]) | quad_set(document_batches(extractions[:split], resolution))
                 | quad_set(document_batches(extractions[split:], resolution)))
        assert parts == whole, f"split at {split}"


def _load(folder, corpus, side) -> tuple[bytes, set[str]]:
    import pyoxigraph as ox

    from kg.export.rdf import NQUADS, GraphSpool, write_rdf_files

    folder.mkdir()
    spool = GraphSpool(folder)
    outputs.load_store(folder, *corpus, spool, side)
    write_rdf_files(spool, folder)
    stored = {str(quad) for quad in ox.Store.read_only(str(folder / "store"))}
    return (folder / NQUADS).read_bytes(), stored


@pytest.mark.parametrize(("share", "parts"), [(0.3, 1), (0.7, 6), (0.9, 2), (1.0, 3)])
def test_a_second_process_share_gives_the_same_store_and_files(tmp_path, corpus, monkeypatch, share, parts):
    alone = _load(tmp_path / "alone", corpus, None)
    monkeypatch.setattr(outputs, "SIDE_SHARE", share)
    monkeypatch.setattr(outputs, "SIDE_PARTS", parts)
    with ThreadPoolExecutor(1) as side:  # the same function a spawned process runs, without the start-up
        shared = _load(tmp_path / "shared", corpus, side)
    assert shared == alone
    assert len(alone[1]) > 1000
    assert not list((tmp_path / "shared").glob(".*spool")), "the spools are gone once the files are written"


def test_json_ld_written_in_two_halves_is_the_json_ld(tmp_path, corpus):
    from kg.export.jsonld import assemble_jsonld, write_jsonld, write_jsonld_entries
    from kg.export.rdf import NQUADS, GraphSpool, write_rdf_files

    folder = tmp_path / "out"
    folder.mkdir()
    spool = GraphSpool(folder)
    outputs.load_store(folder, *corpus, spool)
    write_rdf_files(spool, folder)
    nquads = folder / NQUADS
    write_jsonld(nquads, folder / "whole.jsonld")
    whole = (folder / "whole.jsonld").read_bytes()
    starts = spool.graph_starts
    assert starts[0] == 0 and len(starts) > 3 and spool.middle() in starts[1:-1]
    lines = nquads.read_bytes()
    for start in starts[1:]:  # each graph starts on a line of its own
        assert lines[start - 1:start] == b"\n"
    parts = [folder / "part0", folder / "part1"]
    for cut in [*starts, nquads.stat().st_size]:
        write_jsonld_entries(nquads, parts[0], 0, cut)
        write_jsonld_entries(nquads, parts[1], cut)
        assemble_jsonld(folder / "kg.jsonld", parts)
        assert (folder / "kg.jsonld").read_bytes() == whole, f"cut at byte {cut}"
        assert not any(part.exists() for part in parts)


def test_shared_triples_in_small_batches_give_the_same_store_and_files(tmp_path, corpus, monkeypatch):
    from kg.graph import build

    alone = _load(tmp_path / "alone", corpus, None)
    whole = quad_set(build.all_quads(*corpus))
    monkeypatch.setattr(build, "SHARED_BATCH", 3)
    graph = str(build.iris.entities_graph())
    batches = list(build.document_batches(*corpus))
    shared = [batch for batch in batches if batch and str(batch[0][3]) == graph]
    assert len(shared) > 2 and all(len(batch) >= 3 for batch in shared)
    assert quad_set([build.entity_quads(corpus[1])]) | quad_set(batches) == whole
    assert _load(tmp_path / "batched", corpus, None) == alone
