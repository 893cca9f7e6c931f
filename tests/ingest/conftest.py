"""Fixtures for the ingest tests: the bundled corpus, read once."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.model import Document

CORPUS = Path(__file__).parents[2] / "corpus"
SEED_FILES = [
    "antwoord-vragen-hazimi-beweging-2020.txt",
    "kst-29754-251.txt",
    "kst-29754-326.md",
    "kst-29754-468.txt",
    "kst-29754-645.txt",
]


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, Document]:
    """The five corpus documents by file name."""
    return {name: read_document(CORPUS / name) for name in SEED_FILES}


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
