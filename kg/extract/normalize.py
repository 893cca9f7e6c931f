"""Tolerant text matching for the gazetteer components.

Dutch parliamentary texts spell the same name many ways: with or without
diacritics (Coördinator/Coordinator), hyphen or space (Hazimi-beweging /
Hazimi beweging), guillemets and PDF glitches inside words (D»66), plural or
inflected (maatregel/maatregelen, multidisciplinaire/multidisciplinair), and
inside hyphenated compounds (EU-landen, VN-verband, oud-IS). spaCy's Dutch
tokenizer keeps such compounds as one token, so a token-level PhraseMatcher
cannot see "EU" in "EU-landen" nor equate one token with two. This module
therefore matches on *pieces*: tokens split at hyphens and slashes, each
keyed by :func:`fold` (and optionally :func:`stem`), with a dictionary from
a label's first piece to its candidate piece sequences (O(1) per piece).

It also provides the ``kg_normalize`` component, which sets ``token.norm_``
to the folded form (so any component can use ``attr="NORM"`` matching) and
``token._.kg_stem`` to the crude Dutch stem.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy

from spacy.attrs import NORM
from spacy.lang.lex_attrs import like_email, like_url
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.tokens import sentence_starts, token_table

log = logging.getLogger(__name__)

if not Token.has_extension("kg_stem"):
    # A getter, not a stored value: setting an extension per token costs more than the stem itself.
    Token.set_extension("kg_stem", getter=lambda token: None if token.is_space else word_stem(token.text))

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟«»″"})
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u00ad]")
_SPACES = re.compile(r"\s+")
_PIECE = re.compile(r"[^\-/\u2010-\u2015\u2212\u00ad()\[\]{}<>]+")
_DROP_IN_KEY = re.compile("[\"'.]")
_VOWELS = set("aeiouy")
_ARTICLE = re.compile(r"\b(voor|van) (?:de|het) ", re.IGNORECASE)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower case, no diacritics, one kind of quote/dash, single spaces.

    The form every kamerkg comparison of names goes through, so that
    'Coördinator', 'Coordinator' and 'COÖRDINATOR' compare equal.
    """
    text = _strip_marks(text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip().casefold()


def stem(word: str) -> str:
    """A crude Dutch stem of one folded word, for inflection-tolerant matching.

    Not a lemmatizer (spacy-lookups-data is not installed): it only needs to
    map singular and plural, and the -e adjective form, of the same word to
    one key: maatregel/maatregelen, casusoverleg/casusoverleggen,
    signalering/signaleringen, financieel/financiele, programma/programma's.
    """
    w = word
    if len(w) <= 4 or not w.isalpha():
        return w
    if w.endswith("heden"):
        return w[:-5] + "heid"
    if w.endswith("ieen"):
        w = w[:-3]
    elif w.endswith("en") and len(w) > 5:
        w = w[:-2]
    elif w.endswith("e"):
        w = w[:-1]
    elif w.endswith("s") and w[-2] in "aiou" and len(w) > 5:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]
    if len(w) > 4 and w[-1] not in _VOWELS and w[-2] == w[-3] and w[-2] in "aeou":
        w = w[:-2] + w[-1]
    return w


@lru_cache(maxsize=1 << 17)
def piece_key(text: str, use_stem: bool = False) -> str:
    """The matching key of one piece: folded, quotes and dots dropped (D»66 -> d66)."""
    key = _DROP_IN_KEY.sub("", fold(text))
    return stem(key) if use_stem else key


def word_stem(text: str) -> str:
    """The stem of a token's text as ``token._.kg_stem`` gives it."""
    return stem(_DROP_IN_KEY.sub("", fold(text)))


def _cased(text: str) -> str:
    return _DROP_IN_KEY.sub("", _strip_marks(text).translate(_QUOTES))


class Piece(NamedTuple):
    """A hyphen/slash-separated part of a token, with offsets into the Doc text.

    A NamedTuple, not a dataclass: a Doc has one or more per token, and
    building them was a visible share of extraction time."""

    key: str
    cased: str
    folded: str
    start: int
    end: int
    token: int
    sent_start: bool


@lru_cache(maxsize=1 << 17)
def _token_pieces(text: str, use_stem: bool) -> tuple[tuple[str, str, str, int, int], ...]:
    """(key, cased, folded, start, end) of each piece of one token text; () for no name at all.

    Depends on the text only, so it is computed once per distinct word."""
    if text == "," or like_url(text) or like_email(text) or "://" in text:
        return ()
    out = []
    for m in _PIECE.finditer(text):
        key = piece_key(m.group(), use_stem)
        if key:
            out.append((key, _cased(m.group()), fold(m.group()), m.start(), m.end()))
    return tuple(out)


def doc_pieces(doc: Doc, use_stem: bool = False) -> list[Piece]:
    """The Doc as pieces. Whitespace tokens and commas are left out so that
    line breaks and 'Onderwijs, Cultuur en ...' do not block a match; other
    punctuation stays as a piece and blocks matches across it. URLs and
    e-mail addresses are no names (www.nctv.nl). Brackets inside a token
    split it ('D»66)3' with its footnote marker)."""
    table = token_table(doc)
    starts = sentence_starts(doc)
    pieces: list[Piece] = []
    append = pieces.append
    for i, (text, idx, space) in enumerate(zip(table.text, table.idx, table.space)):
        if space:
            continue
        first = starts[i] and i > 0
        for key, cased, folded, start, end in _token_pieces(text, use_stem):
            append(Piece(key, cased, folded, idx + start, idx + end, i, first))
            first = False
    return pieces


def _is_acronym(cased: str) -> bool:
    letters = [c for c in cased if c.isalpha()]
    return bool(letters) and len(cased) <= 5 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Label:
    """One written form of a gazetteer entry as the matcher sees it."""

    text: str
    key: str
    case_sensitive: bool = False
    short: bool = False


@dataclass(frozen=True)
class _Pattern:
    keys: tuple[str, ...]
    cased: tuple[str | None, ...]
    entry: str
    label: str
    short: bool


@dataclass(frozen=True)
class Match:
    """A gazetteer match: character offsets, the entry key and the label matched."""

    start: int
    end: int
    key: str
    label: str
    first_token: int
    last_token: int


class PieceMatcher:
    """Longest-match dictionary matcher over :func:`doc_pieces`.

    Built once per component. ``max_gap`` pieces for which ``gap_ok`` holds
    may sit between two pieces of a label (measures: 'bevriezen van financiele
    tegoeden' for 'bevriezen tegoeden'). Acronym pieces (all capitals, up to
    five characters: OM, IS, EU, VN) and labels marked case-sensitive only
    match with the same capitals, so the Dutch words om, is, eu never match.
    A lower-case-initial case-sensitive label may start with a capital.
    """

    def __init__(self, labels: Iterable[Label], tokenize: Callable[[str], Doc], use_stem: bool = False,
                 max_gap: int = 0, gap_ok: Callable[[Piece], bool] | None = None) -> None:
        self.use_stem = use_stem
        self.max_gap = max_gap
        self.gap_ok = gap_ok or (lambda piece: False)
        self.index: dict[str, list[_Pattern]] = {}
        seen: set[tuple] = set()
        for label in labels:
            for variant in _variants(label.text):
                pieces = doc_pieces(tokenize(variant), use_stem)
                if not pieces:
                    continue
                keys = tuple(p.key for p in pieces)
                cased = tuple(p.cased if (label.case_sensitive or _is_acronym(p.cased)) else None for p in pieces)
                ident = (keys, cased, label.key, label.short)
                if ident in seen:
                    continue
                seen.add(ident)
                self.index.setdefault(keys[0], []).append(_Pattern(keys, cased, label.key, label.text, label.short))
        for patterns in self.index.values():
            patterns.sort(key=lambda p: -len(p.keys))
        log.debug("PieceMatcher: %d first keys", len(self.index))

    def _extend(self, pieces: Sequence[Piece], i: int, pattern: _Pattern) -> int | None:
        """Index of the last piece of ``pattern`` matched from piece ``i``, or None."""
        if not _case_ok(pieces[i].cased, pattern.cased[0], first=True):
            return None
        j = i
        for k in range(1, len(pattern.keys)):
            j += 1
            gaps = 0
            while j < len(pieces) and pieces[j].key != pattern.keys[k] and gaps < self.max_gap \
                    and not pieces[j].sent_start and self.gap_ok(pieces[j]):
                j += 1
                gaps += 1
            if j >= len(pieces) or pieces[j].sent_start or pieces[j].key != pattern.keys[k]:
                return None
            if not _case_ok(pieces[j].cased, pattern.cased[k], first=False):
                return None
        return j

    def find(self, doc: Doc) -> list[Match]:
        """All non-overlapping matches in the Doc, longest first, then leftmost."""
        pieces = doc_pieces(doc, self.use_stem)
        candidates: list[tuple[int, int, _Pattern]] = []
        for i, piece in enumerate(pieces):
            for pattern in self.index.get(piece.key, ()):
                j = self._extend(pieces, i, pattern)
                if j is not None:
                    candidates.append((i, j, pattern))
        full = {p.entry for _, _, p in candidates if not p.short}
        candidates = [c for c in candidates if not c[2].short or c[2].entry in full]
        candidates.sort(key=lambda c: (-(pieces[c[1]].end - pieces[c[0]].start), c[0]))
        taken: set[int] = set()
        matches: list[Match] = []
        for i, j, pattern in candidates:
            if any(k in taken for k in range(i, j + 1)):
                continue
            taken.update(range(i, j + 1))
            matches.append(Match(pieces[i].start, pieces[j].end, pattern.entry, pattern.label,
                                 pieces[i].token, pieces[j].token))
        matches.sort(key=lambda m: (m.start, m.end))
        return matches


def _case_ok(cased: str, wanted: str | None, first: bool) -> bool:
    if wanted is None or cased == wanted:
        return True
    return first and wanted[:1].islower() and cased == wanted[:1].upper() + wanted[1:]


def _variants(text: str) -> set[str]:
    """Spelling variants generated for every label: hyphenated words also
    written as one word ('exit-faciliteit' -> 'exitfaciliteit'); 'Ministerie
    van X' also without 'van' ('Ministerie Sociale Zaken ...'); 'Raad voor de
    X' also without the article."""
    out = {text}
    if "-" in text:
        out.add(re.sub(r"(?<=\w)-(?=\w)", "", text))
    if text.casefold().startswith("ministerie van "):
        out.add(text[:11] + text[15:])
    for variant in list(out):
        out.add(_ARTICLE.sub(r"\1 ", variant))
    return out


@Language.factory("kg_normalize", default_config={"set_stem": True})
def make_normalize(nlp: Language, name: str, set_stem: bool) -> "Normalizer":
    """Set token.norm_ to the folded form (and token._.kg_stem)."""
    return Normalizer(set_stem)


class Normalizer:
    """Component: token.norm_ = fold(token.text) (token._.kg_stem is computed on access)."""

    def __init__(self, set_stem: bool = True) -> None:
        self.set_stem = set_stem

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = token_table(doc)
        add = doc.vocab.strings.add
        norms = doc.to_array([NORM]).tolist()
        # one fold and StringStore lookup per distinct word of the Doc, and plain list
        # writes: item by item into the numpy array cost more than the folding
        known: dict[str, int] = {}
        for i, (text, space) in enumerate(zip(table.text, table.space)):
            if not space:
                norm = known.get(text)
                if norm is None:
                    norm = known[text] = add(fold(text))
                norms[i] = norm
        doc.from_array([NORM], numpy.array(norms, dtype=numpy.uint64).reshape(-1, 1))
        return doc
