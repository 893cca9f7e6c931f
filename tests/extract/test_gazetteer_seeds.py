"""Recall and precision of kg_organizations and kg_measures on the five seed
documents against the document-level gold (../shared/gold), folded as a reader
would compare names: case, accents, hyphens, quotes and articles.

Run ``python tests/extract/test_gazetteer_seeds.py`` for the per-document table.
The raw seed texts are used with only line-end hyphens rejoined (ingest does
the full cleaning), so the figures are a lower bound for the pipeline.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import spacy

from kg.extract import measures as _measures  # noqa: F401  (registers kg_measures)
from kg.extract import normalize as _normalize  # noqa: F401
from kg.extract import organizations as _organizations  # noqa: F401
from kg.extract.normalize import fold, stem

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = (REPO.parent / "shared", REPO.parent.parent / "shared")
SHARED = next((p for p in CANDIDATES if (p / "gold").is_dir() and (p / "seeds").is_dir()), None)
ARTICLES = {"de", "het", "een", "the", "van", "der"}


def _nlp():
    nlp = spacy.blank("nl")
    for name in ("sentencizer", "kg_normalize", "kg_organizations", "kg_measures"):
        nlp.add_pipe(name)
    return nlp


def rejoin(text: str) -> str:
    """Line-end hyphens rejoined, as ingest does ('democra-\\ntische')."""
    return re.sub(r"(\w)-[ \t]*\n[ \t]*(?=[a-zà-ÿ])", r"\1", text)


def form(text: str) -> str:
    words = re.sub(r"[^\w&]+", " ", re.sub("[\"']", "", fold(text))).split()
    return " ".join(w for w in words if w not in ARTICLES)


def words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in form(text).split())


def _matches(gold_forms: set[str], pred_forms: set[str], lenient: bool) -> bool:
    if gold_forms & pred_forms:
        return True
    if not lenient:
        return False
    return any(words(g) <= words(p) or words(p) <= words(g)
               for g in gold_forms for p in pred_forms if len(words(g)) > 1 and len(words(p)) > 1)


def score(gold: list[dict], predicted: dict[str, set[str]], lenient: bool = False) -> tuple[float, float, list[str], list[str]]:
    """(recall, precision, misses, false positives) at document level."""
    gold_forms = [{form(g["name"]), *(form(a) for a in g.get("aliases", []))} for g in gold]
    pred_forms = {key: {form(t) for t in texts} for key, texts in predicted.items()}
    found = [any(_matches(g, p, lenient) for p in pred_forms.values()) for g in gold_forms]
    used = {key for key, p in pred_forms.items() if any(_matches(g, p, lenient) for g in gold_forms)}
    recall = sum(found) / len(gold) if gold else 1.0
    precision = len(used) / len(pred_forms) if pred_forms else 1.0
    misses = [g["name"] for g, ok in zip(gold, found) if not ok]
    false_positives = sorted(k for k in pred_forms if k not in used)
    return recall, precision, misses, false_positives


def run_seeds() -> list[dict]:
    nlp = _nlp()
    rows = []
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = nlp(rejoin((SHARED / "seeds" / gold["source"]).read_text(encoding="utf-8")))
        for category, group in (("organizations", "kg_organizations"), ("measures", "kg_measures")):
            predicted: dict[str, set[str]] = {}
            for span in doc.spans[group]:
                predicted.setdefault(span.kb_id_, {span._.kg["label"]}).add(span.text)
            for lenient in (False, True):
                recall, precision, misses, fps = score(gold[category], predicted, lenient)
                rows.append({"doc": gold["source"][:3], "category": category, "lenient": lenient,
                             "recall": recall, "precision": precision, "misses": misses, "fps": fps,
                             "gold": len(gold[category]), "predicted": len(predicted)})
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    if SHARED is None:
        pytest.skip("../shared/gold and ../shared/seeds not present")
    return run_seeds()


def _micro(rows: list[dict], category: str, lenient: bool) -> tuple[float, float]:
    chosen = [r for r in rows if r["category"] == category and r["lenient"] == lenient]
    recall = sum(r["recall"] * r["gold"] for r in chosen) / sum(r["gold"] for r in chosen)
    precision = sum(r["precision"] * r["predicted"] for r in chosen) / sum(r["predicted"] for r in chosen)
    return recall, precision


def test_organisations_on_seeds(rows: list[dict]) -> None:
    recall, precision = _micro(rows, "organizations", lenient=False)
    assert recall >= 0.9, recall
    assert precision >= 0.9, precision


def test_measures_on_seeds(rows: list[dict]) -> None:
    recall, precision = _micro(rows, "measures", lenient=True)
    assert recall >= 0.6, recall
    assert precision >= 0.75, precision


def test_scorer_can_fail() -> None:
    gold = [{"name": "AIVD", "aliases": []}, {"name": "D»66", "aliases": []}]
    assert score(gold, {"org/aivd": {"AIVD"}})[:2] == (0.5, 1.0)
    assert score(gold, {"org/d66": {"D66"}, "org/x": {"X"}})[:2] == (0.5, 0.5)


if __name__ == "__main__":
    if SHARED is None:
        sys.exit("no ../shared/gold")
    table = run_seeds()
    for r in table:
        print(f"{r['doc']} {r['category']:13} {'lenient' if r['lenient'] else 'strict ':7} "
              f"R={r['recall']:.2f} P={r['precision']:.2f} gold={r['gold']} pred={r['predicted']}")
        if r["misses"] or r["fps"]:
            print(f"      miss: {r['misses']}\n      fp:   {r['fps']}")
    for category in ("organizations", "measures"):
        for lenient in (False, True):
            recall, precision = _micro(table, category, lenient)
            f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
            print(f"ALL {category:13} {'lenient' if lenient else 'strict ':7} R={recall:.2f} P={precision:.2f} F1={f1:.2f}")
