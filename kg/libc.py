"""C library calls the standard library lacks, where the platform has them.

``renameat2`` swaps OUT atomically (kg/atomic.py); ``malloc_trim`` hands the
memory a finished stage freed back to the system (``trim_heap``).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
from typing import Any

log = logging.getLogger(__name__)


def libc_function(name: str) -> Any:
    """The C library's function ``name`` (errno kept for ctypes.get_errno), or None where it has none."""
    library = ctypes.util.find_library("c")
    if library is None:
        return None
    try:
        return getattr(ctypes.CDLL(library, use_errno=True), name)
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = libc_function("malloc_trim")
if _MALLOC_TRIM is not None:
    _MALLOC_TRIM.argtypes = [ctypes.c_size_t]
    _MALLOC_TRIM.restype = ctypes.c_int


def trim_heap(collect: bool = True) -> bool:
    """Give the heap memory freed so far back to the system (glibc's ``malloc_trim``),
    after a garbage collection unless ``collect`` is false (a loop trimming often
    has no cycles to free, and a full collection costs more than the trim).

    Why: glibc keeps what a process frees for its own later use. The store's
    caches and the load's buffers, freed when a stage closes the store, stayed
    in the build's RSS under what the views then allocated: at 10M words a
    build held ~290 MB of which ~190 MB was free, and the views' peak came on
    top. False where the C library has no malloc_trim (not glibc): nothing
    is lost there but the memory."""
    if collect:
        gc.collect()
    if _MALLOC_TRIM is None:
        log.debug("no malloc_trim in this C library: freed memory stays with the process")
        return False
    _MALLOC_TRIM(0)
    return True
