"""kamerkg ingest stage: files -> ``kg.model.Document``.

``read_document(path)`` reads one file (``.txt`` extracted from PDF, ``.md``);
``iter_corpus(folder)`` reads a folder in name order and reports bad files as
``Skipped`` records instead of stopping; ``read_corpus`` collects both.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.ingest.errors import IngestError, Skipped
from kg.ingest.reader import READERS, read_document, register_reader, slugify, supported_extensions
from kg.ingest.xml import is_sidecar
from kg.model import Document

__all__ = [
    "IngestError",
    "Skipped",
    "READERS",
    "corpus_files",
    "iter_corpus",
    "read_corpus",
    "read_document",
    "register_reader",
    "slugify",
    "supported_extensions",
]

log = logging.getLogger(__name__)

# Files a corpus folder may hold that are not documents.
IGNORED_STEMS = frozenset({"readme", "license", "licence", "changelog", "manifest"})


def corpus_files(folder: Path) -> list[Path]:
    """Candidate files under ``folder`` (recursive), sorted by relative path;
    hidden files and README/LICENSE notes are left out."""
    folder = Path(folder)
    if not folder.is_dir():
        raise IngestError(folder, "is not a folder" if folder.exists() else "no such folder")
    files = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if is_sidecar(path):
            continue  # read with its document (kg.ingest.xml.sidecar_for)
        if path.stem.lower() in IGNORED_STEMS:
            log.debug("%s: not a document, ignored", path)
            continue
        files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def iter_corpus(
    folder: Path, on_skip: Callable[[Skipped], None] | None = None
) -> Iterator[Document]:
    """Yield the Documents of ``folder`` in name order.

    A file that cannot be read (unknown type, empty, binary…) is logged as a
    warning and passed to ``on_skip`` as a ``Skipped``; the rest goes on."""
    for path in corpus_files(folder):
        try:
            yield read_document(path)
        except IngestError as err:
            log.warning("skipped %s", err)
            if on_skip is not None:
                on_skip(Skipped(err.path, err.reason))


def read_corpus(folder: Path) -> tuple[list[Document], list[Skipped]]:
    """All Documents of ``folder`` and the files skipped, both in name order."""
    skipped: list[Skipped] = []
    documents = list(iter_corpus(folder, on_skip=skipped.append))
    return documents, skipped
