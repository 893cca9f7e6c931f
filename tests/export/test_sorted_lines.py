"""The external sort behind the RDF files: same result as sorted(set(...)), runs spilled to disk."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export.sorted_lines import sorted_unique_lines

LINES = st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)),
                         max_size=8), max_size=60)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(lines=LINES, run_lines=st.integers(min_value=1, max_value=7))
def test_sorted_unique_lines_equals_sorted_set(tmp_path_factory, lines: list[str], run_lines: int) -> None:
    scratch = tmp_path_factory.mktemp("sort")
    assert list(sorted_unique_lines(lines, scratch, run_lines)) == sorted(set(lines))
    assert list(scratch.iterdir()) == []  # the run files are gone


def test_runs_spill_to_disk_and_merge(tmp_path: Path) -> None:
    lines = [f"<s{i % 997:04d}> <p> \"{i % 13}\" ." for i in range(10_000)]
    out = sorted_unique_lines(lines, tmp_path, run_lines=1_000)
    first = next(out)
    (run_dir,) = tmp_path.iterdir()  # while merging, the ten runs sit on disk
    assert len(list(run_dir.iterdir())) == 10
    assert [first, *out] == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []


def test_one_run_stays_in_memory(tmp_path: Path) -> None:
    assert list(sorted_unique_lines(["b", "a", "b"], tmp_path)) == ["a", "b"]
    assert list(tmp_path.iterdir()) == []
