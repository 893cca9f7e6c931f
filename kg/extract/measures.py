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
from kg.extract.normalize import Label, Piece, PieceMatcher, fold, piece_key
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

    def __call__(self, doc: Doc) -> Doc:
        blocked = {i for span in doc.spans.get("kg_organizations", []) for i in range(span.start, span.end)}
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
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[GROUP] = spans
        return doc

    def _numbered(self, doc: Doc) -> list[Span]:
        """'maatregel 30', 'maatregelen 18 en 20a': one span per number."""
        out: list[Span] = []
        broader = [PROGRAMME, *self.ancestors.get(PROGRAMME, ())]
        table = token_table(doc)
        words, space = table.text, table.space
        heads = {word for word in set(words) if piece_key(word, True) in self.heads}  # once per distinct word
        for start in [i for i, word in enumerate(words) if word in heads]:
            found, j = False, start + 1
            while j < len(words):
                if space[j] or (found and fold(words[j]) in self.glue):
                    j += 1
                    continue
                if not self.number.match(words[j]):
                    break
                number = words[j].lower()
                span = Span(doc, start if not found else j, j + 1, label="Measure", kb_id=f"measure/maatregel-{number}")
                span._.kg = {"label": f"maatregel {number}", "broader": broader}
                out.append(span)
                found = True
                j += 1
        return out
