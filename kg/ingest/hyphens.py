"""Rejoining words split by a line-end hyphen.

PDF text breaks words at syllables (``democra-`` / ``tische``) but also at the
real hyphen of a compound (``Hazimi-`` / ``beweging``).  The rule, in order
(the first that applies decides):

1. digits on either side, or a URL, or a path: keep the hyphen, no space;
2. the next word is ``en``/``of``/``tot`` (``inlichtingen- en veiligheids…``):
   a suspended compound, keep ``X- en``;
3. evidence from the document itself: the hyphenated form occurs elsewhere
   in the document -> keep; the joined form occurs -> join; the first part
   occurs as a hyphenated prefix (``rechts-extremisme``) -> keep;
4. the next part starts with a capital (``anti-ISIS``) -> keep;
5. the first part is an abbreviation (``EU-``, ``DTN-``) or a capitalised
   word used elsewhere on its own and not at a sentence start (a name such as
   ``Hazimi-``) -> keep; a sentence-initial capital (``Vanzelf-``) is a
   syllable;
6. the first part is a prefix Dutch writes with a hyphen (``ex-``, ``oud-``,
   ``niet-``, ``rechts-``, ``links-``) -> keep;
7. vowel clash (``politie-inzet``, ``zee-egel``): keep, as Dutch spelling does;
8. otherwise it was a syllable break: join (``veilig-heidshuis`` ->
   ``veiligheidshuis``; ``contra-terroristisme`` -> ``contraterroristisme``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

HYPHEN_PREFIXES = frozenset({"ex", "oud", "niet", "non", "rechts", "links", "vice", "co"})
SUSPENDED_NEXT = frozenset({"en", "of", "tot", "noch", "als", "dan"})
# Vowel pairs that would read as one sound, written with a hyphen in Dutch.
VOWEL_CLASHES = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui"}
)
_WORD = re.compile(r"[\w’'.-]+")
_LEADING_PUNCT = re.compile(r"^[(\[«“‘\"']+")
_SENTENCE_END = re.compile(r"(?:^|[.!?:])\s*$")


@dataclass
class Vocabulary:
    """Word forms seen in the document: the evidence for rule 3."""

    words: set[str] = field(default_factory=set)
    hyphen_prefixes: set[str] = field(default_factory=set)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Vocabulary:
        """Collect word forms; a word cut at a line end is not evidence."""
        vocab = cls()
        for line in lines:
            tokens = _WORD.findall(line)
            if tokens and line.rstrip().endswith("-"):
                tokens = tokens[:-1]
            for tok in tokens:
                tok = tok.strip(".’'").lower()
                if not tok or tok.endswith("-"):
                    continue
                vocab.words.add(tok)
                if "-" in tok:
                    vocab.words.update(p for p in tok.split("-") if p)
                    head = tok.split("-")[0]
                    if len(head) >= 3:
                        vocab.hyphen_prefixes.add(head)
        return vocab


def join_hyphenated(left: str, right: str, vocab: Vocabulary) -> str:
    """Join ``left`` (ending in ``-``) and ``right`` (the next line or
    paragraph) into one string, deciding whether the hyphen stays."""
    left = left.rstrip()
    right = right.lstrip()
    if not right:
        return left
    head, _, last = left[:-1].rpartition(" ")
    first_word = re.match(r"[\w’'.:/-]*", right).group(0)
    bare_first = first_word.rstrip(".,;:!?")
    if keep_hyphen(last, bare_first, vocab, sentence_start=_SENTENCE_END.search(head) is not None):
        if bare_first.lower() in SUSPENDED_NEXT:
            return f"{left} {right}"
        return left + right
    return left[:-1] + right


def keep_hyphen(first: str, second: str, vocab: Vocabulary, sentence_start: bool = False) -> bool:
    """Whether ``first-`` + ``second`` is a real hyphenated form (see module doc).

    ``first`` is the token before the hyphen (without it), ``second`` the word
    after the line break; ``sentence_start`` says ``first`` opens a sentence."""
    token = _LEADING_PUNCT.sub("", first)
    if not token or not second:
        return True
    if "/" in token or "www" in token.lower() or "http" in token.lower():
        return True
    if token[-1].isdigit() or second[0].isdigit() or not token[-1].isalpha():
        return True
    if second.lower() in SUSPENDED_NEXT:
        return True
    part = token.rsplit("-", 1)[-1]
    lower_tok, lower_second = token.lower(), second.lower()
    if f"{lower_tok}-{lower_second}" in vocab.words:
        return True
    if f"{lower_tok}{lower_second}" in vocab.words:
        return False
    if len(part) >= 3 and part.lower() in vocab.hyphen_prefixes:
        return True
    if second[0].isupper():
        return True
    if len(part) >= 2 and part.isupper():
        return True
    if part[0].isupper() and not sentence_start and part.lower() in vocab.words:
        return True
    if part.lower() in HYPHEN_PREFIXES:
        return True
    return (part[-1] + second[0]).lower() in VOWEL_CLASHES
