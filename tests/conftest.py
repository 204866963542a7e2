"""Shared fixtures: the repository's seed pages and one build of them per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """kg build seeds/ into a temporary out/ (graph.ttl, graph.html, store)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    report = build([SEEDS], out)
    return out, report
