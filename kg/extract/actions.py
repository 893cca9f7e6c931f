"""Who did what: the ``kg_actions`` component.

Without a dependency parser, an action is read from the shape of a Dutch
clause: the subject stands first (``De AIVD verstrekte ...``) or right after
the finite verb (``Sinds 2014 heeft de AIVD ... verstrekt``, ``Met deze brief
bied ik u ... aan``), the verb of a subordinate clause comes last (``dat de
NCTV gemeenten kan wijzen op ...``) and a passive names its agent with
``door``. The rules are precise rather than greedy, since a wrong row is
worse than a missing one: the agent must be an entity span (or ``ik`` /
``wij`` / ``het kabinet``) standing as the clause's subject, never one inside
a prepositional phrase; questions, relative and conditional clauses give no
action. Trigger verbs come from ``ontology/actions.ttl`` (via
``kg.graph.actions_lexicon``), function words from ``actions.jsonl``.

Entity spans come from the other components' groups (``kg_organizations``,
``kg_persons``, ``kg_measures``, ``kg_citations``, ``kg_motions``); any of
them may be missing, in which case fewer actions are found.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import spans as _spans  # noqa: F401  (registers the extensions)
from kg.extract.actions_clauses import Clause, clauses
from kg.extract.spans import doc_metadata, doc_text
from kg.extract.verb_forms import BASE, FIN, FIN1, PART, Form, form_table
from kg.model import Relation

log = logging.getLogger(__name__)

PATTERNS = Path(__file__).with_name("actions.jsonl")
GROUP = "kg_actions"
AGENT_LABELS = frozenset({"Organization", "Person"})
ENTITY_GROUPS = ("kg_organizations", "kg_persons", "kg_measures", "kg_citations", "kg_motions")
CABINET = "org/kabinet"
PRIMARY_OBJECTS = frozenset({"Measure", "Citation", "Motion"})


@lru_cache(maxsize=4)
def load_words(path: Path = PATTERNS) -> dict[str, frozenset[str]]:
    """The function-word classes of ``actions.jsonl`` by name."""
    words: dict[str, frozenset[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            if "name" not in entry or "words" not in entry:
                raise ValueError(f"{path}:{number}: a pattern line needs 'name' and 'words'")
            words[entry["name"]] = frozenset(w.lower() for w in entry["words"])
    return words


def signatory_key(name: str) -> str:
    """``person/<surname slug>`` of a signatory such as "D. Yeşilgöz-Zegerius".

    Uses ``kg.extract.names.person_key`` when that module exists (the persons
    component's key); otherwise a local fallback that drops the initials and
    slugs the rest the same way, so both agree on the usual "I.W. Opstelten".
    """
    try:
        from kg.extract.names import person_key  # type: ignore[import-not-found]
    except ImportError:
        person_key = None
    if person_key is not None:
        return person_key(name)
    import re
    import unicodedata

    rest = re.sub(r"^(?:(?:[A-Z][a-z]{0,2}\.|[A-Z]\.)\s*)+", "", name.strip())
    ascii_text = unicodedata.normalize("NFKD", rest).encode("ascii", "ignore").decode()
    return "person/" + (re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x")


@dataclass(frozen=True)
class Ent:
    """An entity candidate in token space: a span of another component or a pronoun."""

    key: str
    label: str
    start: int
    end: int
    text: str


class ActionExtractor:
    """Reads who-did-what actions off the clauses of each sentence."""

    def __init__(self, lexicon_path: str | None = None, patterns_path: str | None = None,
                 skip_questions: bool = True) -> None:
        from kg.graph.actions_lexicon import load_lexicon

        lexicon = load_lexicon(Path(lexicon_path) if lexicon_path else None)
        self.forms = form_table(lexicon["verbs"])
        self.max_form_len = max(len(key) for key in self.forms)
        self.first_words = frozenset(key[0] for key in self.forms)
        self.words = load_words(Path(patterns_path) if patterns_path else PATTERNS)
        self.skip_questions = skip_questions
        w = self.words
        self.aux = w["aux_perfect"] | w["aux_passive"] | w["modals"]

    # ------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        entities = self._entities(doc)
        found: list[Span] = []
        text = doc_text(doc)
        for sent in doc.sents:
            if self.skip_questions and text[sent.start_char:sent.end_char].rstrip().endswith("?"):
                continue
            for clause in clauses(sent, self.words, self._starts_subject_and_verb(entities), self._is_verb):
                found.extend(self._clause_actions(doc, clause, entities))
        doc.spans[GROUP] = found
        return doc

    # ------------------------------------------------------------ entities
    def _entities(self, doc: Doc) -> dict[int, Ent]:
        """Start token -> longest entity span there, over all present groups."""
        text = doc_text(doc)  # span.text would join the span's tokens again
        at: dict[int, Ent] = {}
        for group in ENTITY_GROUPS:
            if group not in doc.spans:
                continue
            for span in doc.spans[group]:
                if not span.kb_id_:
                    continue
                old = at.get(span.start)
                if old is None or span.end > old.end:
                    at[span.start] = Ent(span.kb_id_, span.label_, span.start, span.end,
                                         text[span.start_char:span.end_char])
        return at

    def _signatory(self, doc: Doc) -> str | None:
        signatories = getattr(doc_metadata(doc), "signatories", None)
        return signatory_key(signatories[0]) if signatories else None

    def _entity_at(self, c: Clause, p: int, entities: dict[int, Ent]) -> tuple[Ent, int] | None:
        """The entity starting at clause position p (after a determiner), and the position after it."""
        w = self.words
        if p >= len(c):
            return None
        word = c.word(p)
        if word in w["first_person_singular"]:
            key = self._signatory(c.doc)
            return (Ent(key, "Person", c.toks[p], c.toks[p] + 1, c.doc[c.toks[p]].text), p + 1) if key else None
        if word in w["first_person_plural"]:
            return Ent(CABINET, "Organization", c.toks[p], c.toks[p] + 1, c.doc[c.toks[p]].text), p + 1
        for q in (p, p + 1):
            if q > p and word not in w["determiners"]:
                break
            if q >= len(c):
                return None
            ent = entities.get(c.toks[q])
            if ent is not None:
                end = c.pos_of(ent.end - 1)
                return (ent, end + 1) if end is not None else None
            if q > p and c.word(q) in w["cabinet_nouns"]:
                tok = c.toks[q]
                return Ent(CABINET, "Organization", c.toks[p], tok + 1, c.doc[c.toks[p]:tok + 1].text), q + 1
        return None

    def _subjects_at(self, c: Clause, p: int, entities: dict[int, Ent]) -> tuple[list[Ent], int] | None:
        """A subject at p with coordinated ones: 'de AIVD en de politie', 'zowel X als Y'."""
        first = self._entity_at(c, p, entities)
        if first is None:
            return None
        subjects, q = [first[0]], first[1]
        while q < len(c) and c.word(q) in {"en", ",", "als"}:
            more = self._entity_at(c, q + 1, entities)
            if more is None:
                break
            subjects.append(more[0])
            q = more[1]
        return subjects, q

    def _starts_subject_and_verb(self, entities: dict[int, Ent]):
        """For clause splitting: does a new main clause start at p ('en de politie hield ...')?"""
        def test(c: Clause, p: int) -> bool:
            found = self._subjects_at(c, p, entities)
            if found is None:
                return p < len(c) and self._finite(c, p, None) is not None
            subjects, q = found
            return self._finite(c, self._skip_modifiers(c, q), subjects) is not None
        return test

    # ------------------------------------------------------------ verbs
    def _is_verb(self, c: Clause, p: int) -> bool:
        """A known verb form at p (auxiliary, modal or any trigger form)."""
        return c.word(p) in self.aux or bool(self._forms_at(c, p))

    def _forms_at(self, c: Clause, p: int) -> list[tuple[Form, int]]:
        """Trigger forms starting at p with their length in tokens, longest first.

        Asked many times per position while a clause is read, so kept in ``c.memo``;
        callers only read the list."""
        words = c.words
        if not 0 <= p < len(words) or words[p] not in self.first_words:
            return []
        key = ("forms", p)
        out = c.memo.get(key)
        if out is None:
            out = c.memo[key] = []
            for length in range(min(self.max_form_len, len(words) - p), 0, -1):
                out.extend((form, length) for form in self.forms.get(tuple(words[p:p + length]), ()))
        return out

    @staticmethod
    def _person_ok(form: Form, subjects: list[Ent] | None, first_person: bool) -> bool:
        if form.kind == FIN1:
            return first_person
        if form.kind == BASE:
            return subjects is not None and (len(subjects) > 1 or any(s.key == CABINET and len(s.text) <= 3 for s in subjects))
        return form.kind == FIN

    def _finite(self, c: Clause, p: int, subjects: list[Ent] | None, following: list[Ent] | None = None) -> str | list[tuple[Form, int]] | None:
        """At p a finite verb of a main clause: 'aux' for an auxiliary or modal, or the split/simple trigger forms."""
        if p >= len(c):
            return None
        if c.word(p) in self.aux:
            return "aux"
        who = subjects if subjects is not None else following
        first_person = bool(who) and c.word_of_token(who[0].start) in self.words["first_person_singular"]
        ok = [(f, n) for f, n in self._forms_at(c, p)
              if not f.joined and n == 1 and self._person_ok(f, who, first_person)]
        return ok or None

    def _particle_at(self, c: Clause, after: int, particle: tuple[str, ...]) -> int | None:
        """Position of a split particle later in the clause, standing clause-final or before a preposition."""
        n = len(particle)
        for q in range(after + 1, len(c) - n + 1):
            if tuple(c.word(q + i) for i in range(n)) != particle:
                continue
            nxt = q + n
            if nxt == len(c) or c.is_punct(nxt) or c.word(nxt) in self.words["prepositions"]:
                return q
        return None

    def _nonfinite_after(self, c: Clause, start: int, kinds: set[str]) -> tuple[Form, int, int] | None:
        """First participle / infinitive trigger after start: (form, position, length)."""
        w = self.words
        for q in range(start + 1, len(c)):
            for form, n in self._forms_at(c, q):
                if form.kind not in kinds or form.particle is not None:
                    continue
                if q > 0 and c.word(q - 1) == "te":
                    continue
                if form.kind == BASE:
                    nxt = q + n
                    if not (nxt == len(c) or c.is_punct(nxt) or c.word(nxt) in w["prepositions"]
                            or c.word(nxt) in self.aux):
                        continue
                return form, q, n
        return None

    # ------------------------------------------------------------ clauses
    def _skip_modifiers(self, c: Clause, q: int) -> int:
        """Past a parenthesis, commas or a short PP qualifying the subject."""
        w = self.words
        while q < len(c):
            if c.word(q) == "(":
                close = next((r for r in range(q + 1, min(len(c), q + 12)) if c.word(r) == ")"), None)
                if close is None:
                    return q
                q = close + 1
            elif c.word(q) == ",":
                q += 1
            elif c.word(q) in w["subject_modifier_preps"]:
                end = next((r for r in range(q + 1, min(len(c), q + 6)) if self._finite(c, r, None) == "aux"
                            or c.word(r) in self.aux or self._forms_at(c, r)), None)
                if end is None or any(c.is_punct(r) for r in range(q + 1, end)):
                    return q
                return end
            else:
                return q
        return q

    def _clause_actions(self, doc: Doc, c: Clause, entities: dict[int, Ent]) -> list[Span]:
        if c.kind == "main":
            return self._main(doc, c, entities)
        if c.kind == "sub":
            return self._sub(doc, c, entities)
        return []

    def _main(self, doc: Doc, c: Clause, entities: dict[int, Ent]) -> list[Span]:
        w = self.words
        p = 0
        while p < len(c) and c.word(p) in w["subject_lead"]:
            p += 1
        subjects: list[Ent] | None = None
        fin = finite = None
        found = self._subjects_at(c, p, entities)
        if found is not None:
            q = self._skip_modifiers(c, found[1])
            finite = self._finite(c, q, found[0])
            if finite is not None:
                subjects, fin = found[0], q
        if fin is None:
            for q in range(0 if c.verb_first_ok else 1, len(c)):
                if c.words[q] not in self.aux and not self._forms_at(c, q):
                    continue  # no finite verb here, whatever follows (_finite's first tests)
                after = self._subjects_at(c, q + 1, entities)
                finite = self._finite(c, q, None, after[0] if after else None)
                if finite is None:
                    continue
                if after is not None:
                    subjects, fin = after[0], q
                    break
                if finite == "aux":
                    fin = q
                    break
        if fin is None:
            return []
        return self._read_verbs(doc, c, subjects, fin, finite, entities)

    def _read_verbs(self, doc: Doc, c: Clause, subjects: list[Ent] | None, fin: int,
                    finite: object, entities: dict[int, Ent]) -> list[Span]:
        w = self.words
        word = c.word(fin)
        if finite != "aux":
            for form, _ in finite:  # type: ignore[union-attr]
                if form.particle is None:
                    return self._emit(doc, c, subjects, form, [fin], "active", entities, fin)
                q = self._particle_at(c, fin, form.particle)
                if q is not None:
                    return self._emit(doc, c, subjects, form, [fin, *range(q, q + len(form.particle))], "active", entities, fin)
            return []
        passive_aux = word in w["aux_passive"] or (word in w["modals"] and any(
            c.word(r) in {"worden", "zijn"} for r in range(fin + 1, len(c))))
        if word in w["aux_perfect"] or word in w["aux_passive"] or passive_aux:
            hit = self._nonfinite_after(c, fin, {PART})
            if hit is not None:
                voice = "passive" if passive_aux else "active"
                return self._emit(doc, c, subjects, hit[0], [fin, *range(hit[1], hit[1] + hit[2])], voice, entities, fin)
            return []
        hit = self._nonfinite_after(c, fin, {BASE, PART} if "hebben" in c.words_after(fin) else {BASE})
        if hit is None:
            return []
        return self._emit(doc, c, subjects, hit[0], [fin, *range(hit[1], hit[1] + hit[2])], "active", entities, fin)

    def _sub(self, doc: Doc, c: Clause, entities: dict[int, Ent]) -> list[Span]:
        p = 1
        if p < len(c) and c.word(p) == "er":
            p += 1
        found = self._subjects_at(c, p, entities)
        subjects = found[0] if found else None
        start = found[1] - 1 if found else p - 1
        first_person = bool(subjects) and c.word_of_token(subjects[0].start) in self.words["first_person_singular"]
        has_passive_aux = any(c.word(r) in self.words["aux_passive"] for r in range(start + 1, len(c)))
        for q in range(start + 1, len(c)):
            for form, n in self._forms_at(c, q):
                if form.particle is not None or (q > 0 and c.word(q - 1) == "te"):
                    continue
                if form.kind == BASE and not (c.word(q - 1) in self.aux and c.word(q - 1) not in self.words["aux_passive"]):
                    continue
                if form.kind in (FIN, FIN1) and form.kind != PART and not self._person_ok(form, subjects, first_person):
                    continue
                voice = "passive" if form.kind == PART and has_passive_aux else "active"
                # verb-final: the object stands between subject and verb, or in a phrase after it
                return self._emit(doc, c, subjects, form, list(range(q, q + n)), voice, entities, start)
        return []

    # ------------------------------------------------------------ results
    def _door_agent(self, c: Clause, entities: dict[int, Ent]) -> Ent | None:
        for q in range(len(c) - 1):
            if c.word(q) in self.words["passive_agent_preps"]:
                hit = self._entity_at(c, q + 1, entities)
                if hit is not None and hit[0].label in AGENT_LABELS:
                    return hit[0]
        return None

    def _negated(self, c: Clause) -> bool:
        w = self.words
        for q in range(len(c)):
            if c.word(q) in w["negations"]:
                if q + 1 < len(c) and c.word(q + 1) in w["negation_exceptions"]:
                    continue
                return True
        return False

    def _object(self, c: Clause, region_start: int, cls: str, exclude: set[int],
                entities: dict[int, Ent], agents: list[Ent]) -> Ent | None:
        """The object: the first measure/citation/motion after the verb, else an actor not inside a blocked PP."""
        w = self.words
        agent_keys = {a.key for a in agents}
        primary: Ent | None = None
        actor: Ent | None = None
        for q in range(region_start, len(c)):
            ent = entities.get(c.toks[q])
            if ent is None or ent.start in exclude or ent.key in agent_keys or c.pos_of(ent.end - 1) is None:
                continue
            prev = q - 1
            while prev >= 0 and c.word(prev) in w["determiners"]:
                prev -= 1
            prep = c.word(prev) if prev >= 0 else ""
            if ent.label in AGENT_LABELS:
                if cls == "cooperates" and prep != "met":
                    continue
                if prep in w["blocked_object_preps"] or actor is not None:
                    continue
                actor = ent
            elif primary is None and cls != "cooperates":
                primary = ent
        return primary or actor

    def _document_object(self, c: Clause) -> bool:
        w = self.words
        for q in range(len(c)):
            if c.word(q) in {"hierbij", "bijgaand"}:
                return True
            if c.word(q) in w["document_deixis"] and q + 1 < len(c) and (
                    c.word(q + 1) in w["document_nouns"] or (q + 2 < len(c) and c.word(q + 2) in w["document_nouns"])):
                return True
        return False

    def _emit(self, doc: Doc, c: Clause, subjects: list[Ent] | None, form: Form, verb_pos: list[int],
              voice: str, entities: dict[int, Ent], region: int) -> list[Span]:
        """Spans for the action; the object is sought after clause position ``region``."""
        if voice == "passive":
            agent = self._door_agent(c, entities)
            if agent is None:
                return []
            agents = [agent]
            patient = subjects[0] if subjects and subjects[0].key != agent.key else None
        else:
            if not subjects or any(s.label not in AGENT_LABELS for s in subjects):
                return []
            agents, patient = subjects, None
        exclude = {a.start for a in agents} | ({s.start for s in subjects} if subjects else set())
        obj = patient or self._object(c, region + 1, form.cls, exclude, entities, agents)
        object_key = obj.key if obj else None
        object_text = obj.text if obj else None
        if obj is None and form.cls == "informs" and self._document_object(c) and doc._.kg_document is not None:
            object_key, object_text = doc._.kg_document.id, None
        negated = self._negated(c)
        out: list[Span] = []
        for verb, where in [(form, verb_pos), *self._coordinated_verbs(c, max(verb_pos), form)]:
            positions = sorted({c.toks[p] for p in where})
            tokens = list(positions)
            if obj is not None:
                tokens += [obj.start, obj.end - 1]
            for agent in agents:
                # one span per agent, bounded by that agent: spans with equal bounds would share span._
                bounds = tokens + [agent.start, agent.end - 1]
                span = Span(doc, min(bounds), max(bounds) + 1, label="Action", kb_id=verb.cls)
                span._.kg = {
                    "verb": verb.lemma, "class": verb.cls, "agent": agent.key, "object": object_key,
                    "agent_text": agent.text, "object_text": object_text, "voice": voice, "negated": negated,
                    "trigger": " ".join(doc[t].text for t in positions),
                }
                out.append(span)
        return out

    def _coordinated_verbs(self, c: Clause, last: int, form: Form) -> list[tuple[Form, list[int]]]:
        """Triggers coordinated with a non-finite or joined one: 'ontwikkelen, inzetten en evalueren',
        'gemonitord en verwijderd'. Split finite forms share no such lists."""
        if form.particle is not None:
            return []
        out: list[tuple[Form, list[int]]] = []
        q = last + 1
        while q + 1 < len(c) and c.word(q) in {",", "en"}:
            hits = [(f, n) for f, n in self._forms_at(c, q + 1) if f.kind == form.kind and f.particle is None]
            if not hits:
                break
            verb, n = hits[0]
            out.append((verb, list(range(q + 1, q + 1 + n))))
            if c.word(q) == "en":
                break
            q += 1 + n
        return out


def span_to_relation(span: Span) -> Relation:
    """A ``kg_actions`` span as the plain-data Relation of kg.model."""
    extras = span._.kg or {}
    sent = span.sent.text.strip()
    return Relation(agent=extras["agent"], action=extras["verb"], action_class=extras["class"],
                    object=extras.get("object"), text=span.text, start=span.start_char,
                    end=span.end_char, sentence=sent)


def relations(doc: Doc, include_negated: bool = False) -> list[Relation]:
    """The document's actions as Relations, negated ones left out unless asked for
    (Relation has no negation field, and "did not deploy" is no deployment)."""
    out = [span_to_relation(s) for s in doc.spans.get(GROUP, [])
           if include_negated or not (s._.kg or {}).get("negated")]
    return sorted(out, key=lambda r: (r.start, r.end, r.agent, r.action))


@Language.factory(GROUP, default_config={"lexicon_path": None, "patterns_path": None, "skip_questions": True})
def make_actions(nlp: Language, name: str, lexicon_path: str | None, patterns_path: str | None,
                 skip_questions: bool) -> ActionExtractor:
    """The who-did-what component; paths default to ontology/actions.ttl and actions.jsonl."""
    return ActionExtractor(lexicon_path=lexicon_path, patterns_path=patterns_path, skip_questions=skip_questions)
