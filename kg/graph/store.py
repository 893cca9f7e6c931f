"""The Oxigraph store behind kamerkg, used through rdflib's Dataset API.

Oxigraph (via oxrdflib) loads, queries and serialises an order of magnitude
faster than rdflib's pure-Python memory store; rdflib stays the API so the
rest of the code speaks ordinary rdflib terms. Queries see the union of all
named graphs as the default graph, so ``SELECT * { ?s ?p ?o }`` sees every
triple while ``GRAPH ?g {...}`` still reaches one document.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef

# Quads per bulk_extend call: bounds the bulk loader's buffer (see load). Loading
# 7.4M quads (10M words) peaked at 873 MB with 500k a call, 424 MB with 100k, at
# the same speed; the compaction after loading merges the extra files.
LOAD_CHUNK = 100_000


def open_dataset(path: Path | None = None, read_only: bool = False) -> Dataset:
    """An rdflib Dataset on an Oxigraph store at ``path`` (in memory when None)."""
    if path is None:
        inner = ox.Store()
    elif read_only:
        inner = ox.Store.read_only(str(path))
    else:
        inner = ox.Store(str(path))
    return Dataset(store=OxigraphStore(store=inner), default_union=True)


def inner_store(dataset: Dataset | ox.Store) -> ox.Store:
    """The pyoxigraph Store under a Dataset (or the Store itself), for bulk work."""
    if isinstance(dataset, ox.Store):
        return dataset
    return dataset.store._inner  # oxrdflib keeps the pyoxigraph store here


def _ox_term(term, named: dict) -> ox.NamedNode | ox.Literal:  # noqa: ANN001 - an rdflib term
    """An rdflib IRI or literal as a pyoxigraph term (IRIs memoised: they repeat a lot)."""
    if isinstance(term, URIRef):
        node = named.get(term)
        if node is None:
            node = named[term] = ox.NamedNode(term)
        return node
    if isinstance(term, Literal):
        datatype = term.datatype
        return ox.Literal(str(term), language=term.language,
                          datatype=None if datatype is None else _ox_term(datatype, named))
    raise TypeError(f"kamerkg writes IRIs and literals only, not {term!r}")


def ox_quads(quads: Iterable[tuple], named: dict) -> Iterator[ox.Quad]:
    """(s, p, o, graph IRI) tuples of rdflib terms as pyoxigraph quads (``named`` memoises IRIs)."""
    for s, p, o, g in quads:
        yield ox.Quad(_ox_term(s, named), _ox_term(p, named), _ox_term(o, named), _ox_term(g, named))


def add_batch(dataset: Dataset, quads: list[tuple]) -> int:
    """Add one batch of (s, p, o, graph IRI) quads to the Oxigraph store in a single call.

    The terms are rdflib's (the graph code speaks rdflib); they are converted
    here and handed to Oxigraph in one ``extend``, skipping rdflib's per-quad
    Python bookkeeping in ``Dataset.addN``, which dominated large builds."""
    batch = list(ox_quads(quads, {}))
    inner_store(dataset).extend(batch)
    return len(batch)


def load(dataset: Dataset, batches: Iterable[list[tuple]],
         on_batch: Callable[[list[ox.Quad]], None] | None = None) -> int:
    """Add every batch with Oxigraph's bulk loader; returns the number of quads added.

    ``bulk_extend`` over the stream of all batches, LOAD_CHUNK quads a call: the
    bulk loader writes sorted files straight to disk without a transaction per
    batch (3-4 times faster than ``extend`` on a fresh store), but it buffers up
    to three million quads before writing (1.2-1.9 GB seen); a call per chunk
    bounds that buffer. ``on_batch`` sees each converted batch on its way in (the
    RDF files are spooled from there: reading a RocksDB store back costs ~9 us a quad)."""
    count = 0

    def stream() -> Iterator[ox.Quad]:
        nonlocal count
        for batch in batches:
            converted = list(ox_quads(batch, {}))  # IRIs repeat within a batch; a per-batch memo stays small
            if on_batch is not None:
                on_batch(converted)
            count += len(converted)
            yield from converted

    _bulk_extend(inner_store(dataset), stream())
    return count


def load_nquads(dataset: Dataset | ox.Store, path: Path) -> None:
    """Add an N-Quads file (another process's spool) with the bulk loader, LOAD_CHUNK quads
    a call as in :func:`load` (``bulk_load`` on the whole file buffers millions of quads)."""
    _bulk_extend(inner_store(dataset), ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def _bulk_extend(store: ox.Store, quads: Iterator[ox.Quad]) -> None:
    while True:
        chunk = itertools.islice(quads, LOAD_CHUNK)
        first = next(chunk, None)
        if first is None:
            return
        store.bulk_extend(itertools.chain((first,), chunk))


class StoreMissing(Exception):
    """OUT has no store, or it cannot be opened: a one-line message naming the folder."""


def open_build_store(out: Path) -> ox.Store:
    """OUT/store opened read-only, for queries and uploads of a finished build."""
    store_path = out / "store"
    if not store_path.is_dir():
        raise StoreMissing(f"{out}: no store here (run kamerkg build first)")
    try:
        return ox.Store.read_only(str(store_path))
    except OSError as error:
        raise StoreMissing(f"{store_path}: cannot open the store ({error})") from error
