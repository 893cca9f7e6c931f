"""``kamerkg build``: corpus folder in; RDF files, SPARQL store and HTML out.

The stages run in order (ingest -> extract -> resolve -> graph -> export and
views). Everything is written into a fresh folder beside OUT and swapped
into place only when complete (``kg.atomic``), so a failed, interrupted or
killed build leaves the previous OUT as it was.  Bad input files are skipped
with one warning line each and listed in the report; only a missing corpus
or an unwritable OUT stops a build.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
            _skip(report, path, f"{error}; skipped")
            continue
        if document.id in seen:
            _skip(report, path, f"{path}: duplicate document id {document.id} "
                                f"(already read from {seen[document.id]}); skipped")
            continue
        seen[document.id] = str(path)
        documents.append(document)
    return documents


def _skip(report: BuildReport, path: Path, message: str) -> None:
    log.warning("%s", message)
    report.skipped.append(Skipped(str(path), message))


# Documents longer than this are extracted section by section (see below).
SECTION_CHARS = 30_000


def _sections(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of about ``size`` characters, cut at
    paragraph breaks (a blank line) where there is one, so no sentence is cut."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start + size // 2, start + size)
        cut = cut + 2 if cut != -1 else start + size
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _shifted(items: list, offset: int, fields: tuple[str, ...]) -> list:
    return [replace(item, **{f: getattr(item, f) + offset for f in fields}) for item in items]


def extract_sectioned(nlp, document: Document, size: int = SECTION_CHARS) -> Extraction:  # noqa: ANN001
    """Extraction of a long document (a 12 MB report), one section at a time.

    spaCy refuses texts beyond ``nlp.max_length`` and the paragraph-aware
    sentencizer slows down more than linearly with length, so a long text
    is cut at paragraph breaks, each section extracted as its own Document
    (same id and metadata) and the offsets shifted back.  A stopgap until
    kg.extract.pipeline sections long texts itself."""
    from kg.extract.pipeline import extract_document
    from kg.model import Footnote

    if len(document.text) <= size:
        return extract_document(nlp, document)
    log.info("%s: %d characters, extracted in sections", document.source, len(document.text))
    merged = Extraction(document=document)
    for start, end in _sections(document.text, size):
        notes = [Footnote(f.number, f.start - start, f.end - start,
                          None if f.marker_start is None else f.marker_start - start,
                          None if f.marker_end is None else f.marker_end - start)
                 for f in document.footnotes if start <= f.start < end]
        part = replace(document, text=document.text[start:end], footnotes=notes,
                       body_end=min(max(document.body_end - start, 0), end - start))
        found = extract_document(nlp, part)
        merged.mentions += _shifted(found.mentions, start, ("start", "end", "sentence_start"))
        merged.citations += _shifted(found.citations, start, ("start", "end"))
        merged.motions += _shifted(found.motions, start, ("start", "end"))
        merged.relations += _shifted(found.relations, start, ("start", "end"))
        merged.questions += _shifted(found.questions, start, ("start", "end"))
    return merged


def build(corpus: Path, out: Path, *, model: str | None = None,
          on_document: Callable[[str], None] | None = None) -> BuildReport:
    """Build the knowledge graph of every document in ``corpus`` into ``out``."""
    from kg.extract.pipeline import build_nlp
    from kg.export.outputs import write_outputs
    from kg.resolve import resolve

    from kg.atomic import AtomicWriteError, staged_dir

    started = time.perf_counter()
    if not corpus.is_dir():
        raise BuildError(f"{corpus}: " + ("not a folder" if corpus.exists() else "no such corpus folder"))
    out = out.absolute()
    report = BuildReport(out=out)
    try:
        with staged_dir(out) as work:
            documents = ingest_corpus(corpus, report)
            nlp = build_nlp(model)
            extractions: list[Extraction] = []
            for document in documents:
                extractions.append(extract_sectioned(nlp, document))
                if on_document:
                    on_document(document.id)
            resolution = resolve(extractions)
            report.documents = len(extractions)
            report.entities = Counter(entity.type for entity in resolution.entities.values())
            report.citations = sum(len(e.citations) for e in extractions)
            report.motions = sum(len(e.motions) for e in extractions)
            report.triples = write_outputs(work, extractions, resolution)
    except AtomicWriteError as error:
        raise BuildError(str(error)) from error
    report.seconds = time.perf_counter() - started
    return report
