"""Building OUT without ever leaving it half-written.

A build writes everything (RDF files, the Oxigraph store, HTML) into a fresh
hidden folder beside OUT, on the same file system, and only when that folder
is complete swaps it with OUT in one step.  On Linux the swap is
``renameat2(RENAME_EXCHANGE)``, which exchanges two directory entries
atomically: at every instant OUT is either the whole old build or the whole
new one, even under SIGKILL or power loss.  Where the call is missing (not
Linux, an old C library, a file system that refuses it) we fall back to two
renames (OUT -> OUT.old, new -> OUT); a kill between them leaves OUT.old,
which the next build puts back before doing anything else.

The SPARQL store needs no transaction of its own across builds: it is
rebuilt from scratch inside the temporary folder and swapped in with the
rest, so no reader ever sees a store that is half old and half new.
"""
from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.libc import libc_function

log = logging.getLogger(__name__)

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


class AtomicWriteError(Exception):
    """OUT cannot be prepared or replaced (not writable, not a folder…)."""


def _libc_renameat2():  # noqa: ANN202 - a ctypes function or None
    func = libc_function("renameat2")
    if func is not None:
        func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _libc_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap the directory entries ``a`` and ``b`` (both must
    exist); False when the platform cannot, so the caller falls back."""
    if _RENAMEAT2 is None:
        return False
    result = _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        log.debug("renameat2(RENAME_EXCHANGE) unsupported here (%s); using two renames", os.strerror(code))
        return False
    raise OSError(code, os.strerror(code), str(a))


def _old_name(out: Path) -> Path:
    return out.with_name(f".{out.name}.old")


def _temp_prefix(out: Path) -> str:
    return f".{out.name}.building-"


def recover(out: Path) -> None:
    """Undo what a killed build left beside OUT: put a moved-away OUT back
    (fallback swap cut in two) and remove unfinished temporary folders of
    builds that are no longer running."""
    old = _old_name(out)
    if old.is_dir():
        if out.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            log.warning("%s: restoring the previous build left by an interrupted run", out)
            old.rename(out)
    if not out.parent.is_dir():
        return
    for leftover in out.parent.glob(_temp_prefix(out) + "*"):
        pid = leftover.name[len(_temp_prefix(out)):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        log.debug("removing %s left by an interrupted build", leftover)
        shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sync_tree(folder: Path) -> None:
    """Flush every file and folder of ``folder`` to disk before the swap, so
    even a power cut after it finds complete files."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fd = os.open(root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_dir(new: Path, out: Path) -> None:
    """Make the complete folder ``new`` become ``out``; the previous ``out``
    stays whole until the swap and is deleted after it."""
    _sync_tree(new)
    if out.is_dir() and exchange(new, out):
        shutil.rmtree(new)  # ``new`` now names the previous build
        return
    if out.exists() and not out.is_dir():
        raise AtomicWriteError(f"{out}: exists and is not a folder")
    old = _old_name(out)
    if out.exists():
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)


def new_work_dir(out: Path) -> Path:
    """A fresh temporary folder beside ``out`` (after cleaning what killed
    builds left), to be moved into place with :func:`replace_dir`."""
    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise AtomicWriteError(f"{out}: exists and is not a folder")
    blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise AtomicWriteError(f"{out}: cannot write there ({blocker} is a file, not a folder)")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        recover(out)
        work = Path(tempfile.mkdtemp(prefix=f"{_temp_prefix(out)}{os.getpid()}-", dir=out.parent))
        umask = os.umask(0)
        os.umask(umask)
        work.chmod(0o777 & ~umask)  # mkdtemp's 0700 would become OUT's mode
    except OSError as error:
        raise AtomicWriteError(f"{out}: cannot write there ({error.strerror or error})") from error
    return work


@contextmanager
def staged_dir(out: Path) -> Iterator[Path]:
    """A fresh temporary folder beside ``out``; on normal exit it replaces
    ``out``, on an exception it is removed and ``out`` is left as it was."""
    work = new_work_dir(out)
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        replace_dir(work, out)
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise AtomicWriteError(f"{out}: cannot replace it ({error.strerror or error})") from error
