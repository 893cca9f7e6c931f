"""Loading the store: every quad arrives whatever the chunking of bulk loads."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.graph import store as store_module
from kg.graph.store import inner_store, load, open_dataset

EX = "http://example.org/"


def batches(sizes: list[int]) -> list[list[tuple]]:
    count = 0
    out = []
    for size in sizes:
        batch = []
        for _ in range(size):
            batch.append((URIRef(f"{EX}s{count}"), URIRef(f"{EX}p"), Literal(count), URIRef(f"{EX}g{count % 3}")))
            count += 1
        out.append(batch)
    return out


@pytest.mark.parametrize("sizes", [[], [4], [3, 3], [2, 5, 1], [6, 0, 3], [1] * 7])
def test_every_quad_is_loaded_across_chunk_boundaries(monkeypatch, sizes):
    monkeypatch.setattr(store_module, "LOAD_CHUNK", 3)
    seen: list[int] = []
    dataset = open_dataset()
    assert load(dataset, batches(sizes), lambda batch: seen.append(len(batch))) == sum(sizes)
    quads = list(inner_store(dataset))
    assert len(quads) == sum(sizes) == len({q.subject.value for q in quads})
    assert seen == sizes
