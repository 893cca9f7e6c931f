"""Resolution: one entity per real-world thing across the corpus.

Extraction gives each mention a key (a gazetteer id, or a normalised name for
persons); resolution groups mentions by key, picks a label, gathers aliases,
roles and party, and rewrites keys that name the same thing (see
``kg.resolve.merge``). Input and output are plain data.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Entity, Extraction, Mention


@dataclass
class Resolution:
    """The resolved entities, and for each document the canonical key of each mention."""

    entities: dict[str, Entity] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[key] for key in sorted(self.entities)]


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
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for extraction in extractions:
        for mention in extraction.mentions:
            by_key[mention.key].append(mention)
    resolution = Resolution()
    for key in sorted(by_key):
        resolution.entities[key] = build_entity(key, by_key[key])
    return resolution
