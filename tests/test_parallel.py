"""Parallel extraction: --jobs 1, --jobs 2 and Dask give byte-identical builds;
long texts go through in sections with offsets kept right."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import pipeline
from tests.conftest import CORPUS

OUTPUTS = ("kg.ttl", "kg.nt", "kg.trig", "index.html", "void.ttl", "kg.graphml", "kg.gexf")
MARKER = ("kg_test_marker", "tests.test_parallel")


def mark_acronyms(doc: Doc) -> Doc:
    """A stand-in extractor: every all-capital word of 3+ letters is an organisation."""
    doc.spans["kg_organizations"] = [
        Span(doc, t.i, t.i + 1, label="Organization", kb_id=f"org/{t.lower_}")
        for t in doc if t.is_upper and t.is_alpha and len(t) >= 3]
    return doc


@Language.factory("kg_test_marker")
def make_test_marker(nlp: Language, name: str):  # noqa: ANN201 - a spaCy component
    return mark_acronyms


@pytest.fixture
def with_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction with mentions, so the outputs have something to differ in.

    Forked pool workers and in-process Dask threads inherit the patch."""
    monkeypatch.setattr(pipeline, "COMPONENTS", pipeline.COMPONENTS + (MARKER,))


def small_corpus(folder: Path, copies: int = 2) -> Path:
    """The bundled corpus plus copies under other names: a few documents, quickly built."""
    folder.mkdir()
    for path in CORPUS.iterdir():
        if path.is_file() and path.name != "README.md":
            shutil.copy(path, folder / path.name)
            for n in range(1, copies):
                shutil.copy(path, folder / f"copy{n}-{path.name}")
    return folder


def same_bytes(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_results_come_back_in_input_order(tmp_path, with_marker):
    from kg.parallel import extract_all

    corpus = small_corpus(tmp_path / "c")
    paths = sorted(corpus.iterdir(), reverse=True)
    one = list(extract_all(paths, jobs=1))
    two = list(extract_all(paths, jobs=2))
    assert [e.document.source for e in two] == [str(p) for p in paths]
    assert one == two
    assert sum(len(e.mentions) for e in one) > 0


def test_a_bad_file_is_a_failure_in_its_place(tmp_path, monkeypatch):
    import kg.ingest
    from kg.parallel import Failure, extract_all

    corpus = small_corpus(tmp_path / "c", copies=1)
    bad = corpus / "broken.txt"
    bad.write_text("unreadable", encoding="utf-8")
    read = kg.ingest.read_document

    def read_or_fail(path):
        if Path(path).name == bad.name:
            raise kg.ingest.IngestError(path, "unreadable")
        return read(path)

    monkeypatch.setattr(kg.ingest, "read_document", read_or_fail)  # forked workers inherit it
    paths = sorted(corpus.iterdir())
    results = list(extract_all(paths, jobs=2))
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(failures) == 1 and failures[0].path == str(bad)
    assert len(results) == len(paths)


def test_unknown_executor_is_refused():
    from kg.parallel import ExecutorError, extract_all

    with pytest.raises(ExecutorError):
        extract_all([], executor="spark")
    with pytest.raises(ExecutorError):
        extract_all([], executor="local", scheduler="tcp://localhost:8786")


def test_jobs_and_dask_builds_are_byte_identical(tmp_path, with_marker):
    from distributed import LocalCluster

    from kg.build import build

    corpus = small_corpus(tmp_path / "c")
    one = build(corpus, tmp_path / "one", jobs=1)
    two = build(corpus, tmp_path / "two", jobs=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        dask = build(corpus, tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address)
    # Copies of the four Kamerstukken carry the same official id and are skipped as
    # duplicates; the answer document has no official id, so its copy is a document of its own.
    assert one.documents == two.documents == dask.documents == 6
    assert len(one.skipped) == len(two.skipped) == len(dask.skipped) == 4
    assert one.entities and one.triples == two.triples == dask.triples
    same_bytes(tmp_path / "one", tmp_path / "two")
    same_bytes(tmp_path / "one", tmp_path / "dask")
    # With two jobs the networks are written by a second process while VoID is written here.
    assert "kg.graphml" in (tmp_path / "two" / "void.ttl").read_text(encoding="utf-8")


def test_dask_with_its_own_process_cluster(tmp_path):
    """Workers in other processes: the pipeline and results cross process boundaries."""
    from kg.build import build

    corpus = small_corpus(tmp_path / "c", copies=1)
    build(corpus, tmp_path / "one", jobs=1)
    report = build(corpus, tmp_path / "dask", jobs=2, executor="dask")
    assert report.documents == 5 and report.extracted == 5
    same_bytes(tmp_path / "one", tmp_path / "dask")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=300), st.integers(min_value=1, max_value=40))
def test_sections_cover_the_text_within_the_limit(text, limit):
    pieces = pipeline.sections(text, limit)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= limit for s, e in pieces)
    assert all(s < e for s, e in pieces) or text == ""


def test_sections_cut_at_paragraph_breaks():
    text = "Eerste alinea hier.\n\nTweede alinea, iets langer.\n\nDerde."
    pieces = pipeline.sections(text, 30)
    assert [text[s:e] for s, e in pieces] == ["Eerste alinea hier.\n\n", "Tweede alinea, iets langer.\n\n", "Derde."]


def test_long_text_in_sections_keeps_offsets(with_marker):
    from kg.ingest import read_document

    document = read_document(CORPUS / "kst-29754-251.txt")
    nlp = pipeline.build_nlp()
    whole = pipeline.extract_document(nlp, document)
    nlp.max_length = 500
    assert len(document.text) > 10 * nlp.max_length
    parts = pipeline.extract_document(nlp, document)
    assert parts.mentions, "the marker should find acronyms"
    for mention in parts.mentions:
        assert document.text[mention.start:mention.end] == mention.text
        assert document.text[mention.sentence_start:].startswith(mention.sentence)
    # Sections cut only at whitespace, so no one-word mention is lost or moved.
    assert [(m.start, m.end, m.key) for m in parts.mentions] == [(m.start, m.end, m.key) for m in whole.mentions]
    assert parts.document is document


def test_a_pipeline_is_rebuilt_once_its_vocab_has_grown_and_extracts_the_same(monkeypatch):
    """spaCy keeps every string it has seen; the worker's pipeline is replaced before it grows without bound."""
    import threading

    from kg import parallel
    from kg.ingest import read_document

    documents = [read_document(path) for path in sorted(CORPUS.iterdir()) if path.name != "README.md"]
    built = []
    real = pipeline.build_nlp
    monkeypatch.setattr(pipeline, "build_nlp", lambda model=None: built.append(model) or real(model))

    def extract_in_a_fresh_thread() -> list:  # worker pipelines are kept per thread
        found: list = []
        thread = threading.Thread(target=lambda: found.extend(parallel.extract_item(d) for d in documents))
        thread.start()
        thread.join()
        return found

    kept = extract_in_a_fresh_thread()
    assert len(built) == 1
    monkeypatch.setattr(parallel, "MAX_NEW_STRINGS", 10)
    rebuilt = extract_in_a_fresh_thread()
    assert len(built) > 2
    assert len(documents) == 5 and rebuilt == kept
