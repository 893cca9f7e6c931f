"""Citations of parliamentary documents, normalised to official ids.

Dutch parliamentary papers cite each other in a handful of conventional
forms ("Kamerstuk 29 754, nr. 422", "Aanhangsel Handelingen II 2013/14,
nr. 2419", "vraagnummer 2020Z10445"...). Every form is turned into the id
officielebekendmakingen uses (``kst-29754-422``, ``ah-tk-20132014-2419``,
``kv-tk-2020Z10445``), so that a citation becomes an edge between two
document nodes whatever way it was written.

``parse_citations`` is a pure function over text (easy to test and reuse);
the ``kg_citations`` spaCy component puts its results in
``doc.spans["kg_citations"]`` following ``kg/extract/spans.py``.

Patterns are tolerant of any whitespace (line breaks, NBSP, thin spaces)
and of en dashes, slashes and hyphens in years, because the text comes from
PDF extraction.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.regex_guard import compile_guarded
from kg.extract.spans import doc_metadata, doc_text
from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)

log = logging.getLogger(__name__)

SPAN_GROUP = "kg_citations"
LABEL = "Citation"

# --- building blocks (verbose regex fragments) -------------------------------
# A parliamentary year: 2013/14, 2013-2014, 2019–2020, 2019 - 2020.
_YEAR = r"(?P<y1>(?:19|20)\d{2})\s*[/\-\u2010-\u2015]\s*(?:\d{2}(?:\d{2})?)(?!\d)"
_ANY_YEAR = _YEAR.replace("?P<y1>", "?:")  # where the year is not part of the id
_GAP = r"(?:\s{1,3}|\.)?"  # between the thousands of a dossier number
# A dossier number: 29 754, 29754, 29.754, 29\u00a0754; a numbered sub-dossier
# (21 501-20) and a budget chapter (35 925 VI, 35 925-VI, 34 775, VI) may follow.
_DOSSIER = (
    r"(?P<dossier>\d{1,3}" + _GAP + r"\d{3})(?![\d])"
    r"(?:\s*[-\u2010-\u2015]\s*(?P<sub>\d{1,3})(?!\d))?"
    r"(?:(?:\s*[-\u2010-\u2015]\s*|\s*,\s*|\s+)(?P<chapter>(?-i:[IVXL]{1,5}|[A-Z]))(?![\w]))?"
)
# Further dossiers of a joint document ("29 754 en 27 925"): published in the first.
_MORE_DOSSIERS = r"(?:\s*(?:,|en|&)\s*\d{1,3}" + _GAP + r"\d{3}(?!\d)(?:\s+(?-i:[IVXL]{1,5}|[A-Z])(?!\w))?)*"
# A document number: Tweede Kamer papers are numbered, Eerste Kamer papers lettered.
_NUM = r"(?:\d+|(?-i:[A-Z]{1,3})(?![\w]))"
# "nr. 76 en 77": a second number after a singular "nr." (not "nr. 78 en 28 600 V, nr. 28",
# where a second dossier follows, read as a Kamerstuk of its own).
# The second number must close the reference ("nr. 5 en 12 april" is a date), and be
# neither a year ("nr. 5 en 2019.") nor a dossier's thousands ("nr. 5 en 28.600, nr. 3").
_AND_ONE_MORE = r"(?P<more>\s+en\s+(?!(?:19|20)\d\d(?!\d))\d+(?![.\s]?\d)(?=\s*[);,.:]|\s*$))?"
_NUMBERS = (
    r"(?:,?\s*nrs\.?\s*(?P<nums>" + _NUM + r"(?:\s*(?:,|en|&)\s*" + _NUM + r")*)"
    r"|,?\s*nr\.?\s*(?P<num>" + _NUM + r")" + _AND_ONE_MORE +
    r"|\s*,\s*(?P<letter>(?-i:[A-Z]{1,3}))(?![\w-]))"
)
_PAGE = r"(?:\s*,?\s*(?:p\.|pp\.|blz\.|pag\.|pagina|bladzijde)\s*(?P<page>\d+(?:\s*[-\u2010-\u2015]\s*\d+)?))?"
_CHAMBER = (
    r"(?:\s+(?P<chamber>II|I|TK|EK|Tweede\s+Kamer|Eerste\s+Kamer)(?![\w]))?"
    r"(?:\s*\(\s*(?P<chamber2>Tweede|Eerste)\s+Kamer\s*\))?"
)

KAMERSTUK_PATTERN = (
    r"(?P<annex>\bbijlage\s+(?:\d+\s+)?(?:bij|van)\s+(?:de\s+|het\s+)?)?"
    r"(?:\bKamerstuk(?:ken|nummers?)?"
    r"(?:\s+(?:II|I|TK|EK)(?![\w]))?,?"
    r"(?:\s*(?:vergaderjaar\s+)?" + _ANY_YEAR + r"\s*,?)?"
    r"|\b(?:Tweede|Eerste)\s+Kamer,\s*vergaderjaar\s+" + _ANY_YEAR + r"\s*,)"
    r"\s*" + _DOSSIER + _MORE_DOSSIERS + _NUMBERS + _PAGE
)
"""Kamerstukken: kst-<dossier>[-<sub>][-<chapter>]-<number>; also written "Kamerstuknummer 23 432, nr. 376"."""

HANDELINGEN_PATTERN = (
    r"(?P<aanhangsel>\bAanhangsel\s+(?:(?:bij|van)\s+(?:de\s+)?)?)?\bHandelingen" + _CHAMBER +
    r"\s*,?\s*(?:vergaderjaar\s+)?" + _YEAR +
    r"\s*,?\s*(?:nrs\.?\s*(?P<nums>\d+(?:\s*(?:,|en|&)\s*\d+)*)|nr\.?\s*(?P<num>\d+))"
    r"(?:\s*,?\s*(?:(?:item|punt)\s*(?P<item>\d+)|(?:items|punten)\s*(?P<items>\d+(?:\s*(?:,|en|&)\s*\d+)*)))?" + _PAGE
)
"""Handelingen (h-tk-<years>-<nr>[-<item>]) and their Aanhangsel (ah-tk-<years>-<nr>), one or more numbers."""

AANHANGSEL_YEAR_PATTERN = (
    r"\b(?P<chamber>Tweede|Eerste)\s+Kamer,\s*vergaderjaar\s+" + _YEAR +
    r"\s*,\s*(?P<aanhangsel>Aanhangsels?)\s+(?:(?:nrs?\.?|nummers?)\s*)?"
    r"(?P<nums>\d+(?:\s*(?:,|en|&)\s*\d+)*)(?![\d/])(?P<chamber2>(?!))?"
)
"""Answers by their Aanhangsel number after the chamber and year: "(Tweede Kamer,
vergaderjaar 2010–2011, Aanhangsels 1432, 1889 en 2212)"."""

BARE_KAMERSTUK_PATTERN = (
    r"(?:(?<=\()|(?<=\ben\s)|(?<=;\s))\s*(?:zie\s+(?:ook\s+)?)?(?:(?-i:EK|TK)\s+)?" +
    _DOSSIER.replace(r"\d{1,3}", r"\d{2}", 1) +
    _MORE_DOSSIERS +
    r"\s*,\s*(?:nrs\.?\s*(?P<nums>" + _NUM + r"(?:\s*(?:,|en|&)\s*" + _NUM + r")*)|nr\.?\s*(?P<num>" + _NUM + r")"
    + _AND_ONE_MORE + r"|(?:letter\s+)?(?P<letter>(?-i:[A-Z]{1,3}))(?![\w-]))"
    r"(?=\s*[);,.])"
)
"""A Kamerstuk without the word: in brackets, "(29754, nr. 726)", "(34775-VI, letter T)", "(EK 28 764, E)", or after
another in a list, "(Kamerstukken II 2002/2003, 27 925, nr. 78 en 28 600 V, nr. 28)"."""

ANNOUNCED_PATTERN = r"\bkrijgt\s+nr\.?\s*(?P<num>\d+)\s*\(\s*" + _DOSSIER + r"\s*\)"
"""The Handelingen's numbering of a motion just filed: "Zij krijgt nr. 99 (30977)"."""

QUESTION_PATTERN = r"\bvraagnummers?\s*:?\s*(?P<kvs>\d{4}Z\d{5}(?:\s*(?:,|en|&)\s*\d{4}Z\d{5})*)"
"""Written questions by their Kamer number: kv-tk-2020Z10445."""

OFFICIAL_ID_PATTERN = (
    r"(?<![\w-])(?P<oid>"
    r"kst-\d{4,6}(?:-(?:[IVXL]{1,5}|[A-Z]|\d{1,3}))?-(?:\d+|[A-Z]{1,3})"
    r"|ah-(?:tk|ek)-\d{8}-\d+"
    r"|h-(?:tk|ek)-\d{8}-\d+(?:-\d+)?"
    r"|kv-tk-\d{4}Z\d{5}"
    r")(?![\w-])"
)
"""An official id written as such (kst-29754-645), e.g. in a URL."""

_FLAGS = re.IGNORECASE
# Searched over every whole text: a first-character guard skips most positions (same matches).
KAMERSTUK_RE = compile_guarded(KAMERSTUK_PATTERN, _FLAGS)
HANDELINGEN_RE = compile_guarded(HANDELINGEN_PATTERN, _FLAGS)
AANHANGSEL_YEAR_RE = compile_guarded(AANHANGSEL_YEAR_PATTERN, _FLAGS)
BARE_KAMERSTUK_RE = re.compile(BARE_KAMERSTUK_PATTERN, _FLAGS)  # tried at every position (its lookbehind is cheap)
ANNOUNCED_RE = compile_guarded(ANNOUNCED_PATTERN, _FLAGS)
QUESTION_RE = compile_guarded(QUESTION_PATTERN, _FLAGS)
OFFICIAL_ID_RE = compile_guarded(OFFICIAL_ID_PATTERN)  # case-sensitive: ids are lower case
_NUM_RE = re.compile(_NUM, _FLAGS)
_KV_RE = re.compile(r"\d{4}Z\d{5}", _FLAGS)
_SPACE_RE = re.compile(r"[\s.]+")

# --- kind of reference, from the words just before the citation -------------
LOOKBACK_CHARS = 100
"""How far back to look for the words that say what kind of reference it is."""
MOTION_CUE_RE = re.compile(r"\bmoties?\b", _FLAGS)
SEE_ALSO_CUE_RE = re.compile(r"\bzie\b", _FLAGS)
# A sentence or paragraph ends here (but not after c.s., nr., d.d., o.a., p.).
_BOUNDARY_RE = re.compile(
    r"\n\s*\n|(?<!c\.s)(?<!\bnr)(?<!d\.d)(?<!o\.a)(?<!\bp)(?<!\bzie)[.!?;:](?=\s+[A-Z\u00ab\"\u201c(\d])"
)

OFFICIAL_ID_SHAPE = re.compile(r"^[a-z]+(-[A-Za-z0-9]+)+$")
"""Every id this module produces has this shape."""


@dataclass(frozen=True)
class CitationMatch:
    """One cited document: where (character offsets into the text), which
    (official id), the page if given and the kind of reference
    (annex, motion, see-also, reference)."""

    start: int
    end: int
    id: str
    page: str | None = None
    kind: str = "reference"
    text: str = ""


def _years(match: re.Match[str]) -> str:
    """``2013/14`` -> ``20132014``: the id always spells both years in full."""
    first = int(match.group("y1"))
    return f"{first}{first + 1}"


def _dossier(match: re.Match[str]) -> str:
    parts = [_SPACE_RE.sub("", match.group("dossier"))]
    if match.group("sub"):
        parts.append(match.group("sub"))
    if match.group("chapter"):
        parts.append(match.group("chapter"))
    return "-".join(parts)


def _kamerstuk(match: re.Match[str]) -> list[tuple[str, int]]:
    """Ids of a Kamerstuk match, each with where its own number ends."""
    dossier = _dossier(match)
    if "nums" in match.re.groupindex and match.group("nums"):
        start = match.start("nums")
        return [(f"kst-{dossier}-{m.group(0)}", start + m.end())
                for m in _NUM_RE.finditer(match.group("nums"))]
    group = "num" if match.group("num") or "letter" not in match.re.groupindex else "letter"
    ids = [(f"kst-{dossier}-{match.group(group)}", match.end(group))]
    if "more" in match.re.groupindex and match.group("more"):
        ids.append((f"kst-{dossier}-{match.group('more').split()[-1]}", match.end("more")))
    return ids


def _chamber(match: re.Match[str]) -> str:
    chamber = (match.group("chamber2") or match.group("chamber") or "").lower()
    return "ek" if chamber in {"i", "ek"} or chamber.startswith("eerste") else "tk"


def _handelingen(match: re.Match[str]) -> list[tuple[str, int]]:
    prefix = "ah" if match.group("aanhangsel") else "h"
    base = f"{prefix}-{_chamber(match)}-{_years(match)}"
    if match.group("nums"):  # "nrs. 1016 en 1044": one id per number
        numbers = list(re.finditer(r"\d+", match.group("nums")))
        return [(f"{base}-{m.group(0)}", match.start("nums") + m.end() if i < len(numbers) - 1 else match.end())
                for i, m in enumerate(numbers)]
    oid = f"{base}-{match.group('num')}"
    if prefix == "h" and (match.group("item") or match.group("items")):  # "items 6 en 9": one id per item
        items = re.findall(r"\d+", match.group("item") or match.group("items"))
        return [(f"{oid}-{item}", match.end()) for item in items]
    return [(oid, match.end())]


def _questions(match: re.Match[str]) -> list[tuple[str, int]]:
    start = match.start("kvs")
    return [(f"kv-tk-{m.group(0).upper()}", start + m.end())
            for m in _KV_RE.finditer(match.group("kvs"))]


def _official(match: re.Match[str]) -> list[tuple[str, int]]:
    return [(match.group("oid"), match.end())]


_RECOGNISERS = (
    (KAMERSTUK_RE, _kamerstuk),
    (HANDELINGEN_RE, _handelingen),
    (AANHANGSEL_YEAR_RE, _handelingen),
    (BARE_KAMERSTUK_RE, _kamerstuk),
    (ANNOUNCED_RE, _kamerstuk),
    (QUESTION_RE, _questions),
    (OFFICIAL_ID_RE, _official),
)
"""Each compiled pattern with the function that turns its match into ids."""


def _kind(text: str, start: int, floor: int, annex: bool) -> str:
    """What kind of reference, from the cue words before it in its sentence.

    An explicit "Bijlage bij" wins; then a motion named just before ("motie
    Dijkhoff c.s. Kamerstuk ..."); then "zie (ook)"; else a plain reference.
    """
    if annex:
        return "annex"
    window = text[max(floor, start - LOOKBACK_CHARS):start]
    cut = 0
    for boundary in _BOUNDARY_RE.finditer(window):
        cut = boundary.end()
    window = window[cut:]
    if MOTION_CUE_RE.search(window):
        return "motion"
    if SEE_ALSO_CUE_RE.search(window):
        return "see-also"
    return "reference"


def _page(match: re.Match[str]) -> str | None:
    if "page" not in match.re.groupindex or not match.group("page"):
        return None
    return re.sub(r"\s+", "", match.group("page")).replace("\u2013", "-")


def parse_citations(text: str, exclude: Iterable[str] = ()) -> list[CitationMatch]:
    """Every citation of a parliamentary document in ``text``, in text order.

    Overlapping matches of different forms keep the leftmost, then longest
    (so "Aanhangsel Handelingen ..." is not also read as "Handelingen ...").
    A plural ("nrs. 224 en 232") gives one match per number; each runs from
    the start of the citation to the end of its own number (the last to the
    end of the whole citation), so their offsets differ. Ids in ``exclude``
    (the citing document's own id) are dropped.
    """
    excluded = set(exclude)
    found: list[tuple[int, int, re.Match[str], Any]] = []
    for regex, to_ids in _RECOGNISERS:
        for match in regex.finditer(text):
            found.append((match.start(), -match.end(), match, to_ids))
    found.sort(key=lambda item: (item[0], item[1]))
    results: list[CitationMatch] = []
    last_end = 0
    for start, neg_end, match, to_ids in found:
        end = -neg_end
        if start < last_end:
            continue
        annex = "annex" in match.re.groupindex and bool(match.group("annex"))
        kind = _kind(text, start, last_end, annex)
        page = _page(match)
        ids = to_ids(match)
        for index, (oid, id_end) in enumerate(ids):
            span_end = end if index == len(ids) - 1 else id_end
            if oid in excluded:
                log.debug("dropping the document's own id %s at %d", oid, start)
                continue
            results.append(CitationMatch(start, span_end, oid, page, kind, text[start:span_end]))
        last_end = end
    return results


# An amended motion's heading: "GEWIJZIGDE MOTIE VAN HET LID BECKER C.S. TER VERVANGING
# VAN DIE GEDRUKT ONDER NR. 9" cites number 9 of the document's own dossier.
# In capitals only: the heading's words; in running text the motion replaced may be in
# another dossier ("motie … (Kamerstuk 35 000 VI, nr. 41), ter vervanging van die …").
REPLACED = re.compile(r"\bTER\s+VERVANGING\s+VAN\s+(?:DIE|DAT|DE\s+MOTIE|HET\s+AMENDEMENT)\s+"
                      r"(?P<cited>GEDRUKT\s+ONDER\s+NR\.?\s*(?P<number>\d+[A-Z]?))\b")


def replaced_in_own_dossier(text: str, dossier: str | None, exclude: set[str]) -> list[CitationMatch]:
    """The motions or amendments a document replaces, in its own dossier (``REPLACED``)."""
    if not dossier:
        return []
    found = []
    for match in REPLACED.finditer(text):
        oid = f"kst-{dossier}-{match.group('number').upper()}"
        if oid not in exclude:
            found.append(CitationMatch(match.start("cited"), match.end(), oid, None, "reference",
                                       text[match.start("cited"):match.end()]))
    return found


def own_ids(doc: Doc) -> set[str]:
    """The ids the document itself goes by (never a citation of itself)."""
    document = doc._.kg_document
    if document is None:
        return set()
    ids = {getattr(document, "id", None)}
    metadata = getattr(document, "metadata", None)
    if metadata is not None:
        ids.add(getattr(metadata, "id", None))
    return {oid for oid in ids if oid}


class CitationRecognizer:
    """spaCy component: citations as spans in ``doc.spans["kg_citations"]``."""

    def __init__(self, drop_own_id: bool = True) -> None:
        self.drop_own_id = drop_own_id

    def __call__(self, doc: Doc) -> Doc:
        exclude = own_ids(doc) if self.drop_own_id else set()
        spans: list[Span] = []
        extras: list[dict[str, Any]] = []
        text = doc_text(doc)
        dossier = getattr(doc_metadata(doc), "dossier", None)
        found = parse_citations(text, exclude) + replaced_in_own_dossier(text, dossier, exclude)
        for cit in sorted(found, key=lambda c: (c.start, c.end)):
            span = doc.char_span(cit.start, cit.end, label=LABEL, kb_id=cit.id,
                                 alignment_mode="expand")
            if span is None:
                log.warning("citation %s at %d-%d does not align with tokens", cit.id, cit.start, cit.end)
                continue
            spans.append(span)
            extras.append({"page": cit.page, "kind": cit.kind})
        doc.spans[SPAN_GROUP] = spans
        for span, extra in zip(doc.spans[SPAN_GROUP], extras):
            span._.kg = extra
        return doc


@Language.factory("kg_citations", default_config={"drop_own_id": True})
def make_citations(nlp: Language, name: str, drop_own_id: bool) -> CitationRecognizer:
    """Citation component; ``drop_own_id`` leaves out the document's own id
    (taken from ``doc._.kg_document``), which is a header, not a citation."""
    return CitationRecognizer(drop_own_id=drop_own_id)
