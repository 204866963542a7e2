"""A rebuild that only adds pages starts from the state the last build left (kg.state): it
reads no cached page back, and writes the graph a build from nothing writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import state
from kg.cache import ExtractionCache, fragment_namespace
from kg.pipeline import build
from kg.store import default_graph_triples, open_store

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def lines(out: Path) -> list[str]:
    return [line for line in (out / "graph.ttl").read_text(encoding="utf-8").splitlines() if not line.startswith("@")]


@pytest.fixture
def four_pages(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in SEEDS[:4]:
        shutil.copy(f, src)
    return src


@pytest.fixture
def cache_reads(monkeypatch):
    reads = []
    real = ExtractionCache.get

    def counted(self, key, source):
        reads.append(source)
        return real(self, key, source)

    monkeypatch.setattr(ExtractionCache, "get", counted)
    return reads


def test_an_added_page_is_folded_into_the_saved_graph(four_pages, tmp_path, cache_reads):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    shutil.copy(SEEDS[4], four_pages)
    cache_reads.clear()
    r = build([four_pages], out, html=False)
    assert cache_reads == [SEEDS[4].name]  # the new page looked up; the four others not read back
    assert (r.extracted, r.cached, r.files) == (1, 4, 5)

    fresh = build([four_pages], tmp_path / "fresh", html=False, cache=False)
    got = lines(out)
    assert len(got) == len(set(got)) == r.triples == fresh.triples
    assert set(got) == set(lines(tmp_path / "fresh"))
    assert r.articles == fresh.articles and r.entities == fresh.entities


def test_the_state_fits_only_its_own_graph_ttl(four_pages, tmp_path, cache_reads):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    ttl = out / "graph.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    shutil.copy(SEEDS[4], four_pages)
    cache_reads.clear()
    r = build([four_pages], out, html=False)
    assert len(cache_reads) == 5 and r.cached == 4  # started from nothing: every page from the cache
    assert "# edited by hand" not in ttl.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [b"", b"kg-state\n{}\n", b"kg-state\n" + b"\xff" * 100])
def test_a_damaged_state_is_no_state(four_pages, tmp_path, damage):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    expected = set(lines(out))
    state.path(out).write_bytes(damage)
    r = build([four_pages], out, html=False)
    assert r.cached == 4 and set(lines(out)) == expected
    assert state.load(out, fragment_namespace()) is not None  # and a good one is written again


def test_a_build_without_the_cache_leaves_no_state(four_pages, tmp_path):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    assert state.path(out).exists()
    build([four_pages], out, html=False, cache=False)
    assert not state.path(out).exists()  # its graph.ttl is not the one the state describes


def test_a_rebuild_without_the_previous_store_loads_the_whole_graph(four_pages, tmp_path):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    shutil.rmtree(out / "store")
    shutil.copy(SEEDS[4], four_pages)
    r = build([four_pages], out, html=False)
    assert r.extracted == 1 and not r.store_updated
    store = open_store(out)
    try:
        assert len(set(default_graph_triples(store))) == r.triples  # not just the new page's
    finally:
        del store


def test_a_rebuild_appends_what_the_new_pages_changed(four_pages, tmp_path, cache_reads):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    first = state.path(out).read_bytes()
    (four_pages / "extra1.txt").write_text("本报讯 城东街道开展“邻里守望”活动。\n", encoding="utf-8")
    build([four_pages], out, html=False)
    after = state.path(out).read_bytes()
    assert after.startswith(first)  # the saved graph is kept as it was, not written again
    assert len(after) - len(first) < len(first) / 10

    # The appended record restores the graph with that page: the next rebuild resumes from it
    # and writes what a build from nothing writes.
    (four_pages / "extra2.txt").write_text("本报讯 城东街道幸福社区推行“红色物业”。\n", encoding="utf-8")
    cache_reads.clear()
    r = build([four_pages], out, html=False)
    assert cache_reads == ["extra2.txt"]
    loaded = state.load(out, fragment_namespace())
    assert loaded is not None and loaded.records == 3 and len(loaded.pages) == 6
    fresh = build([four_pages], tmp_path / "fresh", html=False, cache=False)
    assert set(lines(out)) == set(lines(tmp_path / "fresh")) and r.triples == fresh.triples
    assert r.entities == fresh.entities and r.relations == fresh.relations


def test_a_cut_appended_record_is_no_state(four_pages, tmp_path, cache_reads):
    out = tmp_path / "out"
    build([four_pages], out, html=False)
    shutil.copy(SEEDS[4], four_pages)
    build([four_pages], out, html=False)
    p = state.path(out)
    p.write_bytes(p.read_bytes()[:-10])  # a crash while appending
    assert state.load(out, fragment_namespace()) is None
    cache_reads.clear()
    r = build([four_pages], out, html=False)
    assert len(cache_reads) == 5 and r.cached == 5  # from nothing, every page from the cache
    assert state.load(out, fragment_namespace()).records == 1  # and the whole graph saved again


def test_a_state_that_cannot_be_saved_does_not_fail_the_build(four_pages, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    state.path(out).mkdir()  # where the state file should go: nothing can be written there
    r = build([four_pages], out, html=False)
    assert "cannot save the build state" in r.cache_error
    store = open_store(out)  # the build finished: graph.ttl and the store hold the whole graph
    try:
        assert len(set(default_graph_triples(store))) == r.triples == len(lines(out))
    finally:
        del store
    shutil.copy(SEEDS[4], four_pages)
    again = build([four_pages], out, html=False)  # no state to resume: from nothing, with the cache
    assert (again.cached, again.extracted) == (4, 1)
    build([four_pages], tmp_path / "fresh", html=False, cache=False)
    assert set(lines(out)) == set(lines(tmp_path / "fresh"))
