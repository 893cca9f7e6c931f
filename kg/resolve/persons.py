"""Persons across documents: one surname key, split by initials when needed.

Extraction keys a person by surname (``person/grapperhaus``) and keeps the
written initials in the text. Across a corpus "F.B.J. Grapperhaus" and
"Grapperhaus" are one person, but "D. Jansen" and "K. Jansen" are two, and a
bare "Jansen" could be either. This module decides, per surname key:

* each mention's *signature*: its initials ("F.B.J." -> F, B, J), else the
  first letters of the given names it writes ("Ferd Grapperhaus" -> F); a
  bare surname borrows the signature of the one initialled form of that
  surname in the same document ("D. Jansen ... Jansen");
* the *chains*: signatures that are not a prefix of another (F.B.J. absorbs
  F. and the bare name); one chain keeps the surname key, several chains
  each get the surname key plus their initials (``person/jansen-d``);
* a signature that fits more than one chain (a bare "Jansen" with D. and K.
  Jansen elsewhere) stays apart under the surname key and is reported.

Work is indexed by surname key, so it grows with the number of distinct
signatures of a surname, never with mentions squared.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.names import parse_name

Sig = tuple[str, ...]

_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def signature(text: str, key: str) -> Sig:
    """The initials a written name gives for the person keyed ``key``.

    Given names count only when the text parses to the same surname key, so a
    surname-only form ("Michon Derkzen", an MP) is not read as "M. Derkzen"."""
    parsed = parse_name(text)
    letters = [word[0].upper() for word in _LETTERS.findall(parsed.initials)]
    if parsed.given and parsed.key == key:
        for given in parsed.given:
            head = next((ch for ch in given if ch.isupper()), given[:1].upper())
            letters.append(head)
    return tuple(letters)


def compatible(sig: Sig, chain: Sig) -> bool:
    """Two signatures can name one person when one is a prefix of the other."""
    n = min(len(sig), len(chain))
    return sig[:n] == chain[:n]


def maximal(sigs: set[Sig]) -> list[Sig]:
    """The signatures that are no proper prefix of another, sorted.

    In sorted order every extension of a signature follows it directly, so one
    look at the successor tells whether it is a prefix (no pairwise loop)."""
    ordered = sorted(sigs)
    return [s for i, s in enumerate(ordered)
            if i + 1 == len(ordered) or ordered[i + 1][:len(s)] != s]


def _common(a: Sig, b: Sig) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _distinguishing(chains: list[Sig]) -> list[int]:
    """How many initials of each sorted chain tell it from the others.

    Keys use only these ("person/grapperhaus-f", not "-fbj"), so a person's key
    does not change when a later document writes more of their initials; the
    nearest chains in sorted order share the longest prefixes, so neighbours suffice."""
    out = []
    for i, chain in enumerate(chains):
        shared = max(_common(chain, chains[j]) for j in (i - 1, i + 1) if 0 <= j < len(chains))
        out.append(min(shared + 1, len(chain)))
    return out


def chain_key(base: str, chain: Sig) -> str:
    """``person/jansen`` + initials D -> ``person/jansen-d``."""
    return f"{base}-{''.join(chain).lower()}" if chain else base


@dataclass
class PersonIndex:
    """Signatures seen per surname key, and what each resolves to."""

    chains: dict[str, list[tuple[Sig, str]]] = field(default_factory=dict)
    doc_sigs: dict[tuple[str, str], Sig] = field(default_factory=dict)

    @classmethod
    def build(cls, seen: dict[str, dict[str, set[Sig]]]) -> PersonIndex:
        """``seen[base][doc]`` = the signatures (empty included) of that surname in that document."""
        index = cls()
        for base in sorted(seen):
            pooled: set[Sig] = set()
            for doc in sorted(seen[base]):
                sigs = seen[base][doc]
                doc_chains = maximal({s for s in sigs if s})
                if len(doc_chains) == 1:
                    index.doc_sigs[(doc, base)] = doc_chains[0]
                    pooled.update(doc_chains[0] if not s else s for s in sigs)
                else:
                    pooled.update(sigs)
            chains = maximal(pooled)
            if len(chains) == 1:
                index.chains[base] = [(chains[0], base)]
            else:
                index.chains[base] = [(c, chain_key(base, c[:n])) for c, n in zip(chains, _distinguishing(chains))]
        return index

    def effective(self, base: str, sig: Sig, document: str | None) -> Sig:
        """A bare surname borrows its document's initials."""
        if sig or document is None:
            return sig
        return self.doc_sigs.get((document, base), sig)

    def candidates(self, base: str, sig: Sig) -> list[str]:
        """The keys of the persons this surname and signature can name."""
        chains = self.chains.get(base)
        if not chains:
            return [base]
        return [key for chain, key in chains if compatible(sig, chain)]

    def canonical(self, base: str, sig: Sig, document: str | None = None) -> str | None:
        """The one person's key; the surname key when several fit; None when none does."""
        found = self.candidates(base, self.effective(base, sig, document))
        if len(found) == 1:
            return found[0]
        return base if found else None


def group_written(items: list[tuple[str, str, str]]) -> dict[str, tuple[list[str], list[str]]]:
    """(key, written, document) triples -> key: (sorted forms, sorted documents)."""
    forms: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    for key, written, document in items:
        forms[key].add(written)
        docs[key].add(document)
    return {key: (sorted(forms[key]), sorted(docs[key])) for key in sorted(forms)}
