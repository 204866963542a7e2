"""kg build --jobs N: the same graph, byte for byte, whether pages are extracted here or by workers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.cache
import kg.pipeline
import kg.state
from kg.cli import app
from kg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
runner = CliRunner()


@pytest.fixture
def always_workers(monkeypatch):
    """Workers even for the five seed pages (normally extracted in process)."""
    monkeypatch.setattr(kg.pipeline, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(kg.pipeline, "MIN_PARALLEL_BYTES", 0)


@pytest.fixture(scope="module")
def one_job(tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs1")
    report = build([SEEDS], out, html=False, cache=False, jobs=1)
    return out, report


def test_two_jobs_give_a_byte_identical_graph(one_job, tmp_path, always_workers):
    out1, r1 = one_job
    r2 = build([SEEDS], tmp_path, html=False, cache=False, jobs=2)
    assert r2.workers == 2 and r1.workers == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (out1 / "graph.ttl").read_bytes()
    assert (r2.files, r2.articles, r2.entities, r2.relations, r2.triples) == \
        (r1.files, r1.articles, r1.entities, r1.relations, r1.triples)
    assert r2.extracted == 5


def test_workers_fill_the_cache_a_later_build_reads(one_job, tmp_path, always_workers, monkeypatch):
    out1, _ = one_job
    written = []
    real_put = kg.cache.ExtractionCache.put
    monkeypatch.setattr(kg.cache.ExtractionCache, "put",
                        lambda self, key, text: written.append(key) or real_put(self, key, text))
    r = build([SEEDS], tmp_path, html=False, jobs=2)
    assert r.workers == 2 and r.extracted == 5
    assert written == []  # not by this process: each worker wrote its own pages' entries
    kg.state.discard(tmp_path)  # so that the next build reads them rather than the saved graph
    again = build([SEEDS], tmp_path, html=False, jobs=2)
    assert (again.extracted, again.cached) == (0, 5)
    assert (tmp_path / "graph.ttl").read_bytes() == (out1 / "graph.ttl").read_bytes()


def test_workers_read_the_pages_the_cache_holds_and_extract_the_others(one_job, tmp_path, always_workers, monkeypatch):
    out1, _ = one_job
    build([SEEDS], tmp_path, html=False, jobs=1)
    kg.state.discard(tmp_path)
    cache = kg.cache.ExtractionCache(tmp_path / ".cache")
    for page in sorted(SEEDS.glob("*.txt"))[::2]:  # the first, third and fifth pages to extract again
        cache.path(kg.cache.content_key(page.read_bytes())).unlink()
    made_here = []  # pages this process made from the cache (the workers' calls stay in the workers)
    real = kg.pipeline.fragment_of
    monkeypatch.setattr(kg.pipeline, "fragment_of", lambda name, page: made_here.append(name) or real(name, page))
    r = build([SEEDS], tmp_path, html=False, jobs=2)
    assert r.workers == 2 and (r.extracted, r.cached) == (3, 2)
    assert len(made_here) < 2  # a worker found a page in the cache
    assert (tmp_path / "graph.ttl").read_bytes() == (out1 / "graph.ttl").read_bytes()
    assert len(list((tmp_path / ".cache").rglob("*.json"))) == 5  # the workers wrote the three again


def test_a_handful_of_pages_starts_no_workers(tmp_path):
    r = build([SEEDS], tmp_path, html=False, cache=False, jobs=2)
    assert r.workers == 0 and r.extracted == 5


def test_workers_skip_unreadable_files_in_input_order(tmp_path, always_workers):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "001a_bad.txt").write_bytes(b"\x00\x01binary\xff\xfe")
    (src / "002a_empty.txt").write_bytes(b"  \n")
    pages = []
    r = build([src], tmp_path / "out", html=False, cache=False, jobs=2, progress=pages.append)
    assert r.workers == 2
    assert [s.path.name for s in r.skipped] == ["001a_bad.txt", "002a_empty.txt"]
    assert pages == sorted(src.iterdir())  # progress in input order, skipped files included
    assert r.files == 5


def test_cli_build_with_jobs(tmp_path, one_job):
    out1, _ = one_job
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--jobs", jobs, "--no-cache", "--no-html", "-q"])
        assert r.exit_code == 0, r.output
        assert (out / "graph.ttl").read_bytes() == (out1 / "graph.ttl").read_bytes()
        assert not (out / ".cache").exists()


def test_cli_rejects_zero_jobs(tmp_path):
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--jobs", "0"])
    assert r.exit_code == 2


def test_default_jobs_leave_a_core_to_the_store_loader(monkeypatch):
    import os

    from kg.parallel import default_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert default_jobs() == 3 and default_jobs(store=False) == 4
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert default_jobs() == default_jobs(store=False) == 1
