"""A build killed (SIGKILL) at random points leaves the previous OUT whole,
and the next build completes and equals a clean one byte for byte."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO

KILLS = 5
OUTPUTS = ("kg.ttl", "kg.nt", "kg.trig")


def _assert_whole(out: Path, expected: dict[str, bytes]) -> None:
    import pyoxigraph as ox

    for name, data in expected.items():
        assert (out / name).read_bytes() == data, name
    store = ox.Store()
    store.load(path=str(out / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) > 100
    opened = ox.Store.read_only(str(out / "store"))
    assert len(opened) > 100


def test_killed_builds_leave_the_previous_out_whole(built, tmp_path: Path) -> None:
    import shutil

    clean, _ = built
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    expected = {name: (clean / name).read_bytes() for name in OUTPUTS}
    rng = random.Random(20240609)
    for _ in range(KILLS):
        process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(CORPUS), "-o", str(out)],
                                   cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        _assert_whole(out, expected)
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS), "-o", str(out)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    _assert_whole(out, expected)
    assert not [p.name for p in tmp_path.iterdir() if p.name != "out"]  # no leftovers


def test_a_failing_build_leaves_out_untouched(built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from kg import build as build_module

    clean, _ = built
    out = tmp_path / "out"
    shutil.copytree(clean, out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("kg.export.outputs.write_outputs", broken)
    with pytest.raises(RuntimeError):
        build_module.build(CORPUS, out, cache=False)  # with the cache, OUT is up to date and nothing is written
    assert (out / "kg.ttl").read_bytes() == (clean / "kg.ttl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    from kg.atomic import exchange, replace_dir

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "f").write_text("new")
    (b / "f").write_text("old")
    swapped = exchange(a, b)
    if swapped:
        assert (b / "f").read_text() == "new" and (a / "f").read_text() == "old"
        exchange(a, b)
    replace_dir(a, b)
    assert (b / "f").read_text() == "new" and not a.exists()
