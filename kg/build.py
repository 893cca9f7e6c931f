"""``kamerkg build``: corpus folder in; RDF files, SPARQL store and HTML out.

The stages run in order (ingest -> extract -> resolve -> graph -> export and
views). Everything is written into a fresh folder beside OUT and moved into
place only when complete, so a failed or interrupted build leaves the
previous OUT as it was.
"""
from __future__ import annotations

import logging
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Document, Extraction

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

    def rows(self) -> list[tuple[str, str]]:
        rows = [("documents", str(self.documents))]
        rows += [(f"entities: {kind}", str(n)) for kind, n in sorted(self.entities.items())]
        rows += [("citations", str(self.citations)), ("motion references", str(self.motions)),
                 ("triples", str(self.triples)), ("skipped files", str(len(self.skipped))),
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


def _replace_dir(new: Path, out: Path) -> None:
    """Move the finished build into place, keeping the old one until the end."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)


def build(corpus: Path, out: Path, *, model: str | None = None,
          on_document: Callable[[str], None] | None = None) -> BuildReport:
    """Build the knowledge graph of every document in ``corpus`` into ``out``."""
    from kg.extract.pipeline import build_nlp, extract_document
    from kg.export.outputs import write_outputs
    from kg.resolve import resolve

    started = time.perf_counter()
    if not corpus.is_dir():
        raise BuildError(f"{corpus}: no such corpus folder")
    out = out.resolve()
    work = out.with_name(out.name + ".building")
    try:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
    except OSError as error:
        raise BuildError(f"{out}: cannot write there ({error.strerror})") from error

    report = BuildReport(out=out)
    documents = ingest_corpus(corpus, report)
    nlp = build_nlp(model)
    extractions: list[Extraction] = []
    for document in documents:
        extractions.append(extract_document(nlp, document))
        if on_document:
            on_document(document.id)
    resolution = resolve(extractions)
    report.documents = len(extractions)
    report.entities = Counter(entity.type for entity in resolution.entities.values())
    report.citations = sum(len(e.citations) for e in extractions)
    report.motions = sum(len(e.motions) for e in extractions)
    report.triples = write_outputs(work, extractions, resolution)
    _replace_dir(work, out)
    report.seconds = time.perf_counter() - started
    return report
