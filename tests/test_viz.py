"""kg.viz: the HTML page is self-contained, carries every label as data, never as markup."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import webbrowser
from pathlib import Path

import networkx as nx
import pytest

from kg.graph import build_graph
from kg.model import Article, Entity, Position, Relation, Resolution
from kg.viz import (_APP_JS, PHYSICS_MAX_NODES, _degrees, _select_nodes, layout_positions, render_html,
                    write_html)

HOSTILE = "<img src=x onerror=alert(1)>"
SCRIPT_CLOSER = "</script><script>alert(2)</script>"


def sample_graph() -> nx.MultiDiGraph:
    """A small graph through the real build_graph: Chinese names, one hostile label."""
    a0 = Article(source="000_91a56669e67fef84.txt", index=0, title="北关区召开乡村振兴工作推进会",
                 body="……", reporters=["王明"], date="2023-05-06")
    a1 = Article(source="000_91a56669e67fef84.txt", index=1, title="", body="……", kind="photo",
                 photographers=["刘洋"])
    a2 = Article(source="001_3c1f0e2d9a7b5c4e.txt", index=0, title="红旗路街道开展志愿服务", body="……")
    ents = [
        Entity("place:410500", "安阳市", "Place", {"安阳"}, set(), "410500", True),
        Entity("place:410502", "北关区", "Place", {"北关"}, {a0.id, a2.id}, "410502", True),
        Entity("place:hongqilu", "红旗路街道", "Place", {"红旗路"}, {a2.id}),
        Entity("org:gov", "北关区人民政府", "Organization", {"区政府"}, {a0.id}),
        Entity("org:hostile", HOSTILE, "Organization", {SCRIPT_CLOSER}, {a1.id}),
        Entity("person:zhangwei", "张伟", "Person", set(), {a0.id, a1.id}),
        Entity("person:lina", "李娜", "Person", set(), {a2.id}),
        Entity("program:xczx", "乡村振兴示范工程", "Program", {"示范工程"}, {a0.id}),
    ]
    rels = [
        Relation("place:410502", "locatedIn", "place:410500"),  # gazetteer: no sentence
        Relation("place:hongqilu", "locatedIn", "place:410502", "红旗路街道位于北关区中部。", a2.id),
        Relation("org:gov", "runs", "program:xczx", "北关区人民政府实施乡村振兴示范工程。", a0.id),
        Relation("person:zhangwei", "quotedIn", a0.id, "张伟说：\u201c要抓好落实。\u201d", a0.id),
        Relation("org:hostile", "locatedIn", "place:410502", f"{HOSTILE}位于北关区\u2028{SCRIPT_CLOSER}", a1.id),
    ]
    positions = [
        Position("person:zhangwei", "区长", "org:gov", "北关区区长张伟出席会议。", a0.id),
        Position("person:lina", "党工委书记", "place:hongqilu", "红旗路街道党工委书记李娜介绍情况。", a2.id),
    ]
    return build_graph(Resolution([a0, a1, a2], {e.key: e for e in ents}, rels, positions))


def big_graph(n: int = 1000, seed: int = 3) -> nx.MultiDiGraph:
    """n nodes shaped like a real graph: articles, places, people quoted in articles."""
    import random

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_art = n // 5
    for i in range(n_art):
        g.add_node(f"article:p{i // 6:03d}/{i % 6}", node="article", title=f"第{i}篇报道", kind="news",
                   source=f"p{i // 6:03d}.txt", reporters=[], photographers=[], date=None, index=i % 6)
    arts = [v for v in g.nodes]
    types = ["Person", "Person", "Organization", "Place", "Program"]
    for i in range(n - n_art):
        a = rng.sample(arts, rng.choice([1, 1, 2, 3]))
        g.add_node(f"e{i}", node="entity", type=types[i % 5], label=f"实体{i}", aliases=[],
                   articles=[x[len('article:'):] for x in a], code="", gazetteer=False)
        for x in a:
            g.add_edge(f"e{i}", x, key="quotedIn", predicate="quotedIn", evidence=["某某说。"],
                       articles=[x[len('article:'):]], support=[("某某说。", x[len('article:'):])])
        if i > 10 and rng.random() < 0.5:
            j = rng.randrange(i)
            g.add_edge(f"e{i}", f"e{j}", key="locatedIn", predicate="locatedIn", evidence=[],
                       articles=[], support=[("", "")])
    return g


def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "no embedded graph data"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, str, nx.MultiDiGraph]:
    g = sample_graph()
    path = tmp_path_factory.mktemp("viz") / "graph.html"
    write_html(g, path, title="北关区 <b>报</b>")
    return path, path.read_bytes().decode("utf-8"), g


def test_no_remote_resources(page):
    _, text, _ = page
    for pattern in (r'<script[^>]*\bsrc\s*=\s*["\']?\s*(?:https?:)?//',
                    r'<link[^>]*\bhref\s*=\s*["\']?\s*(?:https?:)?//',
                    r'url\(\s*["\']?\s*(?:https?:)?//',
                    r'@import\s+(?:url\()?\s*["\']?\s*(?:https?:)?//'):
        assert not re.search(pattern, text, re.I), pattern
    assert "<script src" not in text and "<link" not in text
    assert "vis.Network" in text and "vis-network" in text  # the library is inlined


def test_file_is_utf8_with_chinese_verbatim(page):
    path, text, _ = page
    raw = path.read_bytes()
    raw.decode("utf-8")  # strict
    assert "北关区人民政府".encode("utf-8") in raw
    assert '<meta charset="utf-8">' in text
    assert not list(path.parent.glob(".graph.html.*"))  # no temp file left behind


def test_every_label_is_in_the_data(page):
    _, text, g = page
    data = embedded_data(text)
    drawn = {n["id"]: n["label"] for n in data["nodes"]}
    assert set(drawn) == {str(v) for v in g.nodes}
    for v, d in g.nodes(data=True):
        if d["node"] == "entity":
            assert drawn[v] == d["label"]
            assert data["info"][v]["aliases"] == d["aliases"]
    assert data["info"]["place:410502"]["code"] == "410502"
    assert len(data["edges"]) == g.number_of_edges()
    preds = sorted(data["edgeInfo"][e["id"]]["predicate"] for e in data["edges"])
    assert preds == sorted(d["predicate"] for *_, d in g.edges(data=True))
    assert data["meta"] == {**data["meta"], "total": g.number_of_nodes(), "omitted": 0, "physics": True}


def test_hostile_text_is_never_markup(page):
    _, text, _ = page
    assert HOSTILE not in text
    assert "<img" not in text
    assert "<script>alert(2)" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert "<b>报</b>" not in text and "&lt;b&gt;" in text  # the page title is escaped too
    # the page script puts data into the DOM as text only
    assert "innerHTML" not in _APP_JS and "insertAdjacentHTML" not in _APP_JS
    data = embedded_data(text)
    assert data["info"]["org:hostile"]["label"] == HOSTILE
    assert SCRIPT_CLOSER in data["info"]["org:hostile"]["aliases"]
    ev = [s for e in data["edgeInfo"].values() if e["predicate"] == "locatedIn" for s, _ in e["support"]]
    assert any(HOSTILE in s and "\u2028" in s for s in ev)
    # exactly the three script elements we wrote: data, vis-network, the page script
    assert len(re.findall(r"^<script\b", text, re.M)) == 3
    assert len(re.findall(r"</script>", text)) == 3


def test_styles_legend_and_sizes(page):
    _, text, _ = page
    data = embedded_data(text)
    assert [n["kind"] for n in data["legend"]["nodes"]] == ["Person", "Organization", "Place", "Program", "Article"]
    assert {e["predicate"] for e in data["legend"]["edges"]} == {"locatedIn", "runs", "quotedIn", "holds"}
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len({nodes[k]["shape"] for k in ("person:zhangwei", "org:gov", "place:410502",
                                            "program:xczx", "article:000_91a56669e67fef84/0")}) == 5
    assert nodes["place:410502"]["size"] > nodes["place:410500"]["size"]  # 2 articles vs 0
    labels = {e["label"] for e in data["edges"]}
    assert {"locatedIn", "runs", "quotedIn", "holds: 区长"} <= labels
    assert "Noto Sans CJK SC" in data["options"]["nodes"]["font"]["face"]
    tip = nodes["place:410502"]["title"]
    assert "Place" in tip and "北关" in tip and "北关区召开乡村振兴工作推进会" in tip
    holds = [e for e in data["edgeInfo"].values() if e["predicate"] == "holds"]
    assert {h["title"] for h in holds} == {"区长", "党工委书记"}


def test_large_graph_gets_positions_and_no_physics(tmp_path):
    g = big_graph(1000)
    assert g.number_of_nodes() > PHYSICS_MAX_NODES
    data = embedded_data(render_html(g))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n.get("x"), float) and isinstance(n.get("y"), float) for n in data["nodes"])
    xs = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xs) == len(data["nodes"])  # no two nodes on one spot
    assert data["meta"]["omitted"] == 0


def test_layout_keeps_links_short_and_nodes_apart():
    import numpy as np

    g = nx.Graph(big_graph(1000))
    pos = layout_positions(g)
    xy = np.array([pos[v] for v in g.nodes])
    index = {v: i for i, v in enumerate(g.nodes)}
    links = np.array([(index[u], index[v]) for u, v in g.edges() if u != v])
    link_length = np.linalg.norm(xy[links[:, 0]] - xy[links[:, 1]], axis=1).mean()
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, len(xy), (5000, 2))
    # a random placement gives 1; the layout before pivot-MDS starts gave 0.37 here
    assert link_length < 0.45 * np.linalg.norm(xy[pairs[:, 0]] - xy[pairs[:, 1]], axis=1).mean()
    gaps = np.linalg.norm(xy[:, None] - xy[None, :], axis=2) + np.eye(len(xy)) * 1e9
    assert (gaps.min(1) < 5).mean() < 0.01  # no pile-up: hardly a node within 5 px of another


def test_layout_without_links_or_with_one_node():
    g = nx.Graph()
    g.add_nodes_from(range(500))
    assert len(set(layout_positions(g).values())) == 500
    assert layout_positions(nx.Graph([(1, 1)])) == {1: (0.0, 0.0)}
    assert layout_positions(nx.Graph()) == {}


def test_max_nodes_keeps_highest_degree(tmp_path):
    g = big_graph(400)
    data = embedded_data(render_html(g, max_nodes=100))
    assert len(data["nodes"]) == 100
    assert data["meta"]["omitted"] == 300 and data["meta"]["total"] == 400
    kept = {n["id"] for n in data["nodes"]}
    cutoff = min(g.degree(v) for v in kept)
    assert all(g.degree(v) <= cutoff for v in g.nodes if v not in kept)
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])


def test_selection_ranks_by_networkx_degree():
    """Parallel edges and self-loops count as networkx counts them; ties go by id."""
    g = big_graph(400)
    g.add_edge("e5", "e5", key="x", predicate="x")
    g.add_edge("e7", "e8", key="y", predicate="y")
    g.add_edge("e7", "e8", key="z", predicate="z")
    assert _degrees(g) == dict(g.degree())
    for k in (0, 50, 399):
        assert _select_nodes(g, k) == sorted(g.nodes, key=lambda v: (-g.degree(v), str(v)))[:k]


def test_output_is_deterministic():
    g = big_graph(400)
    assert render_html(g) == render_html(g)


def test_write_replaces_existing_file(tmp_path):
    path = tmp_path / "graph.html"
    path.write_text("old", encoding="utf-8")
    write_html(sample_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_edge_evidence_keeps_its_article(page):
    _, text, _ = page
    data = embedded_data(text)
    runs = [e for e in data["edgeInfo"].values() if e["predicate"] == "runs"]
    assert runs == [{"predicate": "runs", "title": "", "articles": ["000_91a56669e67fef84/0"],
                     "support": [["北关区人民政府实施乡村振兴示范工程。", "000_91a56669e67fef84/0"]]}]
    gaz = [e for e in data["edges"] if e["from"] == "place:410502" and e["to"] == "place:410500"]
    assert data["edgeInfo"][gaz[0]["id"]]["support"] == []  # gazetteer knowledge: no sentence
    art = data["articles"]["000_91a56669e67fef84/0"]
    assert art["title"] == "北关区召开乡村振兴工作推进会" and art["source"] == "000_91a56669e67fef84.txt"


# ---- kg view

def test_view_opens_the_page(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kg.cli import view

    write_html(sample_graph(), tmp_path / "graph.html")
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    result = CliRunner().invoke(view.app, ["--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert opened == [(tmp_path / "graph.html").resolve().as_uri()]


def test_view_without_a_graph_says_so(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kg.cli import view

    monkeypatch.setattr(webbrowser, "open", lambda uri: pytest.fail("opened a browser"))
    result = CliRunner().invoke(view.app, ["--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"no graph.html in {tmp_path}: run kg build first"
    assert "Traceback" not in result.output


def test_writing_imports_no_heavy_modules(tmp_path):
    """kg build writes the page once per process, so whatever write_html imports is paid in
    full: scipy's sparse graphs and k-d tree, pyvis with IPython took 0.5-1 s, more than the page."""
    root = Path(__file__).resolve().parents[1]
    code = ("import sys, tests.test_viz as t; from kg.viz import write_html; "
            f"write_html(t.big_graph(400), {str(tmp_path / 'graph.html')!r}); "
            "print(sorted(m for m in ('scipy', 'pyvis', 'jinja2', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert out.stdout.strip() == "[]"
    assert embedded_data((tmp_path / "graph.html").read_text(encoding="utf-8"))["meta"]["shown"] == 400
