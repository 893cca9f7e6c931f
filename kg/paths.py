"""Where kamerkg's data files are, in a source checkout and once installed.

In a checkout the ontology and the corpus sit beside the package
(``ontology/``, ``corpus/``); an installed wheel carries them as
``kg/ontology`` and ``kg/corpus`` (see ``package_dir`` in setup.cfg).
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    return _PACKAGE / name


def ontology_dir() -> Path:
    """The folder holding kg.ttl, the gazetteers and the SHACL shapes."""
    return _data_dir("ontology")


def corpus_dir() -> Path:
    """The bundled corpus of five Kamerstukken."""
    return _data_dir("corpus")
