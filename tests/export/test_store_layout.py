"""The build's store is compacted after loading, so later queries seek few files."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.build import build
from kg.graph import store as store_module
from tests.conftest import CORPUS

CHUNK = 500


def _sst_files(folder: Path) -> int:
    return sum(1 for path in folder.iterdir() if path.suffix == ".sst")


def test_store_is_compacted_after_a_chunked_load(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "LOAD_CHUNK", CHUNK)
    build(CORPUS, tmp_path / "out", jobs=1, views=False)
    store = tmp_path / "out" / "store"
    chunks = -(-len(ox.Store.read_only(str(store))) // CHUNK)
    assert chunks > 10
    # Oxigraph keeps ten column families (nine quad indexes and the string table):
    # compacted, about a file each (10 seen); left as loaded, 18 files here.
    assert _sst_files(store) < 14
