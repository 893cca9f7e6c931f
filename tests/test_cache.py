"""Incremental builds: the content-hash cache in OUT/cache survives the swap of
OUT, re-extracts only changed files, and the outputs equal a clean build."""
from __future__ import annotations

import pytest

import kg.parallel
from kg.cache import CACHE_DIR, MANIFEST, ExtractionCache, document_key, pipeline_fingerprint
from tests.test_parallel import MARKER, same_bytes, small_corpus, with_marker  # noqa: F401 - fixture


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually extracted (jobs=1 runs in this process)."""
    calls: list[str] = []
    real = kg.parallel.extract_item

    def counting(item, model=None):  # noqa: ANN001, ANN202
        calls.append(str(item))
        return real(item, model)

    monkeypatch.setattr(kg.parallel, "extract_item", counting)
    return calls


def entries(out) -> set[str]:
    return {p.name for p in (out / CACHE_DIR).glob("*.pickle")}


def test_unchanged_rebuild_extracts_nothing_and_keeps_out(tmp_path, with_marker, counted):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    first = build(corpus, out)
    assert len(counted) == 5 and first.extracted == 5
    assert len(entries(out)) == 5 and (out / CACHE_DIR / MANIFEST).is_file()
    before = (out / "kg.trig").read_bytes()
    again = build(corpus, out)
    assert len(counted) == 5, "nothing should be extracted again"
    assert again.up_to_date and again.documents == first.documents and again.triples == first.triples
    assert again.entities == first.entities
    assert (out / "kg.trig").read_bytes() == before


def test_one_changed_file_is_the_only_one_extracted(tmp_path, with_marker, counted):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=2)
    out = tmp_path / "out"
    build(corpus, out)
    old_entries = entries(out)
    changed = corpus / "kst-29754-468.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nDe NCTV en de FIOD werken samen.\n",
                       encoding="utf-8")
    counted.clear()
    report = build(corpus, out)
    assert counted == [str(changed)]
    assert report.extracted == 1 and report.reused == 9 and not report.up_to_date
    # Only the entries this build used are kept: the stale one is gone.
    assert len(entries(out)) == 10 and len(entries(out) - old_entries) == 1
    clean = build(corpus, tmp_path / "clean", cache=False)
    assert clean.extracted == 10
    same_bytes(out, tmp_path / "clean")
    assert "org/fiod" in report.entities or report.entities == clean.entities


def test_a_removed_file_leaves_the_graph(tmp_path, with_marker):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    first = build(corpus, out)
    (corpus / "kst-29754-645.txt").unlink()
    second = build(corpus, out)
    assert second.documents == first.documents - 1 and second.extracted == 0
    assert b"kst-29754-645.txt" not in (out / "kg.nt").read_bytes()
    build(corpus, tmp_path / "clean", cache=False)
    same_bytes(out, tmp_path / "clean")


def test_a_new_pipeline_invalidates_the_cache(tmp_path, monkeypatch, counted):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    build(corpus, out)
    from kg.extract import pipeline

    monkeypatch.setattr(pipeline, "COMPONENTS", pipeline.COMPONENTS + (MARKER,))
    counted.clear()
    report = build(corpus, out)
    assert len(counted) == 5 and report.entities


def test_no_cache_extracts_everything(tmp_path, counted):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    build(corpus, tmp_path / "out")
    counted.clear()
    report = build(corpus, tmp_path / "out", cache=False)
    assert len(counted) == 5 and report.reused == 0


def test_an_unreadable_manifest_means_a_full_write(tmp_path, with_marker):
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    build(corpus, out)
    (out / CACHE_DIR / MANIFEST).write_text("{not json", encoding="utf-8")
    report = build(corpus, out)
    assert not report.up_to_date and report.reused == 5 and report.extracted == 0
    assert report.triples > 0


def test_key_depends_on_bytes_name_and_pipeline(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    fp = pipeline_fingerprint()
    assert document_key(a, b"x", fp) != document_key(a, b"y", fp)
    assert document_key(a, b"x", fp) != document_key(b, b"x", fp)
    assert document_key(a, b"x", fp) != document_key(a, b"x", pipeline_fingerprint("nl_core_news_sm"))
    assert document_key(a, b"x", fp) == document_key(a, b"x", fp)


def test_entries_round_trip(tmp_path):
    from kg.ingest import read_document
    from kg.model import Extraction, Mention
    from tests.conftest import CORPUS

    document = read_document(CORPUS / "kst-29754-645.txt")
    extraction = Extraction(document=document, mentions=[Mention(
        type="Organization", key="org/x", label="X", text="X", start=1, end=2, sentence="X.", sentence_start=1)])
    cache = ExtractionCache(tmp_path / "new", tmp_path / "missing")
    assert not cache.reuse("k")
    cache.put("k", extraction)
    assert cache.get("k") == extraction
    later = ExtractionCache(tmp_path / "newer", tmp_path / "new")
    assert later.reuse("k") and later.get("k") == extraction
    assert (later.hits, later.misses) == (1, 0)


def test_a_slice_of_the_cached_extractions_reads_nothing_until_iterated(built, monkeypatch):
    import json

    from kg.cache import CachedExtractions

    out, _ = built
    keys = [key for _, key in json.loads((out / CACHE_DIR / MANIFEST).read_text())["inputs"]]
    whole = CachedExtractions(ExtractionCache(out / CACHE_DIR, None), keys)
    reads: list[str] = []
    original = ExtractionCache.get
    monkeypatch.setattr(ExtractionCache, "get", lambda self, key: reads.append(key) or original(self, key))
    part = whole[1:4]
    assert isinstance(part, CachedExtractions) and len(part) == 3 and reads == []
    assert [e.document.id for e in part] == [e.document.id for e in list(whole)[1:4]]
    assert reads[:3] == keys[1:4]
