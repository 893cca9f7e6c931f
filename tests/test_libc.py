"""kg.libc: C library calls looked up where the platform has them."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.libc import libc_function, trim_heap


def test_a_missing_function_is_none():
    assert libc_function("kamerkg_no_such_function") is None


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(libc_function("malloc_trim") is None or not Path("/proc/self/status").exists(),
                    reason="glibc's malloc_trim and /proc are needed")
def test_trim_heap_returns_freed_heap_memory():
    # 100 MB in malloc'd blocks (above Python's small-object allocator), every 50th kept:
    # the heap cannot shrink from its top, so glibc keeps the freed pages until trimmed.
    blocks = [bytes(2000) + i.to_bytes(4, "little") for i in range(50_000)]
    kept = blocks[::50]
    del blocks
    before = _rss_mb()
    assert trim_heap() is True
    assert before - _rss_mb() > 50
    assert len(kept) == 1000


def test_trim_heap_collects_garbage_unless_asked_not_to():
    from unittest import mock

    with mock.patch("gc.collect") as collect:
        trim_heap(collect=False)
        assert collect.call_count == 0
        trim_heap()
        assert collect.call_count == 1
