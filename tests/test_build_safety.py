"""Nothing lost: a build killed at any moment leaves the previous out/ whole; two builds into
one out/ do not interleave."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import BuildLocked, build, build_lock

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
runner = CliRunner()


def big_corpus(d: Path, copies: int) -> Path:
    """The seed pages many times over, each copy its own file."""
    d.mkdir()
    for i in range(copies):
        for f in SEEDS.glob("*.txt"):
            shutil.copy(f, d / f"{i:04d}_{f.name}")
    return d


def test_sigkill_mid_build_leaves_the_previous_graph(tmp_path):
    out = tmp_path / "out"
    build([SEEDS / "000_91a56669e67fef84.txt"], out, html=False, cache=False)
    before = (out / "graph.ttl").read_bytes()
    corpus = big_corpus(tmp_path / "corpus", 60)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for delay in (0.8, 2.5, 4.0):  # early (extracting) and late (writing) kills
        proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out),
                                 "--quiet", "--jobs", "1", "--no-cache"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        ttl = (out / "graph.ttl").read_bytes()
        rdflib.Graph().parse(data=ttl.decode("utf-8"), format="turtle")  # whole, never half
        if proc.returncode == -signal.SIGKILL:
            assert ttl == before or b"\xe5\x8c\x97\xe5\x85\xb3\xe5\x8c\xba" in ttl  # the old graph or a whole new one
        store = pyoxigraph.Store.read_only(str(out / "store"))
        assert len(store) > 0
        before = ttl
    # the next build clears what the killed ones left and succeeds
    (out / ".store.killed.old").mkdir()  # a store moved aside by a build killed before removing it
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet", "--no-html"])
    assert r.exit_code == 0, r.output
    assert not list(out.glob(".*.tmp")) and not list(out.glob(".store.*.old"))


def test_a_second_build_into_the_same_out_is_refused(tmp_path):
    out = tmp_path / "out"
    with build_lock(out):
        r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet"])
        assert r.exit_code == 1 and "another kg build is writing" in r.output
        try:
            build([SEEDS], out)
            raise AssertionError("the lock let a second build in")
        except BuildLocked:
            pass
    assert runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--quiet"]).exit_code == 0
