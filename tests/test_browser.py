"""graph.html in a real browser: headless Debian Chromium, file://, network blocked.

Needs /usr/bin/chromium (Debian's `chromium` package, with fonts-noto-cjk for the Chinese
labels) and the `playwright` Python package (its own browser download is not used).
.ci/install-browser.sh installs both. Without them the tests skip, except under CI=true,
where they fail. The screenshot goes to tests/artifacts/graph.png.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
IN_CI = os.environ.get("CI") == "true"


def _load_test_viz():
    """tests/test_viz.py, for its sample graphs, whatever pytest's import mode."""
    path = Path(__file__).resolve().parent / "test_viz.py"
    spec = importlib.util.spec_from_file_location("kg_test_viz_graphs", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


tv = _load_test_viz()


def _require_browser():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium fonts-noto-cjk)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package (pip install playwright)")
    if not missing:
        return
    reason = "browser test needs " + " and ".join(missing) + "; .ci/install-browser.sh installs them"
    if IN_CI:
        pytest.fail("CI=true: " + reason, pytrace=False)
    pytest.skip(reason)


class Session:
    """One page, with everything it logged, requested and tried to pop up."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True)
        page = self.page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)

        def route(r):
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=60_000)

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def drawn_nodes(self) -> int:
        return self.page.evaluate("kgView.drawnNodeCount()")

    def drawn_edges(self) -> int:
        return self.page.evaluate("kgView.drawnEdgeCount()")

    def selected(self) -> list[str]:
        return self.page.evaluate("kgView.network.getSelectedNodes()")

    def search(self, text: str) -> None:
        self.page.fill("#kg-search", text)
        self.page.press("#kg-search", "Enter")

    def panel(self) -> str:
        return self.page.inner_text("#kg-panel")

    def node_point(self, node_id: str) -> dict:
        """Where node_id is drawn, in page coordinates (after bringing it into view)."""
        return self.page.evaluate("""id => {
            const n = kgView.network;
            n.moveTo({position: n.getPositions([id])[id], scale: 1.2, animation: false});
            const p = n.canvasToDOM(n.getPositions([id])[id]);
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y};
        }""", node_id)

    def edge_point(self, edge_id: str) -> dict:
        return self.page.evaluate("""id => {
            const n = kgView.network, e = n.body.edges[id];
            const mid = e.edgeType.getPoint(0.5);
            n.moveTo({position: mid, scale: 1.2, animation: false});
            const p = n.canvasToDOM(e.edgeType.getPoint(0.5));
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y};
        }""", edge_id)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def small(browser, tmp_path_factory):
    g = tv.sample_graph()
    path = tmp_path_factory.mktemp("browser") / "graph.html"
    tv.write_html(g, path, title="北关区 测试")
    s = Session(browser, path)
    s.graph = g
    yield s
    s.context.close()


def test_loads_offline_without_errors(small):
    assert small.errors == []
    assert small.blocked == []
    assert all(u.startswith(("file:", "data:")) for u in small.requests), small.requests
    assert small.drawn_nodes() == small.graph.number_of_nodes()
    assert small.drawn_edges() == small.graph.number_of_edges()
    assert small.page.inner_text("#kg-stats").startswith(f"{small.graph.number_of_nodes()} of ")


def test_search_selects_and_shows_the_panel(small, capsys):
    small.search("北关区")
    small.page.wait_for_selector("#kg-panel[data-showing=node] h2")
    assert small.selected() == ["place:410502"]
    assert small.page.inner_text("#kg-panel h2") == "北关区"
    text = small.panel()
    for expected in ("Place", "北关", "410502", "北关区召开乡村振兴工作推进会", "000_91a56669e67fef84.txt",
                     "红旗路街道开展志愿服务", "locatedIn"):
        assert expected in text
    small.page.wait_for_timeout(600)  # the focus animation
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "graph.png"
    small.page.screenshot(path=str(shot))
    with capsys.disabled():
        print(f"\n[test_browser] screenshot: {shot}")
    assert small.errors == []


def test_search_by_alias(small):
    small.search("区政府")
    small.page.wait_for_selector("#kg-panel[data-showing=node] h2")
    assert small.selected() == ["org:gov"]
    assert small.page.inner_text("#kg-panel h2") == "北关区人民政府"


def test_click_node_then_edge_evidence(small):
    small.page.click("#kg-network", position={"x": 5, "y": 5})  # background: clears the panel
    pt = small.node_point("place:hongqilu")
    small.page.mouse.click(pt["x"], pt["y"])
    small.page.wait_for_function("() => document.querySelector('#kg-panel h2')?.textContent === '红旗路街道'")
    assert small.selected() == ["place:hongqilu"]
    eid = small.page.evaluate("""() => Object.keys(kgView.data.edgeInfo).find(
        k => kgView.data.edgeInfo[k].predicate === 'holds' && kgView.data.edgeInfo[k].title === '党工委书记')""")
    pt = small.edge_point(eid)
    small.page.mouse.click(pt["x"], pt["y"])
    small.page.wait_for_selector("#kg-panel[data-showing=edge]")
    text = small.panel()
    assert "holds: 党工委书记" in text
    assert "红旗路街道党工委书记李娜介绍情况。" in text
    assert "红旗路街道开展志愿服务" in text and "001_3c1f0e2d9a7b5c4e.txt" in text


def test_hostile_label_is_text(small):
    small.search("onerror")
    small.page.wait_for_selector("#kg-panel[data-showing=node] h2")
    assert small.page.inner_text("#kg-panel h2") == tv.HOSTILE
    assert tv.SCRIPT_CLOSER in small.panel()
    assert small.page.evaluate("document.querySelectorAll('img').length") == 0
    # its edge, whose sentence carries the same markup and a U+2028
    eid = small.page.evaluate("""() => Object.keys(kgView.data.edgeInfo).find(
        k => kgView.data.edgeInfo[k].support.some(s => s[0].includes('onerror')))""")
    small.page.evaluate("id => kgView.network.emit('click', {nodes: [], edges: [id]})", eid)
    small.page.wait_for_selector("#kg-panel[data-showing=edge]")
    assert tv.HOSTILE in small.page.inner_text("#kg-panel blockquote")
    assert small.page.evaluate("document.querySelectorAll('img, #kg-panel script').length") == 0
    small.page.wait_for_timeout(300)
    assert small.dialogs == []
    assert small.errors == []


def test_filters_and_neighbours(small):
    g = small.graph
    total = g.number_of_nodes()
    persons = sum(1 for _, d in g.nodes(data=True) if d.get("type") == "Person")
    box = small.page.locator("input[data-filter='type:Person']")
    box.uncheck()
    assert small.drawn_nodes() == total - persons
    box.check()
    assert small.drawn_nodes() == total
    rel = small.page.locator("input[data-filter='rel:locatedIn']")
    rel.uncheck()
    locs = sum(1 for *_, d in g.edges(data=True) if d["predicate"] == "locatedIn")
    assert small.drawn_edges() == g.number_of_edges() - locs
    rel.check()
    small.search("北关区")
    small.page.check("#kg-neighbours")
    neighbours = set(g.predecessors("place:410502")) | set(g.successors("place:410502"))
    assert small.drawn_nodes() == 1 + len(neighbours)
    small.page.uncheck("#kg-neighbours")
    assert small.drawn_nodes() == total
    assert small.errors == []


def test_large_graph_draws_without_physics(browser, tmp_path):
    g = tv.big_graph(1000)
    path = tmp_path / "graph.html"
    tv.write_html(g, path, max_nodes=800)
    s = Session(browser, path)
    try:
        assert s.page.evaluate("kgView.data.options.physics.enabled") is False
        assert s.drawn_nodes() == 800
        banner = s.page.locator("#kg-banner")
        assert banner.is_visible()
        assert "200" in banner.inner_text() and "1,000" in banner.inner_text()
        assert s.errors == [] and s.blocked == []
    finally:
        s.context.close()
