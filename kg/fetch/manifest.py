"""``corpus/manifest.jsonl``: one line per completely fetched document.

A line is ``{"id", "urls", "sha256", "fetched_at"}`` where ``urls`` and
``sha256`` map each stored file name to where it came from and its checksum.
Lines are only ever appended, and only after every file of the document is
in place, so the manifest never names a half-fetched document.  On resume a
document counts as done when its latest line's files are all present with
matching checksums; anything else is fetched again.  The manifest is a log
of a fetch, not a build output, so the time stamp is fine here.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from kg.fetch.client import sha256_file

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"


@dataclass
class Entry:
    """One manifest line."""

    id: str
    urls: dict[str, str]
    sha256: dict[str, str]
    fetched_at: str

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "urls": self.urls, "sha256": self.sha256,
                           "fetched_at": self.fetched_at}, ensure_ascii=False, sort_keys=True)


def now_utc() -> str:
    """The current time, ISO 8601 in UTC to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Manifest:
    """The manifest of one corpus folder: read once, appended per document."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / MANIFEST_NAME
        self.entries: dict[str, Entry] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.is_file():
            return
        with open(self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    entry = Entry(str(raw["id"]), dict(raw["urls"]), dict(raw["sha256"]), str(raw["fetched_at"]))
                except (ValueError, KeyError, TypeError) as error:
                    log.warning("%s:%d: unreadable manifest line ignored (%s)", self.path, number, error)
                    continue
                self.entries[entry.id] = entry  # the latest line for an id wins

    def is_complete(self, doc_id: str) -> bool:
        """True when ``doc_id`` was fetched and its files are still there,
        unchanged."""
        entry = self.entries.get(doc_id)
        if entry is None or not entry.sha256:
            return False
        for name, digest in entry.sha256.items():
            path = self.folder / name
            if Path(name).name != name or not path.is_file() or sha256_file(path) != digest:
                log.info("%s: %s missing or changed, fetching again", doc_id, name)
                return False
        return True

    def append(self, entry: Entry) -> None:
        """Add a line and make sure it is on disk before going on."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(entry.to_json() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.entries[entry.id] = entry
