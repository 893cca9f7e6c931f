"""Alias data (``ontology/aliases.ttl``) applied to mention keys.

Users say that two keys, or a written form and a key, name the same thing in
Turtle rather than in code; this module turns that data into one rewrite per
mention: written form first (a concept's labels), then ``owl:sameAs`` chains.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.names import fold

log = logging.getLogger(__name__)


def _kind(key: str) -> str:
    """The kind part of a key ("org", "person", "measure")."""
    return key.partition("/")[0]


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


class AliasTable:
    """Key rewrites from same-as pairs and labelled concepts.

    ``same_as`` pairs are read subject -> object. Pairs that form a cycle are
    one group whose canonical key is the smallest, so the result never depends
    on the order the pairs were read in."""

    def __init__(self, same_as: Iterable[tuple[str, str]] = (), labels: Iterable[tuple[str, str]] = ()) -> None:
        targets: dict[str, str] = {}
        for key, other in sorted(same_as):
            if key != other:
                targets.setdefault(key, other)
        self.same_as: dict[str, str] = {key: self._follow(key, targets) for key in sorted(targets)}
        self.labels: dict[tuple[str, str], str] = {}
        for key, label in sorted(labels):
            folded = _folded(label)
            if folded:
                self.labels.setdefault((_kind(key), folded), self.same_as.get(key, key))

    @staticmethod
    def _follow(key: str, targets: dict[str, str]) -> str:
        seen = [key]
        while seen[-1] in targets:
            nxt = targets[seen[-1]]
            if nxt in seen:  # a cycle: the group's smallest key stands for it
                return min(seen[seen.index(nxt):])
            seen.append(nxt)
        return seen[-1]

    @classmethod
    def load(cls, path: str | None = None) -> AliasTable:
        """The table of ``ontology/aliases.ttl`` (or a given Turtle file)."""
        from kg.graph.gazetteer import load_aliases

        data = load_aliases(path)
        return cls(data.same_as, data.labels)

    def __bool__(self) -> bool:
        return bool(self.same_as or self.labels)

    def rewrite(self, key: str, *written: str) -> str:
        """The key a mention keyed ``key`` and written as ``written`` gets."""
        if not self.labels:
            return self.same_as.get(key, key)
        kind = _kind(key)
        for text in written:
            hit = self.labels.get((kind, _folded(text)))
            if hit:
                return hit
        return self.same_as.get(key, key)
