"""Resolution: one entity per real-world thing across the corpus.

Extraction gives each mention a key (a gazetteer id, or a normalised name for
persons); resolution groups mentions by key, picks a label, gathers aliases,
roles and party, and rewrites keys that name the same thing (see
``kg.resolve.merge``). Input and output are plain data.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Entity, Extraction, Mention
from kg.resolve.roles import RoleSpell, role_spells


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_name(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, for lookups."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub(" ", ascii_text.lower()).strip()


@dataclass
class Resolution:
    """The resolved entities, and an index of every written form to its entity."""

    entities: dict[str, Entity] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    forms: dict[tuple[str, str], str] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    roles: list[RoleSpell] = field(default_factory=list)

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[key] for key in sorted(self.entities)]

    def index(self, entity: Entity, written: Iterable[str]) -> None:
        for form in {entity.label, *entity.aliases, *written}:
            self.forms.setdefault((entity.type, fold_name(form)), entity.key)
        if entity.type == "Person":
            words = fold_name(entity.label).split()
            if words:
                self.surnames.setdefault(words[-1], set()).add(entity.key)

    def lookup(self, type_: str, written: str) -> str | None:
        """The key of the entity of this type written this way, if any.

        Persons also match on their surname when exactly one person has it
        ("Grapperhaus" -> F.B.J. Grapperhaus)."""
        folded = fold_name(written)
        key = self.forms.get((type_, folded))
        if key or type_ != "Person" or not folded:
            return key
        candidates = self.surnames.get(folded.split()[-1], set())
        return next(iter(candidates)) if len(candidates) == 1 else None


def _pick_label(mentions: list[Mention]) -> str:
    """The gazetteer label when there is one, else the fullest written form."""
    labels = Counter(m.label for m in mentions)
    if mentions[0].type == "Person":
        return max(labels, key=lambda label: (len(label), labels[label], label))
    return max(labels, key=lambda label: (labels[label], len(label), label))


def build_entity(key: str, mentions: list[Mention]) -> Entity:
    label = _pick_label(mentions)
    aliases = sorted({m.text for m in mentions} | {m.label for m in mentions} - {label})
    kinds = Counter(m.kind for m in mentions if m.kind)
    roles = sorted({role for m in mentions for role in m.roles})
    parties = Counter(m.party for m in mentions if m.party)
    return Entity(
        key=key, type=mentions[0].type, label=label,
        kind=kinds.most_common(1)[0][0] if kinds else None,
        aliases=[a for a in aliases if a != label], roles=roles,
        party=min(parties, key=lambda p: (-parties[p], p)) if parties else None,
    )


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Group every mention of every document into entities by key."""
    extractions = list(extractions)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for extraction in extractions:
        for mention in extraction.mentions:
            by_key[mention.key].append(mention)
    resolution = Resolution()
    for key in sorted(by_key):
        entity = build_entity(key, by_key[key])
        resolution.entities[key] = entity
        resolution.index(entity, (m.text for m in by_key[key]))
    resolution.roles = role_spells(extractions)
    return resolution
