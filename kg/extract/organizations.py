"""``kg_organizations``: organisations named in the text, from the actor gazetteer.

Matching is case-, diacritic-, hyphen- and quote-tolerant and sees names
inside hyphenated compounds (``EU-landen`` names the EU, ``VN-verband`` the
VN), see :mod:`kg.extract.normalize`. On top of the dictionary match:

- acronyms of up to five capitals match only in capitals ("OM", not "om");
  two- and three-letter ones are dropped inside all-capital headings ("HET IS");
- municipalities count only where the text shows them acting as a government
  ("de gemeente Arnhem", "de gemeenten Gouda en Huizen", "negen gemeenten
  (Amsterdam, Arnhem ...)", "de burgemeester van Utrecht"), not as places;
- a ministry's name inside a minister's title ("de Minister van Justitie en
  Veiligheid", "Minister Koenders van Buitenlandse Zaken", "Minister Grapperhaus
  (Justitie en Veiligheid)") names a post, not the ministry: left out unless
  ``ministries_in_titles`` is set (persons take it as a role);
- "(vaste) (Kamer)commissie voor <ministry>" and "VKC <ministry>" become the
  parliamentary committee, keyed by the ministry so renamed committees merge.

"politie" and "Nationale Politie" are one actor, ``org/politie`` (label
"politie"): the documents use the word for the national police force.

Spans go to ``doc.spans["kg_organizations"]``: label_ "Organization", kb_id_ the
gazetteer key (``org/aivd``), ``span._.kg = {"kind": ..., "label": prefLabel}``.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.spans import doc_metadata, doc_text
from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.names import slug
from kg.extract.organization_patterns import FOREIGN, find_pattern_bodies, is_postcode
from kg.extract.normalize import Label, Match, PieceMatcher, fold
from kg.extract.tokens import TokenTable, token_table
from kg.graph.gazetteer import GazetteerEntry, load_actors

log = logging.getLogger(__name__)

GROUP = "kg_organizations"
TITLES = frozenset({
    "minister", "ministers", "staatssecretaris", "staatssecretarissen", "minister-president",
    "bewindspersoon", "bewindspersonen", "bewindslieden", "viceminister-president", "premier",
})
# Between a title and its ministry: a name's particles and hyphens ("Minister Van der
# Steur (Veiligheid en Justitie)", "Minister Yeşilgöz-Zegerius (…)"), "zonder portefeuille".
TITLE_GLUE = frozenset({"van", "voor", "de", "het", "en", "(", ")", ",", "mijn", "uw", "onze", "zonder", "portefeuille",
                        "der", "den", "ter", "ten", "te", "-", "'t", "’t"})
GOV_HEADS = frozenset({
    "gemeente", "gemeenten", "burgemeester", "burgemeesters", "wethouder", "wethouders",
    "gemeenteraad", "gemeenteraden", "gemeentebestuur", "gemeentebesturen",
})
LIST_GLUE = frozenset({",", "en", "of", "&"})
COMMITTEE_HEADS = frozenset({"kamercommissie", "commissie", "kamercommissies", "commissies"})
# A committee named after a portfolio the gazetteer has no ministry for, or one of an
# older cabinet: "de vaste commissie voor Justitie", "de algemene commissie voor Integratiebeleid".
# capitalised words, not a title or an article opening what follows ("… Integratiebeleid Minister
# Van der Laan"); a list needs its "en"
_WORD = r"(?!(?:Minister|Staatssecretaris|De|Het|Een|Den|Van)\b)[A-Z][^\W\d_]+"
_WORDS = rf"{_WORD}(?:[ \t]+{_WORD})*"
COMMITTEE_NAME = re.compile(
    r"\b(?P<kind>[Vv]aste|[Aa]lgemene)\s+(?:[Kk]amer)?commissie\s+(?:voor|van)\s+"
    rf"(?P<name>{_WORDS}(?:(?:,[ \t]*{_WORDS})*[ \t]+en[ \t]+{_WORDS})?)")
# A name of one letter ("X", the former Twitter) is a name only where the text speaks of
# platforms; elsewhere it is a variable, a list marker or a web page's "X Noot" close button.
LETTER_CUES = frozenset({"op", "via", "platform", "platforms", "twitter", "sociale", "media",
                         "account", "accounts", "kanaal", "kanalen", "zoals"})
LETTER_AFTER = frozenset({"voorheen", "twitter"})  # "X (voorheen Twitter)"


@dataclass
class _Hit:
    start: int
    end: int
    entry: GazetteerEntry
    key: str
    label: str
    first: int
    last: int


def _labels(entries: tuple[GazetteerEntry, ...]) -> list[Label]:
    out: list[Label] = []
    for entry in entries:
        for text in entry.labels:
            out.append(Label(text, entry.key, case_sensitive=entry.case_sensitive))
        out += [Label(t, entry.key, case_sensitive=True) for t in entry.exact_labels]
        out += [Label(t, entry.key, case_sensitive=True, short=True) for t in entry.short_labels]
    return out


@Language.factory("kg_organizations", default_config={"gazetteer": None, "ministries_in_titles": False})
def make_organizations(nlp: Language, name: str, gazetteer: str | None,
                       ministries_in_titles: bool) -> "OrganizationMatcher":
    """Organisations from ``gazetteer`` (a Turtle file; default ontology/actors.ttl + municipalities.ttl)."""
    return OrganizationMatcher(nlp, load_actors(gazetteer), ministries_in_titles)


class OrganizationMatcher:
    """Component: gazetteer organisations into ``doc.spans["kg_organizations"]``."""

    def __init__(self, nlp: Language, entries: tuple[GazetteerEntry, ...], ministries_in_titles: bool = False) -> None:
        self.entries = {e.key: e for e in entries}
        self.ministries_in_titles = ministries_in_titles
        self.matcher = PieceMatcher(_labels(entries), nlp.make_doc)
        self.acronyms = frozenset(fold(t) for e in entries for t in e.labels if t.isupper())
        self.places = frozenset(fold(t) for e in entries if e.kind == "municipality" for t in e.labels)
        # "Ministerie van Justitie" -> "justitie": a committee's name to its ministry's key
        self.portfolios = {fold(re.sub(r"(?i)^ministerie\s+van\s+", "", t)):
                           e.key.split("/", 1)[1].removeprefix("ministerie-")
                           for e in entries if e.kind == "ministry" for t in e.labels}

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        hits = [self._hit(m) for m in self.matcher.find(doc)]
        hits = [h for h in hits if not is_postcode(text, h.start, h.end, self.places)]
        hits = [h for h in hits if not self._in_heading(doc, h)]
        hits = [h for i, h in enumerate(hits) if not _bare_letter(doc, hits, i)]
        hits = self._municipalities(doc, hits)
        hits = self._ministries(doc, hits)
        hits = self._named_committees(doc, hits)
        hits = _bodies_by_pattern(doc, hits)
        hits = _without_vote_tallies(text, hits)
        hits = _without_foreign_bodies(doc, hits)
        hits = self._own_chamber(doc, hits)
        spans = []
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, label="Organization", kb_id=hit.key, alignment_mode="expand")
            if span is None:
                log.debug("no span for %r at %d", hit.label, hit.start)
                continue
            span._.kg = {"kind": hit.entry.kind, "label": hit.label}
            if (span.start_char, span.end_char) != (hit.start, hit.end):
                # part of a compound ("EU-terrorismelijst"): the whole word may name something else too
                span._.kg["part_of_word"] = True
            spans.append(span)
        doc.spans[GROUP] = spans
        return doc

    def _hit(self, match: Match) -> _Hit:
        entry = self.entries[match.key]
        return _Hit(match.start, match.end, entry, entry.key, entry.label, match.first_token, match.last_token)

    def _in_heading(self, doc: Doc, hit: _Hit) -> bool:
        """A short acronym between all-capital words ('HET IS EEN') is a heading word."""
        text = doc_text(doc)[hit.start:hit.end]
        if len(text) > 3 or not text.isupper():
            return False
        words = token_table(doc).text
        for i in (hit.first - 1, hit.last + 1):
            # spaCy's is_alpha and is_upper are str.isalpha and str.isupper of the text;
            # the Token (for norm_) is only made for the rare all-capital neighbour
            if 0 <= i < len(words) and words[i].isalpha() and words[i].isupper() and len(words[i]) >= 3 \
                    and doc[i].norm_ not in self.acronyms and fold(words[i]) not in self.acronyms:
                return True
        return False

    def _municipalities(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """Keep a municipality only in a governmental context (see module doc)."""
        table = token_table(doc)
        in_parens = _governmental_parentheses(table)
        kept: list[_Hit] = []
        previous: _Hit | None = None
        for hit in hits:
            if hit.entry.context != "government":
                kept.append(hit)
                continue
            ok = hit.first in in_parens or _after_gov_head(table, hit.first)
            if not ok and previous is not None:
                ok = bool(_glue_only(table, previous.last + 1, hit.first, LIST_GLUE))
            if ok:
                before = _previous(table, hit.first, 1)
                if before and table.lower[before[0]] == "gemeente":  # the name as written: "gemeente Den Haag"
                    j = before[0]
                    hit = _Hit(table.idx[j], hit.end, hit.entry, hit.key, hit.label, j, hit.last)
                kept.append(hit)
                previous = hit
        return kept

    def _ministries(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """Committees around ministry names; ministry names in ministers' titles left out."""
        table = token_table(doc)
        kept: list[_Hit] = []
        last_title_end = -10
        for hit in hits:
            if hit.entry.kind != "ministry":
                kept.append(hit)
                continue
            committee = _committee(doc, table, hit)
            if committee is not None:
                kept.append(committee)
                continue
            chained = last_title_end >= 0 and \
                _glue_only(table, last_title_end + 1, hit.first, LIST_GLUE | {"van", "voor"}, limit=2) is not None
            if chained or _in_title(table, hit.first):
                last_title_end = hit.last
                if not self.ministries_in_titles:
                    continue
            kept.append(hit)
        return kept


    def _own_chamber(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """'De Kamer' in an Eerste Kamer document is the Eerste Kamer."""
        senate = self.entries.get("org/eerste-kamer")
        if senate is None or getattr(doc_metadata(doc), "chamber", None) != "Eerste Kamer":
            return hits
        text = doc_text(doc)
        return [_Hit(h.start, h.end, senate, senate.key, senate.label, h.first, h.last)
                if h.key == "org/tweede-kamer" and "tweede" not in fold(text[h.start:h.end]) else h for h in hits]

    def _named_committees(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """Committees (``COMMITTEE_NAME``) not already read around a ministry's name,
        keyed by their ministry where the name is one ("Justitie": the ministry's old
        name), else by the name itself."""
        text = doc_text(doc)
        taken = [(h.start, h.end) for h in hits]  # in text order, not overlapping
        starts = [start for start, _end in taken]
        added = []
        inside: set[int] = set()  # a ministry's name inside a committee's: "… voor Europese Zaken, Buitenlandse Zaken"
        for match in COMMITTEE_NAME.finditer(text):
            first = max(bisect_right(starts, match.start()) - 1, 0)
            overlapping = [i for i in range(first, bisect_right(starts, match.end()))
                           if taken[i][0] < match.end() and match.start() < taken[i][1]]
            if any(hits[i].entry.kind != "ministry" or taken[i][0] < match.start("name") or taken[i][1] > match.end()
                   for i in overlapping):
                continue
            inside.update(overlapping)
            name = match.group("name")
            suffix = self.portfolios.get(fold(name)) or slug(name)
            standing = match.group("kind").lower() == "vaste"
            entry = GazetteerEntry(key=f"org/{'vaste' if standing else 'algemene'}-commissie-{suffix}", iri="",
                                   label="", kind="parliament")
            head = "vaste Kamercommissie" if standing else "algemene commissie"
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                added.append(_Hit(match.start(), match.end(), entry, entry.key, f"{head} voor {name}",
                                  span.start, span.end - 1))
        if not added:
            return hits
        return sorted([h for i, h in enumerate(hits) if i not in inside] + added, key=lambda h: h.start)


def _without_foreign_bodies(doc: Doc, hits: list[_Hit]) -> list[_Hit]:
    """A body the gazetteer names by a common noun ("politie", "krijgsmacht") is not
    the Dutch one after a nationality: "de Belgische politie"."""
    table = token_table(doc)
    kept = []
    for hit in hits:
        before = _previous(table, hit.first, 1)
        if before and hit.label[:1].islower() and fold(table.text[before[0]]) in FOREIGN:
            continue
        kept.append(hit)
    return kept


def _bodies_by_pattern(doc: Doc, hits: list[_Hit]) -> list[_Hit]:
    """Bodies named by a pattern (:mod:`kg.extract.organization_patterns`: "commissie-Suyver",
    "rechtbank Rotterdam", "Stichting Europe Trust Nederland") where no other name is read.
    Overlap is found by bisection over the hits' starts, not a scan per body."""
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    furthest = []  # furthest[i]: the largest end among hits[:i + 1]
    for hit in hits:
        furthest.append(max(hit.end, furthest[-1] if furthest else 0))
    added = []
    for body in find_pattern_bodies(doc_text(doc), starts):
        before = bisect_right(starts, body.end - 1)  # hits starting before the body ends
        if before and furthest[before - 1] > body.start:
            continue
        span = doc.char_span(body.start, body.end, alignment_mode="expand")
        if span is None:
            continue
        entry = GazetteerEntry(key=body.key, iri="", label="", kind=body.kind)
        added.append(_Hit(body.start, body.end, entry, entry.key, body.label, span.start, span.end - 1))
    return sorted(hits + added, key=lambda h: h.start)


_VOTE_HEAD = re.compile(r"(?i)(?:voor|tegen)\b(?:[ \t]*\(\d+\))?[ \t]*:?")
_VOTE_INLINE = re.compile(r"(?i)(?:voor|tegen)\b(?:[ \t]*\(\d+\))?(?P<colon>[ \t]*:)?[ \t]*")
_VOTE_ITEM = r"[^\W\d][\w'’&/-]*(?:[ \t]+[\w'’&/-]+){0,3}"  # "GL", "Den Haan", "Groep Van Haga"
_VOTE_ITEMS = re.compile(rf"{_VOTE_ITEM}(?:[ \t]*,[ \t]*{_VOTE_ITEM})*[ \t]*")
_VOTE_LIST = re.compile(rf"{_VOTE_ITEM}(?:[ \t]*,[ \t]*{_VOTE_ITEM})+[ \t]*")  # two or more


def _without_vote_tallies(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Parties in a motion page's vote result are a tally, not actors the text
    names: "Voor" over "GL, D66, PVDD", "Tegen: CDA, VVD", "Voor FVD, D66, PvdA"
    (ingest joins the lines), or a column of lone party lines under the
    percentages (openkamer). Two annotators of the held-out sets left these
    out on their own. Other hits are kept."""
    parties = [h for h in hits if h.entry.kind == "party"]
    if not parties:
        return hits
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    starts = [start for start, _end, _line in lines]

    def line_of(hit: _Hit) -> int:
        return bisect_right(starts, hit.start) - 1

    tally: set[int] = set()
    for i, (_start, _end, line) in enumerate(lines):
        inline = _VOTE_INLINE.match(line)
        if inline and (_VOTE_ITEMS if inline.group("colon") else _VOTE_LIST).fullmatch(line[inline.end():]) \
                or i and _VOTE_HEAD.fullmatch(lines[i - 1][2]) and _VOTE_ITEMS.fullmatch(line):
            tally.add(i)
    alone = {line_of(h) for h in parties if lines[line_of(h)][2] == text[h.start:h.end]}
    tally |= {i for i in alone if sum(j in alone for j in (i - 2, i - 1, i + 1, i + 2)) >= 2}
    if not tally:
        return hits
    return [h for h in hits if h.entry.kind != "party" or line_of(h) not in tally]


def _bare_letter(doc: Doc, hits: list[_Hit], i: int) -> bool:
    """Hit i is a one-letter name ("X", "X.") with no platform around it: no platform
    word just before it (LETTER_CUES), no "(voorheen Twitter)" after it, and no company
    next to it in a list ("Facebook, X en TikTok")."""
    hit = hits[i]
    if len(doc_text(doc)[hit.start:hit.end].rstrip(".")) != 1:
        return False
    table = token_table(doc)
    before = {table.lower[j] for j in _previous(table, hit.first, 2)}
    after = [table.lower[j] for j in range(hit.last + 1, min(hit.last + 4, len(table.lower))) if not table.space[j]]
    if before & LETTER_CUES or set(after[:2]) & LETTER_AFTER:
        return False
    listed = [other for other in (hits[i - 1] if i else None, hits[i + 1] if i + 1 < len(hits) else None)
              if other is not None and other.entry.kind == "company"]
    return not any(_glue_only(table, min(o.last, hit.last) + 1, max(o.first, hit.first), LIST_GLUE, limit=1)
                   is not None for o in listed)


def _glue_only(table: TokenTable, start: int, end: int, glue: frozenset[str], limit: int | None = None) -> int | None:
    """How many non-space tokens stand in start..end-1 when all of them (at most
    ``limit``) are ``glue`` words, else None. Stops at the first other word: the
    stretch between two hits can be long."""
    count = 0
    for j in range(start, end):
        if table.space[j]:
            continue
        if table.lower[j] not in glue or (limit is not None and count >= limit):
            return None
        count += 1
    return count


def _previous(table: TokenTable, i: int, steps: int) -> list[int]:
    """Indices of up to ``steps`` non-space tokens before token i, nearest first."""
    out = []
    space = table.space
    j = i - 1
    while j >= 0 and len(out) < steps:
        if not space[j]:
            out.append(j)
        j -= 1
    return out


def _in_title(table: TokenTable, first: int) -> bool:
    for j in _previous(table, first, 50):  # "ministers van Justitie, voor Wonen, Wijken en Integratie, van …"
        low = table.lower[j]
        if low in TITLES:
            return True
        text = table.text[j]
        if low in TITLE_GLUE or (text.replace("-", "").isalpha() and text[:1].isupper()):  # a name, also "Yeşilgöz-Zegerius"
            continue
        return False
    return False


def _after_gov_head(table: TokenTable, first: int) -> bool:
    for j in _previous(table, first, 3):
        low = table.lower[j]
        if low in GOV_HEADS:
            return True
        if low not in {"van", "de", "het"}:
            return False
    return False


def _governmental_parentheses(table: TokenTable) -> set[int]:
    """Token indices inside '(...)' that follows 'gemeente(n)' within eight tokens."""
    inside: set[int] = set()
    words = table.text
    n = len(words)
    for i in [i for i, word in enumerate(words) if word == "("]:
        if not any(table.lower[j] in ("gemeente", "gemeenten") for j in _previous(table, i, 8)):
            continue
        j = i + 1
        while j < n and words[j] != ")" and j - i < 300:
            inside.add(j)
            j += 1
    return inside


def _committee(doc: Doc, table: TokenTable, hit: _Hit) -> _Hit | None:
    before = _previous(table, hit.first, 3)
    if not before:
        return None
    lower = table.lower
    start_token = None
    if table.text[before[0]].upper() == "VKC":
        start_token = before[0]
    elif len(before) >= 2 and lower[before[0]] in ("voor", "van") and lower[before[1]] in COMMITTEE_HEADS:
        start_token = before[1]
        if len(before) >= 3 and lower[before[2]] == "vaste":
            start_token = before[2]
    if start_token is None:
        return None
    suffix = hit.key.split("/", 1)[1].removeprefix("ministerie-")
    entry = GazetteerEntry(key=f"org/vaste-commissie-{suffix}", iri="", label="", kind="parliament")
    name = re.sub(r"(?i)^ministerie\s+(van\s+)?", "", doc_text(doc)[hit.start:hit.end])
    label = "vaste Kamercommissie voor " + name
    return _Hit(table.idx[start_token], hit.end, entry, entry.key, label, start_token, hit.last)
