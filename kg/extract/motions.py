"""kg_motions: motions (moties) a Kamerstuk refers to, who filed them, the
Kamerstuk each is published as, and what the letter says became of it.

A motion is named after its submitters ("motie Dijkhoff c.s.", "motie van de
leden Van der Plas en Michon Derkzen"); its official id sits either in the
same sentence ("(Kamerstuk 29 754, nr. 224)") or in the footnote whose
marker follows the phrase, and its fate is worded in the letter's own terms
("Deze motie is derhalve momenteel niet optimaal uitvoerbaar"). Cue and
status patterns are data in ``motions.jsonl``.
"""
from __future__ import annotations

import bisect
import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.citations import parse_citations, replaced_in_own_dossier
from kg.extract.spans import doc_metadata, doc_text, match_text
from kg.extract.names import NameMatch, fold, match_names, parse_name, slug

log = logging.getLogger(__name__)

PATTERNS = Path(__file__).with_name("motions.jsonl")
GROUP = "kg_motions"

def kamerstuk_ids(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(official id, start, end) of each parliamentary document cited in ``text``, as
    kg_citations reads them: used when that component has not run."""
    return [(c.id, offset + c.start, offset + c.end) for c in parse_citations(text)]


@dataclass(frozen=True)
class MotionPatterns:
    cues: tuple[tuple[str, re.Pattern[str], bool], ...]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    announced: frozenset[str] = frozenset()  # cues whose motion gets its number sentences later


@lru_cache(maxsize=4)
def load_patterns(path: str) -> MotionPatterns:
    """Compile the cue and status patterns from JSONL."""
    cues, status, announced = [], [], set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            regex = re.compile(row["regex"], re.IGNORECASE)
            if row["kind"] == "cue":
                cues.append((row["id"], regex, bool(row.get("members"))))
                if row.get("announced"):
                    announced.add(row["id"])
            elif row["kind"] == "status":
                status.append((row["id"], regex))
    return MotionPatterns(tuple(cues), tuple(status), frozenset(announced))


@dataclass
class MotionHit:
    """A motion phrase in the text before it becomes a span."""

    start: int
    end: int
    names: list[NameMatch]
    pattern: str


_CS = re.compile(r"[ \t\u00a0]+c\.\s?s\.?")


def find_motion_phrases(text: str, patterns: MotionPatterns) -> list[MotionHit]:
    """Every "motie <submitters>" phrase; "moties X en Y" without "van de
    leden" are several motions, one per submitter."""
    hits: dict[int, MotionHit] = {}
    for pid, cue, members in patterns.cues:
        for m in cue.finditer(text):
            if m.start() in hits:
                continue
            names = match_names(text, m.end(), many=True, lower_start=True, party=True)
            if not names:
                continue
            end = names[-1].next_pos if names[-1].party else names[-1].end
            cs = _CS.match(text, end)
            end = cs.end() if cs else end
            if m.group("plural").lower() == "moties" and not members and len(names) > 1:
                for name in names:
                    hits[name.start] = MotionHit(name.start, name.next_pos if name.party else name.end, [name], pid)
                continue
            hits[m.start()] = MotionHit(m.start(), end, names, pid)
    return sorted(hits.values(), key=lambda h: h.start)


# A motion filed in a debate, as the Handelingen print it: the member speaking
# ("Mevrouw Van der Werf (D66):") reads "Motie" and "De Kamer, …". Its submitter is
# that speaker; where the text goes on "Deze motie is voorgesteld door …" that
# phrase (motion-announced) is the motion's mention instead.
FILED_HEADING = re.compile(r"^Motie[ \t]*\n(?:[ \t]*\n)*[ \t]*De Kamer,", re.M)
SPEAKER_LINE = re.compile(r"^(?:De heer|Mevrouw)[ \t]+(?=[^\n():]{1,80}(?:\([^()\n]{1,40}\))?[ \t]*:)", re.M)
ANNOUNCED = re.compile(r"\bmotie\s+is\s+voorgesteld\s+door\b", re.I)


def find_filed_motions(text: str) -> list[MotionHit]:
    """Motions filed in a debate (``FILED_HEADING``), each with its speaker as submitter."""
    hits = []
    speakers = list(SPEAKER_LINE.finditer(text))
    starts = [m.start() for m in speakers]
    headings = list(FILED_HEADING.finditer(text))
    for i, heading in enumerate(headings):
        at = bisect.bisect_left(starts, heading.start())  # speakers[at - 1] speaks; speakers[at] is the next
        if at == 0:
            continue
        limit = min([*starts[at:at + 1], *(h.start() for h in headings[i + 1:i + 2]), len(text)])
        if ANNOUNCED.search(text, heading.end(), limit):
            continue
        names = match_names(text, speakers[at - 1].end(), many=False, lower_start=False, party=True)
        if names:
            hits.append(MotionHit(heading.start(), heading.start() + len("Motie"), names, "motion-filed"))
    return hits


# A motion's sentence as far as it matters: where the sentencizer found no end (a vote
# list, a table), 1,000 characters either side of the phrase, so that a page of 200
# motions costs 200 short searches, not 200 searches of the whole page.
SENTENCE_REACH = 1000


def _near_hit(text: str, hit: MotionHit, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` cut to SENTENCE_REACH around the hit, at whitespace."""
    if hit.start - start > SENTENCE_REACH:
        cut = text.find(" ", hit.start - SENTENCE_REACH, hit.start)
        start = cut + 1 if cut >= 0 else hit.start - SENTENCE_REACH
    if end - hit.end > SENTENCE_REACH:
        cut = text.rfind(" ", hit.end, hit.end + SENTENCE_REACH)
        end = cut if cut >= 0 else hit.end + SENTENCE_REACH
    return start, end


def _sentence_bounds(doc: Doc, start: int) -> tuple[int, int]:
    """The sentence around a char offset, stretched over a footnote marker
    glued to its final stop ("c.s.).11")."""
    text = doc_text(doc)
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return 0, len(text)
    sent = span[0].sent
    end = sent.end_char
    while end < len(text) and not text[end].isspace():
        end += 1
    return sent.start_char, end


class MotionsComponent:
    """spaCy component writing Motion spans to ``doc.spans["kg_motions"]``."""

    def __init__(self, patterns_path: str, status_sentences: int, near_chars: int) -> None:
        self.patterns = load_patterns(patterns_path)
        self.status_sentences = status_sentences
        self.near_chars = near_chars

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        hits = find_motion_phrases(match_text(doc), self.patterns)  # "MOTIE VAN HET LID HIDDEMA" too
        filed = find_filed_motions(text)
        if filed:
            taken = {h.start for h in hits}
            hits = sorted(hits + [h for h in filed if h.start not in taken], key=lambda h: h.start)
        citations = self._citations(doc)
        notes = _markers(doc)
        own = _own_motion(doc)
        own_submitters = _own_submitters(text, hits, own)
        # a page's own title and summary stand above the document's heading; below it,
        # "de eerder aangenomen motie-Becker" is an earlier motion by the same member
        title_at = next((h.start for h in hits if own is not None and _on_title_line(text, h.start, own.title)), 0)
        spans: list[Span] = []
        for i, hit in enumerate(hits):
            next_start = hits[i + 1].start if i + 1 < len(hits) else len(text)
            sent_start, sent_end = _near_hit(text, hit, *_sentence_bounds(doc, hit.start))
            cites = self._near_citation(text, hit, min(sent_end, next_start), citations) \
                or self._footnote_citation(hit, min(sent_end, next_start), notes, citations)
            if not cites and hit.pattern in self.patterns.announced:
                cites = _announced_number(text, hit.end, min(hit.end + self.near_chars * 2, next_start), citations)
            submitters = [parse_name(n.text, surname_only=True).surname for n in hit.names]
            parties = [n.party for n in hit.names]
            if own is not None and _on_title_line(text, hit.start, own.title):
                # The document is this motion: its own id, and every submitter as signed
                # (the heading names the first: "MOTIE VAN HET LID SEGERS C.S.").
                cites = own.id or cites
                if own.signatories:
                    submitters = [parse_name(n).surname for n in own.signatories]
                    parties = [None] * len(submitters)
            if not cites and own is not None and own.id and own_submitters and hit.start < title_at \
                    and {fold(n) for n in submitters} == own_submitters:
                cites = own.id  # the page's own title or summary naming the motion it shows
            key = cites or "motion/" + "-".join(slug(s) for s in submitters)
            span = doc.char_span(hit.start, hit.end, "Motion", kb_id=key, alignment_mode="contract") \
                or doc.char_span(hit.start, hit.end, "Motion", kb_id=key, alignment_mode="expand")
            if span is None:
                log.debug("motion at %d does not align with tokens", hit.start)
                continue
            span._.kg = {
                "label": re.sub(r"\s+", " ", text[hit.start:hit.end]).strip(),
                "submitters": submitters,
                "parties": parties,
                "cites": cites,
                "status": self._status(doc, sent_start, sent_end, next_start),
                "sentence": text[sent_start:sent_end].strip(),
                "pattern": hit.pattern,
            }
            spans.append(span)
            if own is not None and cites == own.id:
                spans.extend(self._replaced(doc, text, hit, own, submitters, parties, span._.kg))
            elif cites and text[hit.start:hit.start + 6].lower() == "moties":
                spans.extend(_more_in_bracket(doc, text, hit.end, min(sent_end, next_start), citations, span._.kg))
        doc.spans[GROUP] = _cited_by_submitters(doc, spans)
        return doc

    @staticmethod
    def _replaced(doc: Doc, text: str, hit: MotionHit, own: Any, submitters: list[str],
                  parties: list[str | None], heading: dict[str, Any]) -> list[Span]:
        """The motion an amended one replaces ("… TER VERVANGING VAN DIE GEDRUKT ONDER
        NR. 9"): the same submitters' earlier motion, numbered in the same dossier."""
        line_end = text.find("\n", hit.start)
        out = []
        for cit in replaced_in_own_dossier(text[:line_end if line_end != -1 else len(text)], own.dossier, set()):
            if cit.start < hit.start:
                continue
            span = doc.char_span(cit.start, cit.end, "Motion", kb_id=cit.id, alignment_mode="expand")
            if span is not None:
                span._.kg = {**heading, "label": re.sub(r"\s+", " ", cit.text), "submitters": list(submitters),
                             "parties": list(parties), "cites": cit.id, "status": None, "pattern": "replaced"}
                out.append(span)
        return out

    @staticmethod
    def _citations(doc: Doc) -> list[tuple[str, int, int]]:
        """Citations from kg_citations when it ran, else the local normaliser."""
        if "kg_citations" in doc.spans and len(doc.spans["kg_citations"]):
            return sorted(((s.kb_id_, s.start_char, s.end_char) for s in doc.spans["kg_citations"]
                           if s.kb_id_), key=lambda c: c[1])
        return kamerstuk_ids(doc_text(doc))

    def _near_citation(self, text: str, hit: MotionHit, limit: int,
                       citations: list[tuple[str, int, int]]) -> str | None:
        """A Kamerstuk cited right after the phrase, or in the first
        parenthesis after it, within the sentence."""
        first = bisect.bisect_left(citations, hit.end, key=lambda c: c[1])
        for cid, start, _end in citations[first:first + 1]:
            if start >= limit:
                return None
            gap = text[hit.end:start]
            if len(gap) > 2 * self.near_chars or re.search(r"\bmoties?\b", gap, re.I):
                return None
            if len(gap) <= self.near_chars and \
                    re.fullmatch(r"[\s,;:(–-]*(?:zie\s+(?:ook\s+)?)?(?:Kamerstuk(?:ken)?\s*)?", gap, re.I):
                return cid
            # in the first parenthesis after the phrase: "de motie-Dijkhoff (Kamerstuk …)", or past
            # the motion's subject, which may be long: "de motie-De Wit over verbetering van de
            # procedure voor plaatsing op de lijst … (28764, nr. 11)"; not past a clause of its own
            opening = re.search(r"\(\s*(?:zie\s+(?:ook\s+)?)?(?:Kamerstuk(?:ken)?\s*)?$", gap, re.I)
            if opening is None:
                return None
            if len(gap) <= self.near_chars or (re.match(r"[\s,]*over\b", gap, re.I)
                                               and not re.search(r"[();:]", gap[:opening.start()])):
                return cid
            return None
        return None

    @staticmethod
    def _footnote_citation(hit: MotionHit, limit: int, notes: list[Any],
                           citations: list[tuple[str, int, int]]) -> str | None:
        """The Kamerstuk in the footnote whose marker is the first after the
        phrase in the same sentence."""
        i = bisect.bisect_left(notes, hit.end, key=lambda f: f.marker_start)
        if i == len(notes) or notes[i].marker_start >= limit:
            return None
        note = notes[i]
        j = bisect.bisect_left(citations, note.start, key=lambda c: c[1])
        if j < len(citations) and citations[j][1] < note.end:
            return citations[j][0]
        return None

    def _status(self, doc: Doc, sent_start: int, sent_end: int, next_start: int) -> str | None:
        """The letter's own words on what became of the motion: a status
        clause in its sentence, or in a later sentence that speaks of "de
        motie" before the next motion is named."""
        text = doc_text(doc)
        found = self._status_in(text[sent_start:sent_end], require_motie=False)
        if found:
            return found
        pos, seen = sent_end, 0
        while pos < next_start and seen < self.status_sentences:
            start, end = _sentence_bounds(doc, min(pos + 1, len(text) - 1))
            if end <= pos or end > next_start:
                break  # a sentence naming the next motion speaks of that one
            found = self._status_in(text[max(start, pos):end], require_motie=True)
            if found:
                return found
            pos, seen = end, seen + 1
        return None

    def _status_in(self, sentence: str, require_motie: bool) -> str | None:
        if require_motie and not re.search(r"\bmotie\b", sentence, re.I):
            return None
        for _pid, regex in self.patterns.status:
            m = regex.search(sentence)
            if m:
                return _clause(sentence, m.start(), m.end())
        return None


def _announced_number(text: str, start: int, limit: int, citations: list[tuple[str, int, int]]) -> str | None:
    """The number the chair gives a motion just filed, a sentence or two on: "Zij krijgt nr. 99 (30977)"."""
    for cid, cstart, _end in citations:
        if start <= cstart < limit and text[cstart:cstart + 6].lower() == "krijgt":
            return cid
    return None


def _own_motion(doc: Doc) -> Any:
    """The document's metadata when the document is itself a motion with a title, else None."""
    meta = doc_metadata(doc)
    return meta if meta is not None and meta.type == "motie" and meta.title else None


def _own_submitters(text: str, hits: list[MotionHit], own: Any) -> set[str]:
    """The folded surnames of the motion a motion document is: its signatories, else
    the names in its title line ("MOTIE VAN DE LEDEN MARCOUCH EN TELLEGEN")."""
    if own is None:
        return set()
    if own.signatories:
        return {fold(parse_name(n).surname) for n in own.signatories}
    for hit in hits:
        if _on_title_line(text, hit.start, own.title):
            return {fold(parse_name(n.text, surname_only=True).surname) for n in hit.names}
    return set()


def _on_title_line(text: str, pos: int, title: str) -> bool:
    """Whether the line holding ``pos`` is the document's title line ("Nr. 221 MOTIE …")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end != -1 else len(text)]
    return fold(line.strip()).endswith(fold(title.strip()))


def _markers(doc: Doc) -> list[Any]:
    """The footnotes with a marker in the body, in marker order."""
    document = doc._.kg_document
    notes = [f for f in getattr(document, "footnotes", None) or [] if f.marker_start is not None]
    return sorted(notes, key=lambda f: f.marker_start)


def _clause(sentence: str, start: int, end: int) -> str:
    """The comma-delimited clause holding a match, or the whole sentence
    when the clause alone would be too short to read. The sentence is first
    narrowed at full stops the sentencizer missed ("gemeenten.5 Deze")."""
    cuts = [m.end() for m in re.finditer(r"[.!?]\d{0,3}\s+(?=[A-Z])", sentence) if m.end() <= start]
    ends = [m.start() + 1 for m in re.finditer(r"[.!?]\d{0,3}\s+(?=[A-Z])", sentence) if m.start() >= end]
    lo, hi = (cuts[-1] if cuts else 0), (ends[0] if ends else len(sentence))
    sentence, start, end = sentence[lo:hi], start - lo, end - lo
    left = max(sentence.rfind(c, 0, start) for c in ",;:")
    rights = [i for i in (sentence.find(c, end) for c in ",;:") if i != -1]
    clause = sentence[left + 1:min(rights) if rights else len(sentence)]
    if len(clause.split()) < 4:
        clause = sentence
    return re.sub(r"\s+", " ", clause).strip().rstrip(".").strip()


@Language.factory(
    "kg_motions",
    default_config={"patterns_path": None, "status_sentences": 8, "near_chars": 160},
)
def make_motions(nlp: Language, name: str, patterns_path: str | None, status_sentences: int,
                 near_chars: int) -> MotionsComponent:
    """Motions with submitters, parties, cited Kamerstuk and status."""
    return MotionsComponent(patterns_path or str(PATTERNS), status_sentences, near_chars)


def motion_dict(span: Span) -> dict[str, Any]:
    """A Motion span as the plain fields of ``kg.model.Motion``."""
    extra = span._.kg or {}
    return {"label": extra.get("label", span.text), "text": span.text, "start": span.start_char,
            "end": span.end_char, "sentence": extra.get("sentence", ""),
            "submitters": extra.get("submitters", []), "parties": extra.get("parties", []),
            "cites": extra.get("cites"), "status": extra.get("status")}


def _more_in_bracket(doc: Doc, text: str, after: int, limit: int, citations: list[tuple[str, int, int]],
                     extras: dict[str, Any]) -> list[Span]:
    """"Moties van het lid X c.s. (Kamerstuk 27 925, nrs. 76 en 77)": one motion per
    Kamerstuk cited in the bracket that follows the phrase (``after``), past the first."""
    first = bisect.bisect_left(citations, after, key=lambda c: c[1])
    if first == len(citations) or "(" not in text[after:citations[first][1]]:
        return []
    close = text.find(")", citations[first][1])
    end = min(limit, close) if close != -1 else -1
    out = []
    for cid, start, stop in citations[first + 1:]:
        if start >= end:
            break
        if not cid.startswith("kst-") or cid == extras.get("cites"):
            continue
        span = doc.char_span(start, stop, "Motion", kb_id=cid, alignment_mode="expand")
        if span is not None:
            span._.kg = {**extras, "cites": cid}  # the phrase's label; the span is where its number is
            out.append(span)
    return out


NEW_MOTIONS = frozenset({"motion-filed", "motion-announced"})


def _cited_by_submitters(doc: Doc, spans: list[Span]) -> list[Span]:
    """A mention without a Kamerstuk ("de motie van mevrouw Bikker") is the motion of
    those submitters the document cites elsewhere, when it cites exactly one; not a
    motion filed in the debate itself, which is a new one. A mention naming one member
    ("de motie van de heer Voordewind") may name a motion by its first submitter
    ("Voordewind, Van Gennip, Van Baalen en Van der Staaij"), when no motion of that
    member alone is cited."""
    cited: dict[tuple[str, ...], set[str]] = {}
    cited_first: dict[tuple[str, ...], set[str]] = {}
    for span in spans:
        extras = span._.kg
        if extras.get("cites") and extras["submitters"]:
            submitters = tuple(fold(n) for n in extras["submitters"])
            cited.setdefault(submitters, set()).add(extras["cites"])
            cited_first.setdefault(submitters[:1], set()).add(extras["cites"])
    out = []
    for span in spans:
        extras = span._.kg
        submitters = tuple(fold(n) for n in extras["submitters"])
        found = cited.get(submitters) or (cited_first.get(submitters, set()) if len(submitters) == 1 else set())
        if not extras.get("cites") and len(found) == 1 and extras.get("pattern") not in NEW_MOTIONS:
            (cites,) = found
            extras["cites"] = cites
            span = Span(doc, span.start, span.end, label=span.label_, kb_id=cites)
            span._.kg = extras
        out.append(span)
    return out
