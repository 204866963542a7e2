"""A rebuild with the cache updates the previous store with the new pages only; the graph is
the same as that of a build from nothing, whatever was added, removed or changed."""
from __future__ import annotations

import shutil
from pathlib import Path

from kg.pipeline import build
from kg.store import default_graph_triples, open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def graph(out: Path) -> set:
    store = open_store(out)
    try:
        return set(default_graph_triples(store))
    finally:
        del store


def fresh(src: Path, tmp: Path) -> set:
    out = tmp / "fresh"
    shutil.rmtree(out, ignore_errors=True)
    build([src], out, html=False, cache=False)
    return graph(out)


def test_added_page_updates_the_store(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = sorted(SEEDS.glob("*.txt"))
    for f in files[:3]:
        shutil.copy(f, src)
    out = tmp_path / "out"
    first = build([src], out, html=False)
    assert not first.store_updated
    shutil.copy(files[3], src)
    r = build([src], out, html=False)
    assert r.store_updated and (r.extracted, r.cached) == (1, 3)
    assert graph(out) == fresh(src, tmp_path)
    assert r.triples == len(graph(out))


def test_removed_or_changed_page_rebuilds_the_store(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    build([src], out, html=False)
    victim = sorted(src.glob("*.txt"))[1]
    victim.unlink()
    build([src], out, html=False)
    assert graph(out) == fresh(src, tmp_path)
    other = sorted(src.glob("*.txt"))[0]
    other.write_text(other.read_text(encoding="utf-8").replace("社区", "小区", 3), encoding="utf-8")
    build([src], out, html=False)
    assert graph(out) == fresh(src, tmp_path)


def test_a_page_naming_a_parent_removes_the_gazetteer_statement(tmp_path):
    """北关区 alone: 安阳市 comes from the gazetteer (北关区 locatedIn 安阳市, no kg:mentionedIn).
    A later page that names 安阳市 makes it a place of the text; the store updated with that
    page holds what a fresh build holds."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("北关区召开会议\n\n本报讯 北关区豆腐营街道开展“红色物业”活动。\n", encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, html=False)
    (src / "b.txt").write_text("安阳市召开会议\n\n本报讯 安阳市文峰区开展“文明城市”创建活动。\n", encoding="utf-8")
    r = build([src], out, html=False)
    assert r.store_updated
    assert graph(out) == fresh(src, tmp_path)
