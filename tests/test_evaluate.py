"""Evaluation against gold: folding, matching, hand-computed scores."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kg.evaluate import (
    EvaluationError,
    GoldDocument,
    align_predictions,
    evaluate_paths,
    fold,
    load_gold,
    score,
    surname_keys,
)

REPO = Path(__file__).resolve().parents[1]


def shared_gold() -> Path | None:
    """../shared/gold beside the repo root (or beside a worktree's parent)."""
    for base in (REPO.parent, *REPO.parents[1:]):
        candidate = base / "shared" / "gold"
        if candidate.is_dir():
            return candidate
    return None


# --- folding -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hazimi-beweging", "Hazimi beweging"),
        ("de politie", "Politie"),
        ("het Openbaar Ministerie", "openbaar  ministerie"),
        ("D»66", "D66"),
        ("Nationaal Coördinator Terrorismebestrijding", "nationaal coordinator terrorismebestrijding"),
        ("exit-faciliteit", "exitfaciliteit"),
        ("actieplan 2007–2011", "Actieplan 2007-2011"),
        ("«Versterking Veiligheidsketen»", "\u201cVersterking veiligheidsketen\u201d"),
        ("The Global Counterterrorism Forum", "Global Counterterrorism Forum"),
        ("interventieprogramma’s", "interventieprogramma's"),
    ],
)
def test_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("IS", "ISIS"), ("casusoverleg", "multidisciplinair casusoverleg"),
                                      ("Den Haag", "Haag")])
def test_fold_keeps_different_things_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_leaves_a_lone_article() -> None:
    assert fold("De") == "de"
    assert fold(None) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Van der Plas", "van der Plas"),
        ("D. Yeşilgöz-Zegerius", "Yesilgöz-Zegerius"),
        ("I.W. Opstelten", "Opstelten"),
        ("Minister Grapperhaus", "F.B.J. Grapperhaus"),
        ("Michon Derkzen", "Michon-Derkzen"),
        ("Michon Derkzen", "Derkzen"),
        ("Ahmed Umar al-Hazimi", "al-Hazimi"),
        ("Jan van der Plas", "Van der Plas"),
        ("het lid Van Raak", "Van Raak"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert surname_keys(a) & surname_keys(b)


@pytest.mark.parametrize(("a", "b"), [("Van der Plas", "Van der Werf"), ("Van Raak", "Raak-Jansen"),
                                      ("Opstelten", "Grapperhaus")])
def test_different_persons(a: str, b: str) -> None:
    assert not surname_keys(a) & surname_keys(b)


# --- a small gold set with hand-computed scores ---------------------------------
GOLD_A = {
    "source": "a.txt",
    "document": {"id": "kst-11111-1", "type": "brief"},
    "organizations": [
        {"name": "AIVD", "aliases": ["Algemene Inlichtingen- en Veiligheidsdienst"], "kind": "intelligence"},
        {"name": "politie", "aliases": [], "kind": "police"},
        {"name": "Hazimi-beweging", "aliases": [], "kind": "extremist"},
        {"name": "D»66", "aliases": [], "kind": "party"},
    ],
    "persons": [
        {"name": "D. Yeşilgöz-Zegerius", "aliases": [], "roles": ["Minister van Justitie en Veiligheid"], "party": None},
        {"name": "Van der Plas", "aliases": [], "roles": ["Tweede Kamerlid"], "party": "BBB"},
    ],
    "motions": [{"submitters": ["Van der Plas", "Michon Derkzen"], "cites": "kst-35917-14", "surface": "motie X"}],
    "citations": ["kst-29754-224", "kst-29754-232", "ah-tk-20132014-2419"],
    "measures": [{"name": "paspoortmaatregel", "aliases": ["paspoortsignalering"]}],
}
GOLD_B = {
    "source": "b.txt",
    "document": {"id": "kst-22222-2", "type": "brief"},
    "organizations": [{"name": "NCTV", "aliases": [], "kind": "government"}],
    "persons": [],
    "motions": [{"submitters": ["Dijkhoff"], "cites": "kst-29754-224", "surface": "motie Dijkhoff c.s."}],
    "citations": ["kst-29754-645"],
    "measures": [],
}


def org(label: str, aliases=(), mentions=()) -> dict:
    return {"type": "Organization", "label": label, "aliases": list(aliases), "roles": [], "party": None,
            "mentions": [{"text": m} for m in mentions]}


def person(label: str, roles=(), party=None) -> dict:
    return {"type": "Person", "label": label, "aliases": [], "roles": list(roles), "party": party, "mentions": []}


PRED_A = {
    "source": "corpus/a.txt", "id": "kst-11111-1",
    "entities": [
        org("Algemene Inlichtingen- en Veiligheidsdienst"),  # gold alias
        org("Politie", mentions=["de politie"]),
        org("Hazimi beweging"),
        org("D66"),
        org("Europol"),  # false positive
        person("Yesilgöz-Zegerius", roles=["minister van Justitie en Veiligheid"]),
        person("van der Plas", party="BBB"),  # roles missing
        person("Opstelten"),  # false positive
    ],
    "motions": [{"label": "motie Van der Plas", "submitters": ["van der Plas", "Michon-Derkzen"], "cites": None}],
    "citations": [{"id": "kst-29754-224"}, {"id": "kst-29754-999"}, {"id": "kst-29754-224"}],
}
PRED_B = {
    "source": "elsewhere/b.txt", "id": "kst-22222-2",
    "entities": [
        org("NCTV"),
        org("Nationaal Coördinator Terrorismebestrijding en Veiligheid", aliases=["NCTV"]),  # a duplicate: FP
        {"type": "Measure", "label": "Paspoortmaatregel", "aliases": [], "mentions": []},  # FP here
    ],
    "motions": [{"label": "motie Dijkhoff c.s.", "submitters": ["Dijkhoff", "Jansen"], "cites": "kst-29754-224"}],
    "citations": [{"id": "kst-29754-645"}],
}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    for data in (GOLD_A, GOLD_B):
        (tmp_path / data["source"].replace(".txt", ".json")).write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "GUIDELINES.md").write_text("not gold", encoding="utf-8")
    return tmp_path


def test_load_gold(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    assert sorted(gold) == ["a.txt", "b.txt"]
    assert gold["a.txt"].persons[1].party == "BBB"
    assert gold["b.txt"].motions[0].cites == "kst-29754-224"


def test_hand_computed_scores(gold_dir: Path) -> None:
    report = evaluate_paths(gold_dir, {"documents": [PRED_A, PRED_B]})
    cats = report.categories
    assert (cats["organizations"].tp, cats["organizations"].fp, cats["organizations"].fn) == (5, 2, 0)
    assert cats["organizations"].precision == pytest.approx(5 / 7)
    assert cats["organizations"].f1 == pytest.approx(10 / 12)
    assert (cats["persons"].tp, cats["persons"].fp, cats["persons"].fn) == (2, 1, 0)
    assert cats["persons"].f1 == pytest.approx(0.8)
    assert (cats["motions"].tp, cats["motions"].fp, cats["motions"].fn) == (2, 0, 0)
    assert (cats["citations"].tp, cats["citations"].fp, cats["citations"].fn) == (2, 1, 2)
    assert cats["citations"].precision == pytest.approx(2 / 3)
    assert cats["citations"].recall == pytest.approx(0.5)
    assert cats["citations"].f1 == pytest.approx(4 / 7)
    assert (cats["measures"].tp, cats["measures"].fp, cats["measures"].fn) == (0, 1, 1)
    assert cats["measures"].f1 == 0.0

    attrs = report.persons
    assert (attrs.matched, attrs.roles_right, attrs.party_right, attrs.both_right) == (2, 1, 2, 1)
    assert attrs.share == pytest.approx(0.5)
    assert [w["gold"] for w in attrs.wrong] == ["Van der Plas"]

    docs = report.documents
    assert docs["a.txt"]["organizations"]["false_positives"] == ["Europol"]
    assert docs["a.txt"]["citations"]["missed"] == ["kst-29754-232", "ah-tk-20132014-2419"]
    assert docs["a.txt"]["measures"]["missed"] == ["paspoortmaatregel"]
    assert docs["b.txt"]["organizations"]["false_positives"] == ["Nationaal Coördinator Terrorismebestrijding en Veiligheid"]


def test_table_and_dict(gold_dir: Path) -> None:
    report = evaluate_paths(gold_dir, [PRED_A, PRED_B])
    table = report.table()
    assert "citations" in table and " 0.571" in table and "1/2" in table
    data = json.loads(json.dumps(report.to_dict()))
    assert data["categories"]["organizations"]["f1"] == pytest.approx(0.8333, abs=1e-4)
    assert "Europol" in report.details()


def test_wrong_party_is_counted(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    pred = dict(PRED_A, entities=[person("Van der Plas", roles=["Tweede Kamerlid"], party="PVV")])
    report = score(gold, {"a.txt": pred})
    assert (report.persons.roles_right, report.persons.party_right) == (1, 0)


def test_party_folds(gold_dir: Path) -> None:
    gold = {"x.txt": GoldDocument.from_dict({"source": "x.txt", "persons": [
        {"name": "Van der Werf", "aliases": [], "roles": ["Tweede Kamerlid"], "party": "D»66"}]})}
    pred = {"entities": [person("van der Werf", roles=["tweede kamerlid", "indiener"], party="D66")]}
    report = score(gold, {"x.txt": pred})
    assert report.persons.both_right == 1


def test_one_prediction_matches_one_gold_and_best_assignment_is_found() -> None:
    gold = {"x.txt": GoldDocument.from_dict({"source": "x.txt", "organizations": [
        {"name": "ISIS", "aliases": ["IS"]}, {"name": "IS-beweging", "aliases": []}]})}
    # the first prediction could take either gold item; the second only ISIS
    pred = {"entities": [org("IS-beweging", aliases=["IS"]), org("ISIS")]}
    report = score(gold, {"x.txt": pred})
    assert (report.categories["organizations"].tp, report.categories["organizations"].fp) == (2, 0)


def test_a_motion_mentioned_three_times_counts_once() -> None:
    """Gold lists each motion once per document; the extraction gives every mention."""
    gold = {"x.txt": GoldDocument.from_dict({"source": "x.txt", "motions": [
        {"submitters": ["Bakker", "De Wit"], "cites": "kst-1-2", "surface": "MOTIE VAN DE LEDEN BAKKER EN DE WIT"},
        {"submitters": ["Smit"], "cites": None, "surface": "motie Smit"}]})}
    pred = {"motions": [
        {"label": "Motie Bakker/De Wit", "submitters": ["Bakker", "De Wit"], "cites": "kst-1-2"},
        {"label": "MOTIE VAN DE LEDEN BAKKER EN DE WIT", "submitters": ["Bakker", "De Wit"], "cites": "kst-1-2"},
        {"label": "motie Smit", "submitters": ["Smit"], "cites": None},
        {"label": "de motie-Smit", "submitters": ["Smit"], "cites": None},
        {"label": "motie Jansen", "submitters": ["Jansen"], "cites": None}]}
    motions = score(gold, {"x.txt": pred}).categories["motions"]
    assert (motions.tp, motions.fp, motions.fn) == (2, 1, 0)


def test_missing_prediction_counts_as_misses(gold_dir: Path) -> None:
    report = score(load_gold(gold_dir), {})
    assert report.categories["citations"].fn == 4
    assert report.categories["citations"].tp == 0


def test_alignment_by_file_name_and_id(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    aligned = align_predictions(gold, [PRED_A, dict(PRED_B, source="corpus/kst-22222-2.txt"),
                                       {"source": "corpus/other.txt", "id": "kst-3-3"}])
    assert sorted(aligned) == ["a.txt", "b.txt", "other.txt"]
    report = score(gold, aligned)
    assert report.unscored == ["other.txt"]


def test_bad_gold_file_is_skipped_with_one_line(gold_dir: Path, caplog) -> None:
    (gold_dir / "broken.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="kg.evaluate"):
        gold = load_gold(gold_dir)
    assert sorted(gold) == ["a.txt", "b.txt"]
    assert any("broken.json" in r.getMessage() for r in caplog.records)


def test_missing_gold_dir(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        load_gold(tmp_path / "nope")
    with pytest.raises(EvaluationError, match="no gold"):
        load_gold(tmp_path)


# --- the shared gold, when it is there ------------------------------------------------
@pytest.mark.skipif(shared_gold() is None, reason="../shared/gold not present")
def test_shared_gold_loads_and_scores_itself_perfectly() -> None:
    gold_dir = shared_gold()
    gold = load_gold(gold_dir)
    assert len(gold) == 5
    docs = []
    for g in gold.values():
        entities = [dict(type=t, label=e.name, aliases=e.aliases, roles=e.roles, party=e.party, mentions=[])
                    for cat, t in (("organizations", "Organization"), ("persons", "Person"),
                                   ("measures", "Measure")) for e in getattr(g, cat)]
        docs.append({"source": g.source, "entities": entities,
                     "citations": [{"id": c} for c in g.citations],
                     "motions": [{"submitters": m.submitters, "cites": m.cites} for m in g.motions]})
    report = evaluate_paths(gold_dir, docs)
    for name, s in report.categories.items():
        assert (s.fp, s.fn) == (0, 0), name
    assert report.persons.share == 1.0


def test_a_role_is_compared_as_an_office_not_a_spelling():
    from kg.evaluate import role_key

    assert role_key("minister justitie en veiligheid") == role_key("Minister van Justitie en Veiligheid")
    assert role_key("Minister voor Rechtsbescherming") == role_key("minister rechtsbescherming")
    assert role_key("Minister") != role_key("Minister van Justitie en Veiligheid")
    assert role_key("Tweede Kamerlid") != role_key("Eerste Kamerlid")
