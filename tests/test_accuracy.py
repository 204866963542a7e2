"""Accuracy regression: build the graph of seeds/ and score it against tests/data/gold.

Each figure is an F1 that must stay at or above its threshold. Raise a
threshold when the build gets better; never lower one to make a change pass.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph

from kg.evaluate import EvalResult, evaluate

THRESHOLDS = {
    "entities": 0.92,
    "entities.Person": 0.85,
    "entities.Organization": 0.85,
    "entities.Place": 0.85,
    "entities.Program": 0.85,
    "relations": 0.85,
    "relations.locatedIn": 0.80,
    "relations.runs": 0.80,
    "relations.quotedIn": 0.80,
    "headlines": 0.95,
    "bylines": 0.90,
    "positions": 0.80,
}
SHOW_MISSES = 15

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ONTOLOGY = ROOT / "ontology"
GOLD = Path(__file__).parent / "data" / "gold"

if importlib.util.find_spec("kg.pipeline") is None:
    pytest.skip("kg.pipeline does not exist yet: nothing to build the graph with",
                allow_module_level=True)


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> EvalResult:
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    build(sorted(SEEDS.glob("*.txt")), out)
    graph = out / "graph.ttl"
    assert graph.is_file(), f"kg.pipeline.build wrote no {graph}"
    return evaluate(graph, GOLD, ONTOLOGY)


@pytest.mark.parametrize("category", THRESHOLDS)
def test_accuracy(result: EvalResult, category: str):
    score, threshold = result.figure(category), THRESHOLDS[category]
    if score.f1 >= threshold:
        return
    lines = result.misses(category)
    shown = "\n".join(f"  {line}" for line in lines[:SHOW_MISSES])
    more = f"\n  ... and {len(lines) - SHOW_MISSES} more" if len(lines) > SHOW_MISSES else ""
    pytest.fail(
        f"{category}: F1 {score.f1:.3f} < {threshold:.2f} "
        f"(P {score.precision:.3f} R {score.recall:.3f} tp {score.tp} fp {score.fp} fn {score.fn})\n"
        f"first misses and false extractions:\n{shown}{more}",
        pytrace=False,
    )


def test_thresholds_name_every_figure():
    empty = evaluate(Graph(), GOLD)
    assert set(THRESHOLDS) == {category for category, _ in empty.rows()}
