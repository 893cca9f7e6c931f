"""The external sort behind the RDF files: same result as sorted(set(...)), runs spilled to disk."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export.sorted_lines import sorted_rows, sorted_unique_lines
from tests.conftest import CORPUS

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


# The same string objects recur across rows, as a table's document ids and labels do.
WORDS = [f"word {n}" for n in range(4)]
ROWS = st.lists(st.tuples(st.integers(-3, 3), st.sampled_from(WORDS), st.sampled_from(WORDS), st.integers(0, 2)),
                max_size=60)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(rows=ROWS, run_rows=st.integers(min_value=1, max_value=7))
def test_sorted_rows_equals_sorted_and_is_stable(tmp_path_factory, rows: list[tuple], run_rows: int) -> None:
    scratch = tmp_path_factory.mktemp("rows")
    def key(row: tuple) -> tuple:
        return row[:3]  # the last value breaks no ties: input order must decide them
    assert list(sorted_rows(rows, key, scratch, run_rows)) == sorted(rows, key=key)
    assert list(scratch.iterdir()) == []


def test_tables_sorted_on_disk_are_the_tables_sorted_in_memory(tmp_path: Path, built, monkeypatch) -> None:
    from kg.export import sorted_lines, tables
    from kg.build import build

    monkeypatch.setattr(tables, "sorted_rows",
                        lambda rows, key, scratch: sorted_lines.sorted_rows(rows, key, scratch, run_rows=7))
    out = tmp_path / "out"
    build(CORPUS, out, views=False)
    for name in tables.COLUMNS:
        assert (out / "csv" / f"{name}.csv").read_bytes() == (built[0] / "csv" / f"{name}.csv").read_bytes(), name
    assert sorted(path.name for path in (out / "csv").iterdir()) == sorted(f"{n}.csv" for n in tables.COLUMNS)


def test_one_run_is_held_at_a_time(tmp_path: Path) -> None:
    """Python's peak while sorting 8 runs stays under one and a half runs' lines
    (holding the previous run while reading the next one took two)."""
    import tracemalloc

    run, width = 5_000, 1_000
    lines = (f"{(i * 7919) % 40_000:08d}" + "x" * width for i in range(8 * run))
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        merged = sorted_unique_lines(lines, tmp_path, run_lines=run)
        first = next(merged)
        _, peak = tracemalloc.get_traced_memory()
        rest = sum(1 for _ in merged)
    finally:
        tracemalloc.stop()
    assert first.startswith("00000000") and rest == 8 * run - 1
    assert peak < 1.5 * run * width, f"{peak / (run * width):.2f} runs held at once"
