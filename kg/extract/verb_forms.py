"""Inflected forms of the trigger verbs, generated from their lemma.

The lexicon (``ontology/actions.ttl``) lists each verb once, by its
infinitive, with its separable particle and any irregular (strong) forms.
Dutch weak inflection is regular enough to generate the rest: the stem
(``verstrekken`` -> ``verstrek``), present (``verstrekt``), past with the
't kofschip rule (``verstrekte``, ``meldde``), the participle (``verstrekt``,
``gesignaleerd``, ``ingezet``). Where a spelling rule cannot tell
(``delen`` -> ``deel`` but ``ontwikkelen`` -> ``ontwikkel``) both spellings
are generated: a form that is no Dutch word never occurs in a text, so
over-generation costs nothing while a missing form loses a fact.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

VOWELS = set("aeiouyäëïöüé")
KOFSCHIP = set("tkfschpx")
UNSTRESSED_PREFIXES = ("be", "ge", "her", "ont", "ver", "er", "onder", "over")
DIAERESIS = {"e": "ë", "i": "ï", "u": "ü"}
DIGRAPHS = {"aa", "ee", "oo", "uu", "ie", "oe", "eu", "ou", "ei", "ui", "au", "ij"}

FIN1 = "fin1"   # first person singular present: "ik steun"
FIN = "fin"     # other finite forms: "steunt", "steunde", "steunden"
BASE = "base"   # infinitive and present plural: "steunen"
PART = "part"   # past participle: "gesteund"


@dataclass(frozen=True)
class Form:
    """One written form of a trigger verb.

    ``particle`` is set on split forms of separable verbs ("zet" of
    "inzetten"), which only count when the particle follows later in the
    clause; ``joined`` marks forms with the particle attached ("inzet",
    "ingezet"), finite ones of which occur in subordinate clauses only."""

    lemma: str
    cls: str
    kind: str
    particle: tuple[str, ...] | None = None
    joined: bool = False


def _stems(base: str) -> list[tuple[str, str]]:
    """(stem, letter deciding the past suffix) pairs for a weak verb."""
    body = base[:-2] if base.endswith("en") else base[:-1]
    if len(body) < 2:
        return [(body, body[-1:])]
    last = body[-1]
    if last not in VOWELS and body[-2] == last:
        return [(body[:-1], last)]
    stems = [body]
    if last not in VOWELS and body[-2] in "aeou" and len(body) >= 3 and body[-3:-1] not in DIGRAPHS:
        stems.append(body[:-1] + body[-2] + last)        # open syllable: del-en -> deel
    devoice = {"v": "f", "z": "s"}
    return [(s[:-1] + devoice.get(s[-1], s[-1]), last) for s in stems]


def _participles(base: str, stem: str, past_letter: str) -> list[str]:
    suffix = "" if stem[-1] in "td" else ("t" if past_letter in KOFSCHIP else "d")
    if base.startswith(UNSTRESSED_PREFIXES):
        return [stem + suffix]
    forms = ["ge" + stem + suffix]
    if stem[0] in DIAERESIS:
        forms.append("ge" + DIAERESIS[stem[0]] + stem[1:] + suffix)
    return forms


def weak_forms(base: str) -> list[tuple[str, str]]:
    """(form, kind) for a weak verb given without its particle."""
    out: list[tuple[str, str]] = [(base, BASE)]
    for stem, letter in _stems(base):
        past = stem + ("te" if letter in KOFSCHIP else "de")
        out += [(stem, FIN1), (stem if stem.endswith("t") else stem + "t", FIN), (past, FIN), (past + "n", FIN)]
        out += [(p, PART) for p in _participles(base, stem, letter)]
    return out


def verb_forms(lemma: str, cls: str, particle: str | None, irregular: Iterable[str]) -> list[tuple[tuple[str, ...], Form]]:
    """Every (token sequence, Form) of one verb, split and joined."""
    part_words = tuple(particle.lower().split()) if particle else ()
    base = lemma.lower()
    if part_words:
        prefix = "".join(part_words) if len(part_words) == 1 else " ".join(part_words) + " "
        base = base[len(prefix):] if base.startswith(prefix) else base
    forms = weak_forms(base)
    for word in irregular:
        word = word.lower()
        forms.append((word, PART))
        if not word.startswith("ge") or base.startswith("ge"):
            forms.append((word, FIN))
    out: list[tuple[tuple[str, ...], Form]] = []
    for word, kind in forms:
        if not part_words:
            out.append(((word,), Form(lemma, cls, kind)))
            continue
        if kind != PART:
            out.append(((word,), Form(lemma, cls, kind, particle=part_words)))
        joined = (part_words[0] + word,) if len(part_words) == 1 else part_words + (word,)
        out.append((joined, Form(lemma, cls, kind, joined=True)))
    return out


def form_table(verbs: Iterable[dict]) -> dict[tuple[str, ...], list[Form]]:
    """Token sequence (lower case) -> the Forms it can be, for the lexicon's verbs."""
    table: dict[tuple[str, ...], set[Form]] = defaultdict(set)
    for verb in verbs:
        for key, form in verb_forms(verb["lemma"], verb["class"], verb.get("particle"), verb.get("irregular", ())):
            table[key].add(form)
    return {key: sorted(forms, key=lambda f: (f.lemma, f.kind, f.joined)) for key, forms in table.items()}
