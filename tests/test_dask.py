"""kg build --scheduler: extraction on a Dask cluster gives the same graph as a local build."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
    if os.environ.get("CI") != "true":
        pytest.skip("dask.distributed is not installed (pip install 'kg-zh[dask]')", allow_module_level=True)


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as c:
        yield c


def test_dask_build_equals_local_build(cluster, tmp_path):
    from kg.pipeline import build

    local = build([SEEDS], tmp_path / "local", html=False, cache=False)
    remote = build([SEEDS], tmp_path / "dask", html=False, cache=False, scheduler=cluster.scheduler_address)
    assert remote.workers == 2 and remote.extracted == local.extracted == 5
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()
    assert remote.triples == local.triples


def test_dask_build_through_the_cli_fills_the_cache(cluster, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "-q", "--no-html",
                                 "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--no-html",
                                 "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    assert "5 pages from the cache" in " ".join(r.output.split())


def test_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import kg.parallel
    from kg.cli import app

    monkeypatch.setattr(kg.parallel, "SCHEDULER_TIMEOUT", 1.0)
    r = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1, r.output
    assert "cannot reach the Dask scheduler" in r.output and "Traceback" not in r.output
