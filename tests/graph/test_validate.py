"""SHACL: the bundled build conforms; a graph broken on purpose does not."""
from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import REPO


def _validate(out):
    return subprocess.run([sys.executable, "-m", "kg", "validate", str(out)], capture_output=True, text=True, cwd=REPO)


def test_bundled_build_conforms(built):
    out, _ = built
    result = _validate(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "conforms" in result.stdout


def test_broken_graph_fails(built, tmp_path):
    out, _ = built
    broken = tmp_path / "broken"
    shutil.copytree(out, broken, ignore=shutil.ignore_patterns("store"))
    lines = (broken / "kg.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    # Drop every document's identifier and give one citation a page twice.
    kept = [line for line in lines if "<http://purl.org/dc/terms/identifier>" not in line]
    assert len(kept) < len(lines)
    kept.append('<https://w3id.org/kamerkg/id/doc/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                '<https://w3id.org/kamerkg/def#Document> .\n')
    (broken / "kg.nt").write_text("".join(kept), encoding="utf-8")
    result = _validate(broken)
    assert result.returncode == 4, result.stdout + result.stderr
    assert "does not conform" in result.stderr
    assert "identifier" in result.stdout


def test_validate_without_a_build_is_a_user_error(tmp_path):
    result = _validate(tmp_path)
    assert result.returncode == 1
    assert "no kg.nt" in result.stderr
