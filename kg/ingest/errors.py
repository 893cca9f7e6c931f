"""Error and skip records of the ingest stage.

Bad input must give a clear one-line message naming the file while the rest of
the corpus goes on, so errors carry the path and a short human reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class IngestError(Exception):
    """A file that cannot be turned into a Document.

    ``str(err)`` is one line: ``<path>: <reason>``.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")


@dataclass(frozen=True)
class Skipped:
    """A corpus file left out of a run, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
