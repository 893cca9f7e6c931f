"""Score extraction output against document-level gold annotations.

Gold (../shared/gold, format in its GUIDELINES.md) lists what a careful
reader finds in each document: organisations, persons with roles and
parties, motions, cited documents and measures, each once per document.
``score`` compares that with the extraction JSON of DESIGN.md and gives
precision, recall and F1 per category (micro-averaged over documents), the
misses and false positives per document, and for persons how often the
roles and party are right.

Matching is meant to agree with a reader, not with a string compare: case,
accents, hyphens and dashes, punctuation, quotes, whitespace and a leading
article are folded away on both sides; persons match on surname (initials,
first names and titles ignored). Each gold item is matched at most once and
each prediction at most once (a maximum bipartite matching, so one greedy
choice cannot steal another item's only partner).
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CATEGORIES = ("organizations", "persons", "motions", "citations", "measures")
ENTITY_TYPES = {"Organization": "organizations", "Person": "persons", "Measure": "measures"}

LEADING_ARTICLES = frozenset({"de", "het", "een", "the"})
"""Articles a reader ignores at the start of a name ("de politie" = "politie")."""
NAME_PARTICLES = frozenset({"van", "der", "den", "de", "ter", "ten", "te", "t", "'t", "in", "op", "von", "la", "le", "du", "da", "di"})
"""Dutch and other surname particles: the surname starts at the first one."""
TITLES_RE = re.compile(
    r"^(?:(?:de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|mr\.|dr\.|drs\.|ir\.|prof\.|minister|staatssecretaris|"
    r"het\s+lid|lid|sheikh)\s+)+",
    re.IGNORECASE,
)
"""Titles and forms of address before a name, which do not make it a different person."""
INITIALS_RE = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.)+$")
"""A token of initials: D., I.W., F.B.J., Th."""
_EXTRA_FOLDS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})
_WORD_RE = re.compile(r"[^\W_]+")


class EvaluationError(Exception):
    """Gold data cannot be used at all (missing directory, no gold files)."""


# --- folding -----------------------------------------------------------------
def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD_RE.findall(text.casefold().translate(_EXTRA_FOLDS))


def fold(text: str | None) -> str:
    """A form of ``text`` two readers would agree is the same name.

    Case, accents, punctuation (quotes, », hyphens, dashes, slashes),
    whitespace and one leading article (de, het, een, the) are dropped:
    "de Hazimi-beweging" and "Hazimi beweging" both fold to "hazimibeweging",
    "D»66" and "D66" to "d66".
    """
    words = _words(text or "")
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return "".join(words)


def surname_keys(name: str) -> set[str]:
    """Folded keys a person is recognised by: the name without titles and
    initials, and the surname (from the first particle, else the last word).

    "D. Yeşilgöz-Zegerius" -> {"yesilgozzegerius"}; "Michon Derkzen" ->
    {"michonderkzen", "derkzen"}; "Van der Plas" -> {"vanderplas"}.
    """
    rest = TITLES_RE.sub("", (name or "").strip())
    tokens = [t for t in rest.split() if not INITIALS_RE.match(t)]
    if not tokens:
        return set()
    keys = {"".join(_words(" ".join(tokens)))}
    start = len(tokens) - 1
    for index, token in enumerate(tokens[:-1]):
        if token.casefold() in NAME_PARTICLES:
            start = index
            break
    keys.add("".join(_words(" ".join(tokens[start:]))))
    keys.discard("")
    return keys


# --- gold --------------------------------------------------------------------
@dataclass
class GoldEntity:
    """A gold organisation, person or measure (roles and party for persons)."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    roles: list[str] = field(default_factory=list)
    party: str | None = None

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class GoldMotion:
    submitters: list[str]
    cites: str | None = None
    surface: str = ""


@dataclass
class GoldDocument:
    """One gold file: what a careful reader finds in one source document."""

    source: str
    document: dict[str, Any]
    organizations: list[GoldEntity]
    persons: list[GoldEntity]
    motions: list[GoldMotion]
    citations: list[str]
    measures: list[GoldEntity]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GoldDocument:
        def entities(key: str) -> list[GoldEntity]:
            return [GoldEntity(name=e["name"], aliases=list(e.get("aliases") or []), kind=e.get("kind"),
                               roles=list(e.get("roles") or []), party=e.get("party"))
                    for e in data.get(key) or []]

        return cls(
            source=data["source"],
            document=dict(data.get("document") or {}),
            organizations=entities("organizations"),
            persons=entities("persons"),
            motions=[GoldMotion(list(m.get("submitters") or []), m.get("cites"), m.get("surface", ""))
                     for m in data.get("motions") or []],
            citations=list(data.get("citations") or []),
            measures=entities("measures"),
        )


def load_gold(gold_dir: Path) -> dict[str, GoldDocument]:
    """Every ``*.json`` gold file in ``gold_dir``, keyed by its "source" name.

    A file that cannot be read is reported in one log line naming it and
    skipped; a missing directory or one without any gold is an
    ``EvaluationError``.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluationError(f"gold directory not found: {gold_dir}")
    gold: dict[str, GoldDocument] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            doc = GoldDocument.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.error("%s: not a usable gold file (%s)", path, exc)
            continue
        gold[doc.source] = doc
    if not gold:
        raise EvaluationError(f"no gold files in {gold_dir}")
    return gold


# --- matching ----------------------------------------------------------------
def _max_matching(edges: list[list[int]], n_gold: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): prediction index -> gold index."""
    gold_to_pred: dict[int, int] = {}

    def augment(pred: int, seen: set[int]) -> bool:
        for g in edges[pred]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = pred
                return True
        return False

    for pred in range(len(edges)):
        augment(pred, set())
    return {p: g for g, p in gold_to_pred.items()}


def _edges_by_keys(gold_keys: list[set[str]], pred_keys: list[set[str]]) -> list[list[int]]:
    """For each prediction, the gold items sharing a key (via an index, not a scan)."""
    index: dict[str, list[int]] = {}
    for g, keys in enumerate(gold_keys):
        for key in keys:
            index.setdefault(key, []).append(g)
    return [sorted({g for key in keys for g in index.get(key, ())}) for keys in pred_keys]


def _entity_forms(entity: Mapping[str, Any]) -> list[str]:
    forms = [entity.get("label") or "", *(entity.get("aliases") or [])]
    forms += [m.get("text") or "" for m in entity.get("mentions") or []]
    return [f for f in forms if f]


def _fold_set(forms: Iterable[str], folder: Callable[[str], set[str]]) -> set[str]:
    keys: set[str] = set()
    for form in forms:
        keys.update(folder(form))
    keys.discard("")
    return keys


def _name_keys(name: str) -> set[str]:
    return {fold(name)}


def _submitters_match(gold: list[str], pred: list[str]) -> bool:
    if not gold or len(gold) != len(pred):
        return False
    pred_keys = [surname_keys(p) for p in pred]
    edges = _edges_by_keys([surname_keys(g) for g in gold], pred_keys)
    return len(_max_matching(edges, len(gold))) == len(gold)


# --- scores ------------------------------------------------------------------
@dataclass
class Score:
    """Counts and the measures derived from them (empty sides count as perfect)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class PersonAttributes:
    """Of the matched persons, how many have the gold roles and party."""

    matched: int = 0
    roles_right: int = 0
    party_right: int = 0
    both_right: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.both_right / self.matched if self.matched else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "roles_right": self.roles_right, "party_right": self.party_right,
                "both_right": self.both_right, "share": round(self.share, 4), "wrong": self.wrong}


@dataclass
class Report:
    """Scores per category, misses and false positives per document."""

    categories: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    documents: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)
    persons: PersonAttributes = field(default_factory=PersonAttributes)
    unscored: list[str] = field(default_factory=list)

    def table(self) -> str:
        """A plain-text table, one row per category, then the persons' attributes."""
        rows = [f"{'category':<14} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, s in self.categories.items():
            rows.append(f"{name:<14} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        p = self.persons
        rows.append(f"persons with roles and party right: {p.both_right}/{p.matched} = {p.share:.3f}"
                    f" (roles {p.roles_right}, party {p.party_right})")
        return "\n".join(rows)

    def details(self) -> str:
        """Misses and false positives per document, for reading what went wrong."""
        wrong_by_source: dict[str, list[dict[str, Any]]] = {}
        for wrong in self.persons.wrong:
            wrong_by_source.setdefault(wrong["source"], []).append(wrong)
        lines: list[str] = []
        for source, cats in self.documents.items():
            found_lines = [f"  {cat} {label}: " + "; ".join(found[label])
                           for cat, found in cats.items() for label in ("missed", "false_positives")
                           if found[label]]
            found_lines += [f"  person {w['gold']}: gold roles {w['gold_roles']} party {w['gold_party']!r};"
                            f" predicted roles {w['predicted_roles']} party {w['predicted_party']!r}"
                            for w in wrong_by_source.get(source, [])]
            if found_lines:
                lines += [source, *found_lines]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"categories": {c: s.to_dict() for c, s in self.categories.items()},
                "persons_attributes": self.persons.to_dict(), "documents": self.documents,
                "unscored": self.unscored}


def _record(report: Report, source: str, category: str, gold_labels: list[str], pred_labels: list[str],
            matching: dict[int, int]) -> None:
    score = Score(tp=len(matching), fp=len(pred_labels) - len(matching), fn=len(gold_labels) - len(matching))
    report.categories[category].add(score)
    matched_gold = set(matching.values())
    report.documents.setdefault(source, {})[category] = {
        "missed": [g for i, g in enumerate(gold_labels) if i not in matched_gold],
        "false_positives": [p for i, p in enumerate(pred_labels) if i not in matching],
    }


_ROLE_LINKS = frozenset({"van", "voor"})


def role_key(role: str | None) -> str:
    """A role as an office, not a spelling: "minister justitie en veiligheid" (a page
    header's form) is the "Minister van Justitie en Veiligheid" the text reads."""
    return "".join(word for word in _words(role or "") if word not in _ROLE_LINKS)


def _check_person(report: Report, source: str, gold: GoldEntity, pred: Mapping[str, Any]) -> None:
    pred_roles = {role_key(r) for r in pred.get("roles") or []}
    roles_ok = all(role_key(r) in pred_roles for r in gold.roles)
    party_ok = fold(gold.party) == fold(pred.get("party"))
    attrs = report.persons
    attrs.matched += 1
    attrs.roles_right += roles_ok
    attrs.party_right += party_ok
    attrs.both_right += roles_ok and party_ok
    if not (roles_ok and party_ok):
        attrs.wrong.append({"source": source, "gold": gold.name, "gold_roles": gold.roles,
                            "gold_party": gold.party, "predicted_roles": list(pred.get("roles") or []),
                            "predicted_party": pred.get("party")})


def _distinct_motions(motions: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Each predicted motion once, as gold lists it: mentions of one motion (the same
    Kamerstuk, or without one the same submitters) count once, the first standing."""
    seen: set[Any] = set()
    out = []
    for motion in motions:
        identity = motion.get("cites") or tuple(fold(n) for n in motion.get("submitters") or [])
        if identity and identity in seen:
            continue
        seen.add(identity)
        out.append(motion)
    return out


def _score_document(report: Report, gold: GoldDocument, predicted: Mapping[str, Any]) -> None:
    source = gold.source
    by_category: dict[str, list[Mapping[str, Any]]] = {c: [] for c in ENTITY_TYPES.values()}
    for entity in predicted.get("entities") or []:
        category = ENTITY_TYPES.get(entity.get("type", ""))
        if category:
            by_category[category].append(entity)

    for category, folder in (("organizations", _name_keys), ("measures", _name_keys), ("persons", surname_keys)):
        gold_items: list[GoldEntity] = getattr(gold, category)
        preds = by_category[category]
        edges = _edges_by_keys([_fold_set(g.forms, folder) for g in gold_items],
                               [_fold_set(_entity_forms(p), folder) for p in preds])
        matching = _max_matching(edges, len(gold_items))
        _record(report, source, category, [g.name for g in gold_items],
                [p.get("label") or "?" for p in preds], matching)
        if category == "persons":
            for p, g in sorted(matching.items()):
                _check_person(report, source, gold_items[g], preds[p])

    motions = _distinct_motions(predicted.get("motions") or [])
    edges = [[g for g, gm in enumerate(gold.motions)
              if (gm.cites and pm.get("cites") and gm.cites == pm.get("cites"))
              or _submitters_match(gm.submitters, list(pm.get("submitters") or []))]
             for pm in motions]
    _record(report, source, "motions",
            [gm.surface or ", ".join(gm.submitters) for gm in gold.motions],
            [pm.get("label") or ", ".join(pm.get("submitters") or []) or "?" for pm in motions],
            _max_matching(edges, len(gold.motions)))

    gold_ids = list(dict.fromkeys(gold.citations))
    pred_ids = list(dict.fromkeys(c.get("id") for c in predicted.get("citations") or [] if c.get("id")))
    gold_pos = {cid: i for i, cid in enumerate(gold_ids)}
    matching = {p: gold_pos[cid] for p, cid in enumerate(pred_ids) if cid in gold_pos}
    _record(report, source, "citations", gold_ids, pred_ids, matching)


def score(gold: Mapping[str, GoldDocument], predicted: Mapping[str, Mapping[str, Any]]) -> Report:
    """Compare ``predicted`` (source name -> one extraction-JSON document)
    with ``gold`` (source name -> GoldDocument).

    A gold document without a prediction counts all its items as missed; a
    prediction without gold is listed in ``Report.unscored`` and not scored.
    """
    report = Report()
    for source in sorted(gold):
        doc = predicted.get(source)
        if doc is None:
            log.warning("no prediction for gold document %s: everything in it counts as missed", source)
            doc = {}
        _score_document(report, gold[source], doc)
    report.unscored = sorted(set(predicted) - set(gold))
    for source in report.unscored:
        log.warning("no gold for %s: not scored", source)
    return report


def align_predictions(gold: Mapping[str, GoldDocument],
                      documents: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Key extraction-JSON documents by gold source name.

    A document's "source" is a path ("corpus/kst-29754-645.txt"); it is
    matched on its file name, else on its official id against the gold
    document's id, else kept under its own file name (then unscored).
    """
    by_id = {g.document.get("id"): s for s, g in gold.items() if g.document.get("id")}
    aligned: dict[str, Mapping[str, Any]] = {}
    for doc in documents:
        name = Path(str(doc.get("source") or doc.get("id") or "?")).name
        if name not in gold and doc.get("id") in by_id:
            name = by_id[doc["id"]]
        if name in aligned:
            log.warning("two predictions for %s: the later one is scored", name)
        aligned[name] = doc
    return aligned


def evaluate_paths(gold_dir: Path, predicted_json_docs: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> Report:
    """Load gold from ``gold_dir`` and score extraction-JSON documents against it.

    ``predicted_json_docs`` is either the whole extraction JSON
    (``{"documents": [...]}``) or an iterable of its documents.
    """
    gold = load_gold(Path(gold_dir))
    if isinstance(predicted_json_docs, Mapping):
        docs: Iterable[Mapping[str, Any]] = predicted_json_docs.get("documents") or []
    else:
        docs = predicted_json_docs
    return score(gold, align_predictions(gold, docs))
