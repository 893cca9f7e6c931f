"""``kamerkg build``: corpus folder in; RDF files, SPARQL store and HTML out.

The stages run in order (ingest -> extract -> resolve -> graph -> export and
views). Everything is written into a fresh folder beside OUT and swapped
into place only when complete (``kg.atomic``: renameat2 RENAME_EXCHANGE where
the system has it), so a failed, interrupted or killed build leaves the
previous OUT as it was.

Extraction runs in parallel (``kg.parallel``) and its per-document results
go to a content-hash cache in the new folder (``kg.cache``): unchanged files
reuse the previous build's entries, and resolution and writing read the
entries back one at a time, so memory does not grow with the corpus. When
neither the files nor the code changed, OUT is already up to date and is
left as it is.
"""
from __future__ import annotations

import gc
import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import CachedExtractions
from kg.model import Document, Extraction

OUTPUT_NAMES = ("kg.ttl", "kg.trig", "kg.nt", "store", "index.html", "graph.html")

log = logging.getLogger(__name__)


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class BuildReport:
    out: Path
    documents: int = 0
    entities: Counter = field(default_factory=Counter)
    citations: int = 0
    motions: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    extracted: int = 0
    reused: int = 0
    up_to_date: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # resolution's, one line each (OUT/conflicts.json)

    def rows(self) -> list[tuple[str, str]]:
        rows = [("documents", str(self.documents))]
        rows += [(f"entities: {kind}", str(n)) for kind, n in sorted(self.entities.items())]
        rows += [("citations", str(self.citations)), ("motion references", str(self.motions)),
                 ("triples", str(self.triples)), ("skipped files", str(len(self.skipped))),
                 ("extracted", str(self.extracted)), ("reused from cache", str(self.reused)),
                 ("seconds", f"{self.seconds:.1f}")]
        return rows


class BuildError(Exception):
    """A build that cannot go on at all (no corpus, OUT not writable)."""


def ingest_corpus(corpus: Path, report: BuildReport) -> list[Document]:
    from kg.ingest import IngestError, corpus_files, read_document

    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in corpus_files(corpus):
        try:
            document = read_document(path)
        except IngestError as error:
            log.warning("%s", error)
            report.skipped.append(Skipped(str(path), str(error)))
            continue
        if document.id in seen:
            message = f"{path}: duplicate document id {document.id} (already read from {seen[document.id]}); skipped"
            log.warning("%s", message)
            report.skipped.append(Skipped(str(path), message))
            continue
        seen[document.id] = str(path)
        documents.append(document)
    return documents


def _manifest(inputs: list[list[str]], model: str | None, report: BuildReport, work: Path,
              views: bool = True) -> dict:
    from kg.cache import code_fingerprint

    return {"code": code_fingerprint(), "model": model or "", "inputs": inputs, "views": views,
            "outputs": sorted(p.name for p in work.iterdir()),
            "report": {"documents": report.documents, "entities": dict(report.entities),
                       "citations": report.citations, "motions": report.motions, "triples": report.triples,
                       "skipped": [[s.path, s.reason] for s in report.skipped], "conflicts": report.conflicts}}


def _up_to_date(previous: dict | None, inputs: list[list[str]], model: str | None, out: Path,
                views: bool = True) -> bool:
    """The previous build used the same files, pipeline, code and outputs, and its outputs are all there."""
    from kg.cache import code_fingerprint

    if not previous or previous.get("inputs") != inputs or previous.get("model") != (model or ""):
        return False
    if previous.get("views", True) != views:
        return False
    if any(not (out / name).exists() for name in previous.get("outputs", ())):
        return False
    return previous.get("code") == code_fingerprint()


def _report_from(previous: dict, report: BuildReport) -> None:
    saved = previous["report"]
    report.documents = saved["documents"]
    report.entities = Counter(saved["entities"])
    report.citations, report.motions, report.triples = saved["citations"], saved["motions"], saved["triples"]
    report.skipped = [Skipped(path, reason) for path, reason in saved["skipped"]]
    report.conflicts = list(saved.get("conflicts", []))
    report.reused = report.documents
    report.up_to_date = True


def build(corpus: Path, out: Path, *, model: str | None = None,
          on_document: Callable[[str], None] | None = None, jobs: int = 1, executor: str = "local",
          scheduler: str | None = None, cache: bool = True, views: bool = True) -> BuildReport:
    """Build the knowledge graph of every document in ``corpus`` into ``out``.

    ``jobs``/``executor``/``scheduler`` choose where extraction runs (see
    ``kg.parallel``); the outputs are the same whatever they are. With
    ``cache=False`` the previous build's cache is ignored (everything is
    extracted again) but a fresh one is still written. With ``views=False``
    the HTML views and GraphML/GEXF files are left out: they hold the whole
    document-entity network in memory, so without them peak memory grows far
    less with the corpus (the RDF, store, tables and VoID are the same).
    """
    from kg.atomic import AtomicWriteError, new_work_dir, replace_dir
    from kg.cache import CACHE_DIR, ExtractionCache, document_key, pipeline_fingerprint
    from kg.export.outputs import write_outputs
    from kg.ingest import corpus_files
    from kg.parallel import Failure, extract_all, worker_pipeline
    from kg.resolve import resolve

    started = time.perf_counter()
    if not corpus.is_dir():
        raise BuildError(f"{corpus}: no such corpus folder")
    out = out.resolve()
    try:
        work = new_work_dir(out)
    except AtomicWriteError as error:
        raise BuildError(str(error)) from error

    try:
        report = BuildReport(out=out)
        worker_pipeline(model)  # fail early (ModelNotFound); kept for jobs=1 and inherited by forked workers
        store = ExtractionCache(work / CACHE_DIR, out / CACHE_DIR if cache else None)
        fingerprint = pipeline_fingerprint(model)
        files = list(corpus_files(corpus))
        keys = [document_key(path, path.read_bytes(), fingerprint) for path in files]
        inputs = [[str(path), key] for path, key in zip(files, keys)]
        previous = store.read_manifest()
        if _up_to_date(previous, inputs, model, out, views):
            shutil.rmtree(work)
            _report_from(previous, report)
            report.seconds = time.perf_counter() - started
            log.info("%s is up to date", out)
            return report

        missing = [i for i, key in enumerate(keys) if not store.reuse(key)]
        failed: dict[int, Failure] = {}
        results = extract_all((files[i] for i in missing), jobs=jobs, executor=executor,
                              scheduler=scheduler, model=model)
        for index, result in zip(missing, results):
            if isinstance(result, Failure):
                failed[index] = result
                continue
            store.put(keys[index], result)
            if on_document:
                on_document(result.document.id)
        report.extracted = len(missing) - len(failed)
        report.reused = len(keys) - len(missing)
        report.timings["extract"] = time.perf_counter() - started

        kept: list[str] = []

        def stream() -> Iterator[Extraction]:
            """Every extracted document once, in corpus order, skipping failures and duplicate ids."""
            seen: dict[str, str] = {}
            for index, key in enumerate(keys):
                if index in failed:
                    log.warning("%s; skipped", failed[index].reason)
                    report.skipped.append(Skipped(failed[index].path, failed[index].reason))
                    continue
                extraction = store.get(key)
                document = extraction.document
                if index not in missing_set and on_document:
                    on_document(document.id)
                if document.id in seen:
                    message = (f"{files[index]}: duplicate document id {document.id} "
                               f"(already read from {seen[document.id]}); skipped")
                    log.warning("%s", message)
                    report.skipped.append(Skipped(str(files[index]), message))
                    continue
                seen[document.id] = str(files[index])
                kept.append(key)
                report.citations += len(extraction.citations)
                report.motions += len(extraction.motions)
                yield extraction

        missing_set = set(missing)
        resolution = resolve(stream())
        report.documents = len(kept)
        report.entities = Counter(entity.type for entity in resolution.entities.values())
        report.conflicts = [str(conflict) for conflict in resolution.conflicts]
        (work / "conflicts.json").write_text(json.dumps([c.to_dict() for c in resolution.conflicts],
                                                        ensure_ascii=False, indent=2), encoding="utf-8")
        report.timings["resolve"] = time.perf_counter() - started - report.timings["extract"]
        mark = time.perf_counter()
        report.triples = write_outputs(work, CachedExtractions(store, kept), resolution, jobs=jobs,
                                       views=views)
        # The Oxigraph store sits in reference cycles (rdflib graphs <-> store); collect them now so
        # its RocksDB lock on OUT.building/store is released before a next build in this process.
        gc.collect()
        report.timings["write"] = time.perf_counter() - mark
        store.write_manifest(_manifest(inputs, model, report, work, views))
        try:
            replace_dir(work, out)
        except OSError as error:
            shutil.rmtree(work, ignore_errors=True)
            raise BuildError(f"{out}: cannot replace it ({error.strerror or error})") from error
        report.seconds = time.perf_counter() - started
        return report
    except BaseException:
        # Whatever stopped the build, the previous OUT stays as it was and nothing is left beside it.
        shutil.rmtree(work, ignore_errors=True)
        raise
