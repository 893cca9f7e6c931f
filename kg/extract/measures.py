"""``kg_measures``: counter-terrorism measures and instruments named in the text.

Two sources:

- the SKOS measure scheme (``ontology/measures.ttl``), matched per word on a
  crude Dutch stem (maatregel/maatregelen, casusoverleg/casusoverleggen) and
  with up to three articles, prepositions or -e adjectives between the words
  of a label, so that "bevriezingen van financiële tegoeden" matches the label
  "bevriezing tegoeden" and the span keeps the reader's whole phrase;
- the numbered measures of the Actieprogramma Integrale Aanpak Jihadisme,
  by the pattern in ``measures_patterns.jsonl``: "maatregel 30", "maatregelen
  18 en 20a", "(maatregel 26 en 30)"; each number is its own concept
  ``measure/maatregel-20a``.

A measure word inside an organisation's name ("Raad voor de
Kinderbescherming") is not a measure: when ``kg_organizations`` ran first,
measure matches inside its spans are dropped. Programmes and strategies marked
``kg:yearSuffix`` take a following year or period into the span
("Nationale Contraterrorisme Strategie 2022–2026").

Spans go to ``doc.spans["kg_measures"]``: label_ "Measure", kb_id_
``measure/<slug>``, ``span._.kg = {"label": prefLabel, "broader": [keys, nearest first]}``.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.names import slug
from kg.extract.normalize import Label, Piece, PieceMatcher, fold, piece_key
from kg.extract.spans import doc_text
from kg.extract.tokens import token_table
from kg.graph.gazetteer import GazetteerEntry, ancestors, load_measures

log = logging.getLogger(__name__)

GROUP = "kg_measures"
PATTERNS = Path(__file__).with_name("measures_patterns.jsonl")
PROGRAMME = "measure/actieprogramma-integrale-aanpak-jihadisme"
FILLERS = frozenset({
    "de", "het", "een", "van", "der", "den", "voor", "tot", "ten", "aan", "op", "in", "met", "bij",
    "uit", "naar", "en", "of", "'t", "s",
})
YEAR = re.compile(r"^(19|20)\d\d([\-\u2013\u2014/](19|20)?\d\d)?$")


def _gap_ok(piece: Piece) -> bool:
    """Words that may sit between the words of a measure label: articles,
    prepositions and inflected adjectives (financiële, jihadistische, lokale)."""
    word = piece.folded
    return word in FILLERS or (word.isalpha() and len(word) >= 4 and word.endswith("e"))


def _load_patterns(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip() and not line.startswith("#")]


@Language.factory("kg_measures", default_config={"gazetteer": None, "max_gap": 3})
def make_measures(nlp: Language, name: str, gazetteer: str | None, max_gap: int) -> "MeasureMatcher":
    """Measures from ``gazetteer`` (a Turtle file; default ontology/measures.ttl)."""
    return MeasureMatcher(nlp, load_measures(gazetteer), max_gap)


class MeasureMatcher:
    """Component: measures into ``doc.spans["kg_measures"]``."""

    def __init__(self, nlp: Language, entries: tuple[GazetteerEntry, ...], max_gap: int = 3) -> None:
        self.entries = {e.key: e for e in entries}
        self.ancestors = ancestors(entries)
        labels: list[Label] = []
        for entry in entries:
            if entry.group:
                continue
            labels += [Label(t, entry.key, case_sensitive=entry.case_sensitive) for t in entry.labels]
            labels += [Label(t, entry.key, case_sensitive=True) for t in entry.exact_labels]
            labels += [Label(t, entry.key, case_sensitive=True, short=True) for t in entry.short_labels]
        self.matcher = PieceMatcher(labels, nlp.make_doc, use_stem=True, max_gap=max_gap, gap_ok=_gap_ok)
        patterns = _load_patterns(PATTERNS)
        self.heads = frozenset(piece_key(w, True) for p in patterns for w in p.get("heads", ()))
        self.number = re.compile(next(p["number"] for p in patterns if "number" in p))
        self.glue = frozenset(w for p in patterns for w in p.get("glue", ()))
        law = next(p for p in patterns if p["id"] == "named-law")
        starts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in law["law_starts"])
        self.law_start = re.compile(rf"(?<![\w-])(?:{starts})[ \t\u00a0]+")
        self.law = law

    def __call__(self, doc: Doc) -> Doc:
        # A measure named by an organisation's name is that organisation ("Landelijk Steunpunt
        # Extremisme"), not one whose word only starts with one ("EU-terrorismelijst").
        blocked = {i for span in doc.spans.get("kg_organizations", []) if not (span._.kg or {}).get("part_of_word")
                   for i in range(span.start, span.end)}
        table = token_table(doc)
        spans: list[Span] = []
        for match in self.matcher.find(doc):
            if all(i in blocked for i in range(match.first_token, match.last_token + 1)):
                continue
            entry = self.entries[match.key]
            end = match.end
            if entry.year_suffix:
                following = [j for j in range(match.last_token + 1, min(match.last_token + 3, len(table)))
                             if not table.space[j]]
                if following and YEAR.match(table.text[following[0]]):
                    end = table.idx[following[0]] + len(table.text[following[0]])
            span = doc.char_span(match.start, end, label="Measure", kb_id=entry.key, alignment_mode="expand")
            if span is not None:
                span._.kg = {"label": entry.label, "broader": list(self.ancestors.get(entry.key, ()))}
                spans.append(span)
        spans += self._numbered(doc)
        spans = _with_laws(spans, self._named_laws(doc, blocked))
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[GROUP] = spans
        return doc

    def _named_laws(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Laws named by their title ('Wet opsporing terroristische misdrijven'), each its own
        measure, where no organisation's name covers the words."""
        text = doc_text(doc)
        out: list[Span] = []
        for start in self.law_start.finditer(text):
            end = _law_title_end(text, start.end(), self.law)
            if end is None:
                continue
            label = re.sub(r"\s+", " ", text[start.start():end])
            span = doc.char_span(start.start(), end, label="Measure", kb_id="measure/" + slug(label),
                                 alignment_mode="contract")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            span._.kg = {"label": label, "broader": []}
            out.append(span)
            taken.update(range(span.start, span.end))
        return out

    def _numbered(self, doc: Doc) -> list[Span]:
        """'maatregel 30', 'maatregelen 18 en 20a': one span per number."""
        out: list[Span] = []
        broader = [PROGRAMME, *self.ancestors.get(PROGRAMME, ())]
        table = token_table(doc)
        text = doc_text(doc)
        words, space = table.text, table.space
        heads = {word for word in set(words) if piece_key(word, True) in self.heads}  # once per distinct word
        for start in [i for i, word in enumerate(words) if word in heads]:
            found, glued, j = False, False, start + 1
            while j < len(words):
                if space[j] and words[j].count("\n") > 1:
                    break  # a new paragraph
                if not found and _contents_entry(text, table.idx[j] + len(words[j])):
                    break  # "2.3 De bestuurlijke maatregelen 4" as a line of its own
                if space[j] or (found and fold(words[j]) in self.glue):
                    glued = glued or not space[j]
                    j += 1
                    continue
                if not self.number.match(words[j]) or (found and not glued):
                    break  # a further number only after "en", "," …: not the next list item's "2."
                number = words[j].lower()
                span = Span(doc, start if not found else j, j + 1, label="Measure", kb_id=f"measure/maatregel-{number}")
                span._.kg = {"label": f"maatregel {number}", "broader": broader}
                out.append(span)
                found, glued = True, False
                j += 1
        return out


# A table of contents' line: a section number, a title, a page number ("2.3 De bestuurlijke maatregelen 4").
_CONTENTS_LINE = re.compile(r"[ \t]*\d+(?:\.\d+)*\.?[ \t]+\S[^\n]*?[ \t]\d{1,3}[ \t]*$")


def _contents_entry(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is a page number in a table of contents:
    it closes a contents line, and the line before or after it is one too (a heading
    "4.2 Maatregel 12" on its own is a measure)."""
    if end < len(text) and text[end] != "\n":
        return False
    start = text.rfind("\n", 0, end) + 1
    if not _CONTENTS_LINE.match(text[start:end]):
        return False
    before = text[max(0, start - 300):start].rstrip("\n").rsplit("\n", 1)[-1]  # contents lines are short
    after = text[end:end + 300].lstrip("\n").split("\n", 1)[0]
    return bool(_CONTENTS_LINE.match(before) or _CONTENTS_LINE.match(after))


def _with_laws(spans: list[Span], laws: list[Span]) -> list[Span]:
    """The measures with the named laws added: a law the gazetteer knows (a measure
    whose span holds the law's first word) stays the gazetteer's; a measure inside a law's
    title ("persoonsgerichte aanpak" in the Wet gegevensverwerking persoonsgerichte
    aanpak …) is part of the law's name and gives way to it."""
    kept_laws = [law for law in laws if not any(s.start <= law.start < s.end for s in spans)]
    inside = {id(s) for s in spans for law in kept_laws if law.start <= s.start and s.end <= law.end}
    return [s for s in spans if id(s) not in inside] + kept_laws


_TITLE_WORD = re.compile(r"[ \t\u00a0]*(?P<word>[^\s,.;:()«»\"“”]+)")


def _verb_like(word: str, law: dict) -> bool:
    """'maakt', 'voorziet': a finite verb, not the first word of a law's title ('veiligheid' is no verb)."""
    return word.endswith(tuple(law["verb_endings"])) and not word.endswith(tuple(law["noun_endings"]))


def _law_title_end(text: str, pos: int, law: dict) -> int | None:
    """Where the title of a law that starts at ``pos`` ends (see the named-law pattern), or None."""
    words: list[tuple[str, int]] = []
    while len(words) < law["max_words"]:
        match = _TITLE_WORD.match(text, pos)
        if match is None:
            break
        word = match.group("word")
        if YEAR.match(word) and words:  # "… veiligheidsdiensten 2017"
            words.append((word, match.end()))
            break
        if not word[:1].islower() or word in law["title_stops"]:
            break
        if not words and (word in law["title_first_not"] or _verb_like(word, law)):
            return None
        words.append((word, match.end()))
        pos = match.end()
    while words and words[-1][0] in law["title_ends_not"]:
        words.pop()
    return words[-1][1] if len(words) >= law["min_words"] else None
