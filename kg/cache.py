"""Content-hash cache of per-document extraction results, kept in OUT/cache.

Extraction is the expensive stage and depends only on a file's bytes and the
pipeline (kamerkg version, extraction code, gazetteers, model), so its result
is stored under a key made of both. A build reads entries from the previous
OUT/cache and writes the entries it used into the new build folder; entries
no build uses any more disappear with the old folder, so the cache never
grows beyond one corpus.

The cache folder also carries the build's stream: every extraction goes to
disk here and is read back one at a time for resolution and writing, so the
build never holds all extractions in memory.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.model import Extraction

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
MANIFEST = "manifest.json"
SUFFIX = ".pickle"


def _hash_files(digest: "hashlib._Hash", root: Path, patterns: Sequence[str]) -> None:
    for pattern in patterns:
        for path in sorted(root.rglob(pattern)):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())


def pipeline_fingerprint(model: str | None = None) -> str:
    """What an extraction depends on besides the file: version, code, gazetteers, model.

    The extraction code is hashed too, so a component changed without a
    version bump (the usual case while developing) never serves stale results.
    """
    import kg
    from kg.extract import pipeline
    from kg.graph.build import gazetteer_hash

    digest = hashlib.sha256()
    digest.update(f"kamerkg {kg.__version__}\0model {model or ''}\0".encode())
    digest.update(gazetteer_hash().encode())
    digest.update(repr(pipeline.COMPONENTS).encode())
    _hash_files(digest, Path(pipeline.__file__).parent, ("*.py", "*.jsonl", "*.json"))
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A hash of the whole package: a build is only 'up to date' if no writer code changed either."""
    import kg

    digest = hashlib.sha256()
    _hash_files(digest, Path(kg.__file__).parent, ("*.py", "*.jsonl", "*.rq", "*.json"))
    return digest.hexdigest()


def document_key(path: Path, data: bytes, fingerprint: str) -> str:
    """The cache key of one file: its name (ingest derives ids from it), its bytes and the pipeline."""
    digest = hashlib.sha256()
    digest.update(fingerprint.encode())
    digest.update(b"\0")
    digest.update(path.name.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


class ExtractionCache:
    """Entries of the previous build (``old``, read only) and of this build (``new``).

    ``old`` may be None (first build, or ``--no-cache``): then nothing is reused
    but the entries are still written, because the build streams through them.
    """

    def __init__(self, new: Path, old: Path | None = None) -> None:
        self.new = new
        self.old = old if old is not None and old.is_dir() else None
        self.new.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    def _name(self, key: str) -> str:
        return key + SUFFIX

    def has(self, key: str) -> bool:
        return (self.new / self._name(key)).exists()

    def reuse(self, key: str) -> bool:
        """Bring an entry of the previous build into this one; False when there is none."""
        target = self.new / self._name(key)
        if target.exists():
            self.hits += 1
            return True
        if self.old is None:
            self.misses += 1
            return False
        source = self.old / self._name(key)
        if not source.exists():
            self.misses += 1
            return False
        try:
            os.link(source, target)  # same file system: no copy
        except OSError:
            shutil.copyfile(source, target)
        self.hits += 1
        return True

    def put(self, key: str, extraction: Extraction) -> None:
        """Write one entry atomically (a killed build never leaves half an entry)."""
        target = self.new / self._name(key)
        partial = target.with_suffix(".partial")
        with partial.open("wb") as handle:
            pickle.dump(extraction, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(target)

    def get(self, key: str) -> Extraction:
        with (self.new / self._name(key)).open("rb") as handle:
            return pickle.load(handle)

    def read_manifest(self) -> dict | None:
        """The previous build's manifest (what it was built from), if any."""
        if self.old is None or not (self.old / MANIFEST).is_file():
            return None
        try:
            return json.loads((self.old / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("%s: unreadable build manifest (%s); rebuilding", self.old / MANIFEST, error)
            return None

    def write_manifest(self, manifest: dict) -> None:
        (self.new / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")


class CachedExtractions(Sequence):
    """The build's extractions, in corpus order, read from the cache one at a time.

    A sequence (``len``, repeated iteration) so writers that walk the
    extractions more than once keep working, without holding them all.
    """

    def __init__(self, cache: ExtractionCache, keys: list[str], sources: list[str] | None = None) -> None:
        self._cache = cache
        self._keys = keys
        self._sources = sources

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - Sequence protocol
        if isinstance(index, slice):  # a slice reads nothing yet, like the whole
            return CachedExtractions(self._cache, self._keys[index],
                                     None if self._sources is None else self._sources[index])
        extraction = self._cache.get(self._keys[index])
        if self._sources is not None:
            # The cached entry may come from a corpus that lived elsewhere.
            extraction.document.source = self._sources[index]
        return extraction

    def __iter__(self) -> Iterator[Extraction]:
        for index in range(len(self._keys)):
            yield self[index]
