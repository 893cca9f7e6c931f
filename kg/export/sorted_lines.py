"""Sorting text lines of any number in bounded memory (an external merge sort).

The RDF files are written sorted so that a build is byte-identical for the
same input. Holding every line of a large corpus in one Python list made peak
memory grow with the corpus; here lines are sorted in runs of ``run_lines``,
each run goes to a temporary file, and the runs are merged back lazily with
``heapq.merge``. A corpus that fits in one run never touches the disk.
"""
from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

RUN_LINES = 250_000


def _runs(lines: Iterable[str], run_lines: int) -> Iterator[list[str]]:
    """Sorted runs of at most ``run_lines`` lines; at least one run, and no empty run after the first."""
    run: list[str] = []
    full = False
    for line in lines:
        run.append(line)
        if len(run) >= run_lines:
            run.sort()
            yield run
            run, full = [], True
    if run or not full:
        run.sort()
        yield run


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
    runs = _runs(lines, run_lines)
    first = next(runs)
    second = next(runs, None)
    if second is None:
        yield from _unique(first)
        return
    with tempfile.TemporaryDirectory(dir=scratch, prefix="sort-") as tmp, ExitStack() as files:
        paths = [_write_run(Path(tmp), 0, first), _write_run(Path(tmp), 1, second)]
        first = second = []
        paths += [_write_run(Path(tmp), number, run) for number, run in enumerate(runs, 2)]
        readers = [(line.rstrip("\n") for line in files.enter_context(path.open(encoding="utf-8", newline="\n")))
                   for path in paths]
        yield from _unique(heapq.merge(*readers))


def _write_run(folder: Path, number: int, run: list[str]) -> Path:
    path = folder / f"run-{number:05d}"
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(f"{line}\n" for line in _unique(run))
    return path
