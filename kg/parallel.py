"""Extraction over many documents: in this process, a local process pool, or Dask.

Extraction of one document depends only on that document and the pipeline,
so documents are farmed out and the results come back in input order (the
build is byte-identical whatever the executor). Each worker process builds
the spaCy pipeline once and keeps it. Only a bounded window of documents is
in flight, so memory does not grow with the corpus.

Executors:
- ``local``: ``jobs == 1`` runs in this process; ``jobs > 1`` a
  ``ProcessPoolExecutor`` whose workers ingest and extract files themselves.
- ``dask``: a dask.distributed cluster (``scheduler`` address, or a local
  cluster of ``jobs`` workers). Files are ingested here and the Documents
  sent, so workers need no access to the corpus folder.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import Document, Extraction

log = logging.getLogger(__name__)

EXECUTORS = ("local", "dask")
WINDOW_PER_JOB = 4
# spaCy keeps every string it has seen (each new word's text, lower case, shape, prefix and
# suffix) and a lexeme for it in the pipeline's vocab, and its tokenizer caches every new
# chunk: a worker's memory grows with the words of the corpus (by Heaps' law, without
# bound over the whole record). A fresh pipeline (0.6 s for the blank one) starts again
# from the gazetteers' strings; results do not depend on what the vocab has seen.
# nlp.memory_zone() frees them too, but turns the tokenizer cache off: 18% slower here.
MAX_NEW_STRINGS = 100_000  # ~28 MB of strings and lexemes (~280 bytes each, measured)


@dataclass
class Failure:
    """A file that could not be ingested; stands in its place in the result stream."""

    path: str
    reason: str


Item = Document | Path | str
Result = Extraction | Failure


class ExecutorError(Exception):
    """An executor that cannot start (unknown name, unreachable scheduler)."""


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_local = threading.local()


def worker_pipeline(model: str | None):  # noqa: ANN201 - spaCy Language, imported lazily
    """This worker's pipeline, built on first use and kept (per thread: spaCy is not thread-safe).

    Kept per model and component list, so a changed pipeline is never served
    stale; built afresh once it has taken in ``MAX_NEW_STRINGS`` strings.
    """
    from kg.extract.pipeline import COMPONENTS, build_nlp

    pipelines = getattr(_local, "pipelines", None)
    if pipelines is None:
        pipelines = _local.pipelines = {}
    key = (model, COMPONENTS)
    kept = pipelines.get(key)
    if kept is None or len(kept[0].vocab.strings) > kept[1] + MAX_NEW_STRINGS:
        if kept is not None:
            log.debug("pipeline rebuilt: %d strings taken in", len(kept[0].vocab.strings) - kept[1])
            del pipelines[key], kept  # the old pipeline goes before the new one is built
        nlp = build_nlp(model)
        pipelines[key] = kept = (nlp, len(nlp.vocab.strings))
    return kept[0]


def ingest(item: Item) -> Document | Failure:
    if isinstance(item, Document):
        return item
    from kg.ingest import IngestError, read_document

    try:
        return read_document(Path(item))
    except IngestError as error:
        return Failure(str(item), str(error))


def extract_item(item: Item, model: str | None = None) -> Result:
    """Ingest (if given a path) and extract one document with this worker's pipeline."""
    from kg.extract.pipeline import extract_document

    document = ingest(item)
    if isinstance(document, Failure):
        return document
    return extract_document(worker_pipeline(model), document)


def _init_worker(model: str | None) -> None:
    worker_pipeline(model)  # build the pipeline once, before the first document arrives


def _ordered(submit: Callable[[Item], Any], result: Callable[[Any], Result],
             items: Iterable[Item], window: int) -> Iterator[Result]:
    """Submit items keeping at most ``window`` in flight; yield results in input order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _local_pool(items: Iterable[Item], jobs: int, model: str | None) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
        yield from _ordered(lambda item: pool.submit(extract_item, item, model),
                            lambda future: future.result(), items, jobs * WINDOW_PER_JOB)


def _dask(items: Iterable[Item], jobs: int, scheduler: str | None, model: str | None) -> Iterator[Result]:
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise ExecutorError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {error}") from error
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        log.info("dask: %d workers at %s", workers, client.scheduler.address)

        def submit(item: Item) -> Any:
            document = ingest(item)  # workers may not see the corpus folder: send the text
            if isinstance(document, Failure):
                return document
            return client.submit(extract_item, document, model, pure=False)

        def result(future: Any) -> Result:
            return future if isinstance(future, Failure) else future.result()

        yield from _ordered(submit, result, items, workers * WINDOW_PER_JOB)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_all(items: Iterable[Item], jobs: int = 1, executor: str = "local",
                scheduler: str | None = None, model: str | None = None) -> Iterator[Result]:
    """Extract every item (Document or file path), yielding results in input order.

    A path that fails ingest yields a ``Failure`` in its place, so callers can
    report it and go on; everything else yields an ``Extraction``.
    """
    if executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if scheduler and executor != "dask":
        raise ExecutorError("--scheduler needs --executor dask")
    jobs = max(1, jobs)
    if executor == "dask":
        return _dask(items, jobs, scheduler, model)
    if jobs == 1:
        return (extract_item(item, model) for item in items)
    return _local_pool(items, jobs, model)
