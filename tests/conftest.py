"""Shared fixtures: one build of the bundled corpus per test session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """OUT of ``kamerkg build corpus`` and its report."""
    from kg.build import build

    out = tmp_path_factory.mktemp("build") / "out"
    report = build(CORPUS, out)
    return out, report


def require_tool(name: str) -> str:
    """The path of an external tool; skip locally when it is missing, fail in CI."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run must install it")
        pytest.skip(f"{name} not installed")
    return path
