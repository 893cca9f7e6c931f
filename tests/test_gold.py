"""Extraction quality against the hand-made gold of ../shared/gold (skipped without it)."""
from __future__ import annotations

import pytest

from tests.conftest import SHARED

TARGETS = {"citations": 0.97, "organizations": 0.92, "persons": 0.90, "motions": 0.85, "measures": 0.75}


@pytest.fixture(scope="module")
def report():
    gold, seeds = SHARED / "gold", SHARED / "seeds"
    if not gold.is_dir() or not seeds.is_dir():
        pytest.skip("../shared/gold is not beside the repo")
    from kg.evaluate import evaluate_paths
    from kg.export.extraction_json import extract_files

    payload, problems = extract_files(sorted(seeds.glob("*.txt")))
    assert not problems
    return evaluate_paths(gold, payload)


@pytest.mark.parametrize("category", sorted(TARGETS))
def test_f1_meets_the_target(report, category):
    score = report.to_dict()["categories"][category]
    assert score["f1"] >= TARGETS[category], report.table() + "\n" + report.details()


def test_roles_and_parties_of_matched_persons(report):
    persons = report.to_dict()["persons_attributes"]
    assert persons["share"] >= 0.90, report.table()
