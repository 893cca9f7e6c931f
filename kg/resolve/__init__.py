"""Resolution: one entity per real-world thing across the corpus.

Extraction gives each mention a key (a gazetteer id, or ``person/<surname>``);
resolution rewrites keys that name the same thing and groups mentions by the
result. Three steps, each plain data in and out:

1. alias data (``ontology/aliases.ttl``, :mod:`kg.resolve.aliases`): written
   forms and ``owl:sameAs`` pairs users add, e.g. ``org/is`` = ``org/isis``;
2. persons (:mod:`kg.resolve.persons`): one surname key, split by initials
   only where the corpus holds two people of that surname;
3. what stays ambiguous (a bare "Jansen" beside D. and K. Jansen) is kept
   apart under its own key and reported as a :class:`Conflict`.

The result maps every mention to its canonical key (:meth:`Resolution.mention_key`);
graph and exports mint IRIs from those keys. Everything is sorted, so the
result does not depend on document order, and keys of unrelated documents do
not change when a document is added.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from kg.model import Entity, Extraction, Mention
from kg.resolve.aliases import AliasTable
from kg.resolve.persons import PersonIndex, Sig, signature
from kg.resolve.roles import RoleSpell, collect_spells, document_when

log = logging.getLogger(__name__)

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_name(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, for lookups."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub(" ", ascii_text.lower()).strip()


@dataclass(frozen=True)
class Conflict:
    """Mentions that could name more than one entity, kept apart.

    ``key`` is the entity they were kept under, ``candidates`` the entities
    they could be (with ``labels``), ``written`` how the documents wrote them."""

    type: str
    key: str
    written: list[str]
    documents: list[str]
    candidates: list[str]
    labels: list[str]

    def __str__(self) -> str:
        forms = ", ".join(repr(w) for w in self.written)
        options = " or ".join(f"{c} ({lab})" for c, lab in zip(self.candidates, self.labels))
        return (f"{self.type} {forms} in {', '.join(self.documents)} could be {options}; "
                f"kept apart as {self.key}")

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "message": str(self)}


@dataclass
class Resolution:
    """The resolved entities, how mention keys map onto them, and an index of written forms."""

    entities: dict[str, Entity] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    forms: dict[tuple[str, str], str] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    roles: list[RoleSpell] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)
    """Mention key -> entity key, where every mention with that key went to one entity."""
    aliases: AliasTable = field(default_factory=AliasTable)
    persons: PersonIndex = field(default_factory=PersonIndex)

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[key] for key in sorted(self.entities)]

    def key_for(self, key: str, document: str | None = None, *written: str) -> str:
        """The entity key for a mention key, in a document, written as ``written``.

        Unknown keys come back rewritten by the alias data only, so callers can
        always mint an IRI from the result."""
        base = self.aliases.rewrite(key, *written)
        if not base.startswith("person/"):
            return base
        sig: Sig = max((signature(w, key) for w in written), key=len, default=())
        if not sig and key in self.canonical and (document, base) not in self.persons.doc_sigs:
            return self.canonical[key]  # a bare key (an action's agent): where its mentions went
        found = self.persons.canonical(base, sig, document)
        return base if found is None else found

    def mention_key(self, document: str, mention: Mention) -> str:
        """The entity key of one mention of a document."""
        return self.key_for(mention.key, document, mention.text)

    def index(self, entity: Entity, written: Iterable[str]) -> None:
        for form in sorted({entity.label, *entity.aliases, *written}):
            slot = (entity.type, fold_name(form))
            if self.forms.setdefault(slot, entity.key) != entity.key and entity.type == "Person":
                self.forms[slot] = ""  # two people written alike: no lookup by this form
        if entity.type == "Person":
            words = fold_name(entity.label).split()
            if words:
                self.surnames.setdefault(words[-1], set()).add(entity.key)

    def lookup(self, type_: str, written: str, document: str | None = None) -> str | None:
        """The key of the entity of this type written this way, if one fits.

        Persons go through the same initials rules as mentions (in
        ``document``, a bare surname takes that document's initials), then
        match on written form, then on a surname exactly one person has."""
        folded = fold_name(written)
        if not folded:
            return None
        if type_ == "Person":
            from kg.extract.names import person_key

            raw = person_key(written)
            base = self.aliases.rewrite(raw, written)
            sig = self.persons.effective(base, signature(written, raw), document)
            if len(self.persons.candidates(base, sig)) > 1:  # namesakes: only a kept-apart entity fits
                return base if base in self.entities else None
            key = self.key_for(raw, document, written)
            if key in self.entities:
                return key
        key = self.forms.get((type_, folded))
        if key is not None or type_ != "Person":
            return key or None
        candidates = self.surnames.get(folded.split()[-1], set())
        return next(iter(candidates)) if len(candidates) == 1 else None


def _pick_label(mentions: Sequence[Mention]) -> str:
    """The gazetteer label when there is one, else the fullest written form."""
    labels = Counter(m.label for m in mentions)
    if mentions[0].type == "Person":
        return max(labels, key=lambda label: (len(label), labels[label], label))
    return max(labels, key=lambda label: (labels[label], len(label), label))


def build_entity(key: str, mentions: Sequence[Mention]) -> Entity:
    """An entity from all its mentions (or their slim copies); every choice has a tie-break,
    so the order of the mentions never matters."""
    label = _pick_label(mentions)
    aliases = sorted({m.text for m in mentions} | {m.label for m in mentions} - {label})
    kinds = Counter(m.kind for m in mentions if m.kind)
    roles = sorted({role for m in mentions for role in m.roles})
    parties = Counter(m.party for m in mentions if m.party)
    types = Counter(m.type for m in mentions)
    return Entity(
        key=key, type=min(types, key=lambda t: (-types[t], t)), label=label,
        kind=min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None,
        aliases=[a for a in aliases if a != label], roles=roles,
        party=min(parties, key=lambda p: (-parties[p], p)) if parties else None,
    )


class _Slim(NamedTuple):
    """What resolution keeps of a mention: no sentence, no document text; offsets
    only so that a role can point at the mention stating it."""

    type: str
    key: str
    label: str
    text: str
    kind: str | None
    roles: Sequence[str]  # a tuple where the mention is counted (hashed)
    party: str | None
    start: int = 0
    end: int = 0


_Seen = tuple[str, "str | None", str, Sig, _Slim]
"""(document id, date, base key after aliases, signature, mention)."""


def resolve(extractions: Iterable[Extraction], aliases: AliasTable | None = None) -> Resolution:
    """Resolve every mention of every document into entities.

    Reads the extractions once (a stream is fine) and keeps only slim mentions;
    work per written form and per signature is memoised, so the cost grows
    with the mentions, not with their square. ``aliases`` defaults to
    ``ontology/aliases.ttl``."""
    aliases = AliasTable.load() if aliases is None else aliases
    seen: list[_Seen] = []  # mentions of persons, whose key waits for every document's initials
    # Every other mention's key is final once aliased: counted by what resolution reads of it,
    # so memory grows with the distinct written forms, not with the mentions.
    counted: dict[str, Counter[_Slim]] = defaultdict(Counter)
    person_sigs: dict[str, dict[str, set[Sig]]] = defaultdict(lambda: defaultdict(set))
    read: dict[tuple[str, str], tuple[str, Sig]] = {}
    for extraction in extractions:
        doc_id = extraction.document.id
        when = document_when(extraction)
        for m in extraction.mentions:
            hit = read.get((m.key, m.text))
            if hit is None:
                base = aliases.rewrite(m.key, m.text)
                hit = read[(m.key, m.text)] = (base, signature(m.text, m.key) if base.startswith("person/") else ())
            base, sig = hit
            if base.startswith("person/"):
                person_sigs[base][doc_id].add(sig)
            if base.startswith("person/") or m.type == "Person":
                seen.append((doc_id, when, base, sig,
                             _Slim(m.type, m.key, m.label, m.text, m.kind, m.roles, m.party, m.start, m.end)))
            else:
                counted[base][_Slim(m.type, m.key, m.label, m.text, m.kind, tuple(m.roles), m.party)] += 1
    persons = PersonIndex.build(person_sigs)
    resolution = Resolution(aliases=aliases, persons=persons)

    by_key: dict[str, list[_Slim]] = defaultdict(list)
    targets: dict[str, set[str]] = defaultdict(set)
    ambiguous: dict[str, list[_Seen]] = defaultdict(list)
    decided: dict[tuple[str, Sig], list[str]] = {}
    spell_rows = []
    for item in seen:
        doc_id, when, key, sig, mention = item
        if key.startswith("person/"):
            sig = persons.effective(key, sig, doc_id)
            found = decided.get((key, sig))
            if found is None:
                found = decided[(key, sig)] = persons.candidates(key, sig)
            if len(found) > 1:
                ambiguous[key].append(item)
            else:
                key = found[0]
        by_key[key].append(mention)
        targets[mention.key].add(key)
        if mention.type == "Person":
            spell_rows.append((key, mention.roles, mention.party, doc_id, when, mention.start, mention.end))
    for key, slims in counted.items():
        for mention in slims:
            targets[mention.key].add(key)
    for key in sorted(by_key.keys() | counted.keys()):
        mentions = by_key.get(key, []) + list(counted[key].elements())  # one entity's at a time
        entity = build_entity(key, mentions)
        resolution.entities[key] = entity
        resolution.index(entity, (m.text for m in mentions))
    resolution.canonical = {key: next(iter(keys)) for key, keys in sorted(targets.items()) if len(keys) == 1}
    for base in sorted(ambiguous):
        items = ambiguous[base]
        candidates = sorted({key for doc_id, _, _, sig, _ in items
                             for key in decided[(base, persons.effective(base, sig, doc_id))]})
        conflict = Conflict(
            type="Person", key=base, written=sorted({i[4].text for i in items}),
            documents=sorted({i[0] for i in items}), candidates=candidates,
            labels=[resolution.entities[c].label if c in resolution.entities else c for c in candidates])
        log.info("resolution conflict: %s", conflict)
        resolution.conflicts.append(conflict)
    resolution.roles = collect_spells(spell_rows)
    return resolution
