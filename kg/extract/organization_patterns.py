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
from bisect import bisect_right
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
# an adjective before the head belongs to the name when organizations.jsonl lists it
# ("Christelijke Hogeschool", "Islamitische Universiteit"); a nationality makes it no body
# of its own ("de Russische Federatie")
_PRE = rf"(?:(?:{_alternation(pattern_words('body_adjective'))})[ \t]+)?"
_FOREIGN_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{_alternation(pattern_words('foreign_adjective'))})[ \t]+$")
# a name before its head stands after "de", perhaps with a place's adjective between ("de Al
# Ummah moskee", "de Amsterdamse Al Ummah Moskee"), or is joined to it ("El Tawheed-moskee");
# not "Geen moskee", "Sluiting Moskee Essalam"
_DE_BEFORE = re.compile(r"(?<![\w-])[Dd]e[ \t]+(?:[A-Z][^\W\d_]+(?:se|sche)[ \t]+)?$")


@dataclass(frozen=True)
class _HeadedBody:
    regex: re.Pattern[str]
    kind: str
    heads: tuple[str, ...]  # lower case: a text without any of them is not searched
    name_first: bool = False


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
                rf"(?P<glue>[ \t]+|-)(?P<head>(?i:{_alternation(after)}))(?![\w-])"),
                kind, tuple(w.lower() for w in after), name_first=True))
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


def _headed_match(body: _HeadedBody, text: str, match: re.Match[str], stops: list[int]) -> re.Match[str] | None:
    """The match if it names a body: a name before its head where _DE_BEFORE says so, a
    head not after a nationality; a name running into another organisation's name ("Stichting
    Vluchtelingenwerk Nederland Europol", ``stops``) is cut before it."""
    before = text[max(0, match.start() - 40):match.start()]
    if body.name_first:
        if match.group("glue") != "-" and not _DE_BEFORE.search(before):
            return None
    elif _FOREIGN_BEFORE.search(before):
        return None
    inside = bisect_right(stops, match.start())
    if inside < len(stops) and stops[inside] < match.end():
        return body.regex.match(text, match.start(), stops[inside])
    return match


def find_pattern_bodies(text: str, stops: list[int] | None = None) -> list[PatternBody]:
    """Chaired committees and courts (labelled "commissie-Suyver", "rechtbank
    Rotterdam") and headed bodies (labelled as written), in text order; where two
    overlap, the one that starts first (at one start: committees, courts, then
    the headed bodies). ``stops``: sorted starts of names read otherwise, where a
    headed body's name ends."""
    stops = stops or []
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
        for found_match in body.regex.finditer(text):
            match = _headed_match(body, text, found_match, stops)
            if match is None:
                continue
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
# dropped the digits) are not the acronym of a ministry; a year before an acronym is no
# postcode ("in juni 2014 IS het kalifaat uitriep"), nor a street-like word before one
# that no place follows.
_POSTCODE_BEFORE = re.compile(r"(?:\b\d{4}|\bPostbus|[a-z](?:straat|plein|weg|laan|haven|gracht|kade|markt|singel))"
                              r"[ \t\u00a0]*$")
_PLACE_AFTER = re.compile(r"[ \t\u00a0]+((?:'s-)?[A-Z][^\W\d_]*(?:[ \t\u00a0-]+[A-Za-z][^\W\d_]*){0,2})")


def is_postcode(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """``text[start:end]`` is two capitals of a postcode: after four digits, "Postbus" or
    a street, and before one of ``places`` (folded place names)."""
    if end - start != 2 or not text[start:end].isupper():
        return False
    if not _POSTCODE_BEFORE.search(text, max(0, start - 40), start):
        return False
    after = _PLACE_AFTER.match(text, end)
    if not after:
        return False
    words = after.group(1).replace("\u00a0", " ").split()
    return any(fold(" ".join(words[:n])) in places for n in range(1, len(words) + 1))
