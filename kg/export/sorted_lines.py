"""Sorting text lines or table rows of any number in bounded memory (an external merge sort).

The RDF files and tables are written sorted so that a build is byte-identical
for the same input. Holding every line of a large corpus in one Python list
made peak memory grow with the corpus; here items are sorted in runs of
``run_lines``, each run goes to a temporary file, and the runs are merged back
lazily with ``heapq.merge``. A corpus that fits in one run never touches the disk.
"""
from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

RUN_LINES = 100_000  # N-Triples lines of ~250 characters: ~35 MB a run
RUN_ROWS = 50_000  # table rows carry a sentence each and a sort key of tuples: ~1 KB apiece

T = TypeVar("T")
_END = object()


def _runs(items: Iterable[T], run_size: int, key: Callable[[T], Any] | None = None) -> Iterator[tuple[list[T], bool]]:
    """Sorted runs of at most ``run_size`` items, each with whether it is the last; at
    least one run, none empty after the first. One item past a full run is read
    ahead to tell, so no run has to be held to find out whether another follows."""
    source = iter(items)
    ahead = next(source, _END)
    while True:
        run: list[T] = []
        while ahead is not _END and len(run) < run_size:
            run.append(ahead)
            ahead = next(source, _END)
        run.sort(key=key)
        yield run, ahead is _END
        del run
        if ahead is _END:
            return


def _unique(lines: Iterable[str]) -> Iterator[str]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def sorted_unique_lines(lines: Iterable[str], scratch: Path, run_lines: int = RUN_LINES) -> Iterator[str]:
    """``sorted(set(lines))`` as an iterator, holding at most ``run_lines`` lines at a time.

    Lines must not contain a newline. Temporary run files go under ``scratch``
    and are removed when the iterator is exhausted or closed.
    """
    return _unique(_merged(_runs(lines, run_lines), scratch, _write_lines, _read_lines))


def sorted_rows(rows: Iterable[T], key: Callable[[T], Any], scratch: Path, run_rows: int = RUN_ROWS) -> Iterator[T]:
    """``sorted(rows, key=key)`` as an iterator, holding at most ``run_rows`` rows at a time.

    Rows are any picklable values (the tables' tuples); equal keys keep their
    input order, as ``sorted`` does. Runs are pickled under ``scratch`` and
    removed when the iterator is exhausted or closed."""
    return _merged(_runs(rows, run_rows, key), scratch, _write_rows, _read_rows, key)


def _merged(runs: Iterator[tuple[list[T], bool]], scratch: Path, write: Callable[[Path, list[T]], None],
            read: Callable[[ExitStack, Path], Iterator[T]], key: Callable[[T], Any] | None = None) -> Iterator[T]:
    """The sorted runs merged: in memory when there is only one, else each written
    to a temporary file (by ``write``) as it comes and read back lazily (by ``read``)."""
    first, last = next(runs)
    if last:
        yield from first
        return
    with tempfile.TemporaryDirectory(dir=scratch, prefix="sort-") as tmp, ExitStack() as files:
        paths = [Path(tmp) / "run-00000"]
        write(paths[0], first)
        del first  # each run is let go before the next is read: one in memory at a time
        for run, _ in runs:  # not enumerate(): its reused result tuple would keep the last run alive
            paths.append(Path(tmp) / f"run-{len(paths):05d}")
            write(paths[-1], run)
            del run
        yield from heapq.merge(*(read(files, path) for path in paths), key=key)  # ties: earlier run first


def _write_lines(path: Path, run: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(f"{line}\n" for line in _unique(run))


def _read_lines(files: ExitStack, path: Path) -> Iterator[str]:
    return (line.rstrip("\n") for line in files.enter_context(path.open(encoding="utf-8", newline="\n")))


def _write_rows(path: Path, run: list) -> None:
    # One pickle per row, each with its own memo: a shared Pickler whose memo is
    # cleared between rows would be read back by an Unpickler that never clears its own.
    with path.open("wb") as handle:
        for row in run:
            pickle.dump(row, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _read_rows(files: ExitStack, path: Path) -> Iterator[Any]:
    handle = files.enter_context(path.open("rb"))
    while True:
        try:
            yield pickle.load(handle)
        except EOFError:
            return
