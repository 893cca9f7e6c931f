"""Organisations named by a pattern rather than the gazetteer, and the word lists
(``organizations.jsonl``) those patterns and ``kg_organizations`` read.

A gazetteer cannot list every court, chaired committee, foundation or mosque a
Kamerstuk names, but their names have a shape: a head word and a proper name
("rechtbank Rotterdam", "de commissie-Suyver", "Stichting Europe Trust
Nederland", "Christelijke Hogeschool Windesheim", "de Al Ummah moskee").
Plain data out (:class:`PatternBody`); ``kg_organizations`` makes the spans.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.names import slug
from kg.extract.normalize import fold
from kg.extract.regex_guard import compile_guarded

PATTERN_DATA = Path(__file__).with_name("organizations.jsonl")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with PATTERN_DATA.open(encoding="utf-8") as handle:
        return tuple(map(json.loads, filter(str.strip, handle)))


def pattern_words(kind: str) -> list[str]:
    """The words of one kind in organizations.jsonl."""
    return [row["text"] for row in _rows() if row["kind"] == kind]


def _alternation(words: list[str]) -> str:
    """Longest first, any run of spaces or tabs where a word has a space."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


FOREIGN = frozenset(fold(word) for word in pattern_words("foreign_adjective"))

# A committee after its chair ("de commissie-Suyver", "commissie-Van den Haak").
CHAIRED_COMMITTEE = compile_guarded(
    r"(?<![\w-])(?P<head>[Cc]ommissie)-(?P<name>(?:[A-Z][a-z]{1,2}[ \t]+)?(?:(?:van|de|den|der|ter|ten)[ \t]+)*"
    r"[A-Z][^\W\d_]+(?:-(?:[A-Z][a-z]{1,2}[ \t]+)?[A-Z][^\W\d_]+)?)")
# A court or public prosecutor's office after its seat ("rechtbank (van) Rotterdam").
COURT = compile_guarded(
    r"(?<![\w-])(?P<head>[Rr]echtbank|[Gg]erechtshof|[Aa]rrondissementsparket)(?:[ \t]+(?:van|te|in))?[ \t]+"
    rf"(?P<name>{_alternation(pattern_words('court_seat'))})(?![\w-])")

# A capitalised word of a proper name: not an article, pronoun or title opening a sentence.
_NAME_WORD = (r"(?!(?:De|Het|Een|Den|Deze|Die|Dit|Dat|Dergelijke|Elke|Iedere|Welke|Onze|Zijn|Haar|Hun|Uw|Van|"
              r"Minister|Staatssecretaris|In|Op|Bij|Voor|Met|Naar)\b)[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*")
# ... nor a place's adjective ("de Amsterdamse Al Ummah moskee" names the Al Ummah moskee)
_PROPER_WORD = rf"(?![^\W\d_]+(?:se|sche)\b){_NAME_WORD}"
_LINK = r"(?:van|voor|de|der|den|het|tot)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_LINK}[ \t]+){{0,2}}{_NAME_WORD}){{0,5}}"
# an adjective before the head belongs to the name: "Christelijke Hogeschool", "Islamitische Universiteit"
_PRE = rf"(?:{_NAME_WORD}e[ \t]+)?"


@dataclass(frozen=True)
class _HeadedBody:
    regex: re.Pattern[str]
    kind: str
    heads: tuple[str, ...]  # lower case: a text without any of them is not searched


@lru_cache(maxsize=1)
def _headed_bodies() -> tuple[_HeadedBody, ...]:
    """One pattern per kind of body_head row: the head before the name ("Stichting X",
    "Moskee El Tawheed") and, where the row says so, after it ("El Tawheed-moskee")."""
    out = []
    for kind in sorted({row["org"] for row in _rows() if row["kind"] == "body_head"}):
        rows = [row for row in _rows() if row["kind"] == "body_head" and row["org"] == kind]
        words = [row["text"] for row in rows]
        out.append(_HeadedBody(compile_guarded(
            rf"(?<![\w-]){_PRE}(?P<head>{_alternation(words)})[ \t]+(?P<name>(?:{_LINK}[ \t]+){{0,2}}{_NAME})"),
            kind, tuple(w.lower() for w in words)))
        after = [row["text"] for row in rows if row.get("after_name")]
        if after:
            out.append(_HeadedBody(compile_guarded(
                rf"(?<![\w-])(?P<name>{_PROPER_WORD}(?:[ \t]+{_PROPER_WORD}){{0,3}})"
                rf"(?:[ \t]+|-)(?P<head>(?i:{_alternation(after)}))(?![\w-])"), kind, tuple(w.lower() for w in after)))
    return tuple(out)


@lru_cache(maxsize=1)
def _heads_after_name() -> frozenset[str]:
    return frozenset(fold(row["text"]) for row in _rows() if row["kind"] == "body_head" and row.get("after_name"))


@dataclass(frozen=True)
class PatternBody:
    """An organisation a pattern found: where, its label, its kind and its key."""

    start: int
    end: int
    label: str
    kind: str
    key: str  # "El Tawheed-moskee" and "Moskee El Tawheed" are one body


def find_pattern_bodies(text: str) -> list[PatternBody]:
    """Chaired committees and courts (labelled "commissie-Suyver", "rechtbank
    Rotterdam") and headed bodies (labelled as written), in text order; where two
    overlap, the one that starts first (at one start: committees, courts, then
    the headed bodies)."""
    found: list[PatternBody] = []
    for regex, joiner in ((CHAIRED_COMMITTEE, "-"), (COURT, " ")):
        for match in regex.finditer(text):
            name = re.sub(r"\s+", " ", match.group("name"))
            label = f"{match.group('head').lower()}{joiner}{name}"
            found.append(PatternBody(match.start(), match.end(), label, "other", f"org/{slug(label)}"))
    lowered = text.lower()
    for body in _headed_bodies():
        if not any(head in lowered for head in body.heads):
            continue
        for match in body.regex.finditer(text):
            label = re.sub(r"\s+", " ", match.group(0))
            head = fold(match.group("head"))
            key = f"{match.group('name')} {head}" if head in _heads_after_name() else label
            found.append(PatternBody(match.start(), match.end(), label, body.kind, f"org/{slug(key)}"))
    kept: list[PatternBody] = []
    for body in sorted(found, key=lambda b: b.start):  # stable: at one start, the earlier pattern first
        if not kept or body.start >= kept[-1].end:
            kept.append(body)
    return kept


# A Dutch postcode's letters ("2511 EZ Den Haag"; "Postbus EA Den Haag" where a page
# dropped the digits) are not the acronym of a ministry.
_POSTCODE_DIGITS = re.compile(r"\b\d{4}[ \t\u00a0]?$")
_POSTCODE_BEFORE = re.compile(r"(?:\bPostbus|[a-z](?:straat|plein|weg|laan|haven|gracht|kade|markt|singel))[ \t\u00a0]*$")
_CITY_AFTER = re.compile(r"[ \t\u00a0]+(?:[A-Z][^\W\d_]+|'s-[A-Z][^\W\d_]+)")


def is_postcode(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is two capitals of a postcode: after four digits, or
    between "Postbus"/a street and a place name."""
    if end - start != 2 or not text[start:end].isupper():
        return False
    before = text[max(0, start - 40):start]
    if _POSTCODE_DIGITS.search(before):
        return True
    return bool(_POSTCODE_BEFORE.search(before)) and bool(_CITY_AFTER.match(text, end))
