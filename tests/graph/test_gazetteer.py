"""The gazetteer Turtle files as frozen entries."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kg.graph.gazetteer import GazetteerError, ancestors, load_actors, load_measures

KINDS = {"government", "ministry", "intelligence", "police", "prosecution", "parliament", "party",
         "municipality", "international", "company", "research", "extremist", "other"}


def test_actors_have_kinds_labels_and_unique_keys() -> None:
    actors = load_actors()
    assert len({a.key for a in actors}) == len(actors)
    for actor in actors:
        assert actor.key.startswith("org/") and actor.kind in KINDS and actor.label in actor.labels


def test_required_actors_present() -> None:
    keys = {a.key for a in load_actors()}
    required = {"org/nctv", "org/aivd", "org/mivd", "org/om", "org/politie", "org/kmar", "org/ind", "org/coa",
                "org/dji", "org/reclassering", "org/wodc", "org/raad-van-state", "org/ct-infobox", "org/ess",
                "org/ror", "org/iru", "org/europol", "org/europese-commissie", "org/jbz-raad", "org/gctf",
                "org/ran", "org/unitad", "org/vn", "org/tweede-kamer", "org/eerste-kamer", "org/d66",
                "org/groep-van-haga", "org/isis", "org/hazimi-beweging", "org/gemeente-amsterdam"}
    assert required <= keys
    assert sum(a.kind == "municipality" for a in load_actors()) >= 40


def test_renamed_ministry_has_dated_names() -> None:
    jenv = next(a for a in load_actors() if a.key == "org/ministerie-jenv")
    venj = next(n for n in jenv.names if "Veiligheid en Justitie" in n.label)
    assert (venj.valid_from, venj.valid_until) == ("2010-10-14", "2017-10-26")
    assert "Ministerie van Veiligheid en Justitie" in jenv.aliases


def test_entries_are_frozen_and_cached() -> None:
    actors = load_actors()
    assert load_actors() is actors
    with pytest.raises(dataclasses.FrozenInstanceError):
        actors[0].label = "x"  # type: ignore[misc]


def test_measures_scheme() -> None:
    measures = load_measures()
    by_key = {m.key: m for m in measures}
    assert by_key["measure/repressief"].group and not by_key["measure/paspoortmaatregel"].group
    assert "measure/casusoverleg" in by_key["measure/multidisciplinair-casusoverleg"].broader
    assert "measure/preventief" in ancestors(measures)["measure/multidisciplinair-casusoverleg"]
    assert all(m.label == m.label.strip() and m.label for m in measures)


def test_bad_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GazetteerError, match="bad.ttl"):
        load_actors(bad)
    with pytest.raises(GazetteerError, match="missing.ttl"):
        load_measures(tmp_path / "missing.ttl")
